/**
 * Sweeps: the grid of (N, D, seed) cells, one simulation per cell, and the summary over seeds.
 * A cell is a plain value and its result is plain data, so cells can run in any order, on any
 * thread or machine, and be merged afterwards into the same table.
 */
import { InputError } from '../core/errors.ts';
import { exactSends, floodFormulas } from '../core/formulas.ts';
import { runSimulation } from './run.ts';

export interface SweepOptions {
  readonly nodes: readonly number[];
  readonly degrees: readonly number[];
  /** Seeds per (N, D) pair. */
  readonly seeds: number;
  /** The first seed; the others follow from it (see cellSeed). */
  readonly seed: string;
  readonly topology: string;
  readonly protocol: string;
  readonly latency: string;
  readonly messages: number;
}

export interface SweepCell {
  /** Position in the grid: cells are numbered N-major, then D, then seed. */
  readonly index: number;
  readonly nodes: number;
  readonly degree: number;
  readonly seed: string;
}

/** What one cell measured (per message means), or why it could not run. */
export type CellResult =
  | {
      readonly index: number;
      readonly nodes: number;
      readonly degree: number;
      readonly seed: string;
      readonly ok: true;
      readonly edges: number;
      readonly sends: number;
      readonly expected: number | null;
      readonly reached: number;
      readonly coverage: number;
      readonly rmr: number;
      readonly ldh: number;
      readonly timeMs: number;
    }
  | { readonly index: number; readonly nodes: number; readonly degree: number; readonly seed: string; readonly ok: false; readonly error: string };

/** The i-th seed of a sweep: S, S+1, ... for a numeric S; S, S-1, S-2, ... otherwise. */
export function cellSeed(base: string, i: number): string {
  if (i === 0) return base;
  return /^\d+$/.test(base) ? String(Number(base) + i) : `${base}-${i}`;
}

/** Every cell of the grid, in a fixed order. */
export function sweepCells(options: SweepOptions): SweepCell[] {
  if (!Number.isInteger(options.seeds) || options.seeds < 1 || options.seeds > 10_000) {
    throw new InputError('ERR_BAD_OPTION', `sweep: --seeds ${options.seeds} must be an integer from 1 to 10000`);
  }
  const cells: SweepCell[] = [];
  for (const nodes of options.nodes) {
    for (const degree of options.degrees) {
      for (let i = 0; i < options.seeds; i++) cells.push({ index: cells.length, nodes, degree, seed: cellSeed(options.seed, i) });
    }
  }
  return cells;
}

/** Runs one cell; bad combinations (e.g. N·D odd for a regular graph) become an error result. */
export function runCell(cell: SweepCell, options: SweepOptions): CellResult {
  const base = { index: cell.index, nodes: cell.nodes, degree: cell.degree, seed: cell.seed };
  try {
    const r = runSimulation({ nodes: cell.nodes, degree: cell.degree, seed: cell.seed, topology: options.topology, protocol: options.protocol, latency: options.latency, messages: options.messages });
    const k = r.messages;
    return {
      ...base,
      ok: true,
      nodes: r.nodes,
      edges: r.edges,
      sends: r.transmissions / k,
      expected: r.expectedTransmissions === null ? null : r.expectedTransmissions / k,
      reached: r.reached,
      coverage: r.coverage,
      rmr: r.rmr,
      ldh: r.ldh,
      timeMs: r.timeToFullCoverageMs,
    };
  } catch (err) {
    if (err instanceof InputError) return { ...base, ok: false, error: err.message };
    throw err;
  }
}

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
    const ok = list.filter((r): r is Extract<CellResult, { ok: true }> => r.ok);
    const errors = [...new Set(list.filter((r) => !r.ok).map((r) => (r.ok ? '' : r.error)))];
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
