/**
 * The summary of a sweep: cell results grouped by (N, D) in grid order, each group reduced to
 * mean and spread over its seeds beside the formulas. Results are sorted by cell index first, so
 * the order they finished in (workers, shards) never changes the table.
 */
import { exactSends, floodFormulas } from '../../core/formulas.ts';
import type { CellResult } from './run-cell.ts';

/** Mean and sample standard deviation. */
export interface Spread {
  readonly mean: number;
  readonly sd: number;
}

function spread(xs: readonly number[]): Spread {
  const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
  const sd = xs.length > 1 ? Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / (xs.length - 1)) : 0;
  return { mean, sd };
}

/** One (N, D) pair summarised over its seeds. */
export interface SweepRow {
  readonly nodes: number;
  readonly degree: number;
  readonly runs: number;
  readonly edges: Spread;
  readonly sends: Spread;
  readonly nd: number;
  readonly textbookWaste: number;
  /** Exact sends per message from each run's own edge count, averaged. */
  readonly exact: Spread | null;
  readonly tree: number;
  readonly rmr: Spread;
  readonly ldh: Spread;
  readonly coverage: Spread;
  readonly timeMs: Spread;
  /** Why cells of this pair could not run (one message per distinct reason). */
  readonly errors: readonly string[];
}

type Ok = Extract<CellResult, { ok: true }>;

/** Groups cell results by (N, D) in grid order and summarises each group over its seeds. */
export function summarizeSweep(results: readonly CellResult[], protocol: string): SweepRow[] {
  const groups = new Map<string, CellResult[]>();
  for (const r of [...results].sort((a, b) => a.index - b.index)) {
    const key = `${r.nodes}/${r.degree}`;
    const list = groups.get(key) ?? [];
    list.push(r);
    groups.set(key, list);
  }
  const rows: SweepRow[] = [];
  for (const list of groups.values()) {
    const ok = list.filter((r): r is Ok => r.ok);
    const errors = [...new Set(list.flatMap((r) => (r.ok ? [] : [r.error])))];
    const { nodes, degree } = list[0]!;
    const f = floodFormulas(nodes, 0, degree);
    const exact = ok.map((r) => exactSends(protocol, r.nodes, r.edges));
    rows.push({
      nodes,
      degree,
      runs: ok.length,
      edges: spread(ok.map((r) => r.edges)),
      sends: spread(ok.map((r) => r.sends)),
      nd: f.nd,
      textbookWaste: f.textbookWaste,
      exact: ok.length > 0 && exact.every((x) => x !== undefined) ? spread(exact as number[]) : null,
      tree: f.tree,
      rmr: spread(ok.map((r) => r.rmr)),
      ldh: spread(ok.map((r) => r.ldh)),
      coverage: spread(ok.map((r) => r.coverage)),
      timeMs: spread(ok.map((r) => r.timeMs)),
      errors,
    });
  }
  return rows;
}
