/**
 * What a sweep prints: the table for people, the CSV and JSON for programs. Shared by `sweep`
 * and `merge`, so that merged shards print exactly what one unsharded run prints.
 */
import { InputError } from '../../core/errors.ts';
import { protocolFacts } from '../../core/protocols/index.ts';
import { plural } from '../../report/format.ts';
import { summarizeSweep, type CellResult, type SweepOptions, type SweepRow } from '../../sim/sweep.ts';
import { toCsv } from '../csv.ts';
import { emitTo, type OutputFlag } from '../output.ts';
import { plainTable } from './waste.ts';

const f = (x: number, digits = 0): string => (Number.isNaN(x) ? 'n/a' : x.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits }));
const pm = (s: { mean: number; sd: number }, digits = 0): string => (s.sd > 0 ? `${f(s.mean, digits)} ± ${f(s.sd, digits)}` : f(s.mean, digits));

/** What the 'exact' column holds for this rule, from the registry. */
function exactText(protocol: string): string {
  const facts = protocolFacts(protocol);
  return facts?.exactSends === undefined ? `n/a (${protocol} has no closed form)` : `${facts.exactFormula ?? 'the closed form'} from each graph's own N and E`;
}

/** The sweep table for people. */
export function renderSweep(rows: readonly SweepRow[], protocol: string, seeds: number): string {
  const table = plainTable(['N', 'D', 'E', `sends/msg (${protocol})`, 'N·D', 'exact', 'N−1', 'sends ÷ N·D', 'RMR', 'LDH', 'coverage'], {
    colAligns: ['right', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'right'],
  });
  const skipped: string[] = [];
  for (const r of rows) {
    if (r.runs === 0) {
      table.push([f(r.nodes), r.degree, { colSpan: 9, content: 'skipped (see below)', hAlign: 'left' }]);
      skipped.push(...r.errors.map((e) => `N=${r.nodes}, D=${r.degree}: ${e}`));
      continue;
    }
    table.push([
      f(r.nodes),
      r.degree,
      pm(r.edges),
      pm(r.sends, r.sends.sd > 0 ? 1 : 0),
      f(r.nd),
      r.exact ? pm(r.exact, r.exact.sd > 0 ? 1 : 0) : 'n/a',
      f(r.tree),
      f(r.sends.mean / r.nd, 3),
      pm(r.rmr, 3),
      pm(r.ldh, 1),
      `${f(100 * r.coverage.mean, 1)}%`,
    ]);
  }
  const lines = [
    `floodlab sweep: ${protocol}, ${plural(seeds, 'seed')} per cell (mean ± standard deviation over seeds, per message)`,
    table.toString(),
    `sends/msg is measured; N·D is the textbook count; exact is ${exactText(protocol)};`,
    'N−1 is a spanning tree; sends ÷ N·D shows how close the textbook gets; RMR = sends/(reached−1) − 1; LDH = last delivery hop.',
  ];
  if (skipped.length > 0) lines.push('Skipped cells:', ...[...new Set(skipped)].map((s) => `  - ${s}`));
  return lines.join('\n') + '\n';
}

/** CSV of the summary: one line per (N, D). */
export function sweepCsv(rows: readonly SweepRow[]): string {
  return toCsv(
    ['nodes', 'degree', 'runs', 'edges_mean', 'sends_mean', 'sends_sd', 'nd', 'textbook_waste', 'exact_mean', 'tree', 'rmr_mean', 'rmr_sd', 'ldh_mean', 'coverage_mean', 'time_ms_mean', 'errors'],
    rows.map((r) => [
      r.nodes,
      r.degree,
      r.runs,
      r.edges.mean,
      r.sends.mean,
      r.sends.sd,
      r.nd,
      r.textbookWaste,
      r.exact?.mean ?? null,
      r.tree,
      r.rmr.mean,
      r.rmr.sd,
      r.ldh.mean,
      r.coverage.mean,
      r.timeMs.mean,
      r.errors.join('; '),
    ]),
  );
}

/** Where a sweep's CSV and JSON go: alone, to stdout in place of the table; with FILE, to that file. */
export interface SweepFiles {
  readonly csv?: OutputFlag;
  readonly json?: OutputFlag;
}

/**
 * Prints the table of these results (or the CSV/JSON asked for alone) and writes the CSV and JSON files asked for.
 * Throws InputError when no cell could run (the table would say nothing) unless `requireSome` is false.
 */
export function emitSweep(options: SweepOptions, results: readonly CellResult[], files: SweepFiles, command = 'sweep', requireSome = true): void {
  const first = results[0];
  if (requireSome && results.every((r) => !r.ok)) throw new InputError('ERR_SWEEP_EMPTY', `${command}: no cell could run; first reason: ${first?.ok === false ? first.error : 'none'}`);
  const sorted = [...results].sort((a, b) => a.index - b.index);
  const rows = summarizeSweep(sorted, options.protocol);
  const printedJson = emitTo(files.json, () => JSON.stringify({ options, cells: sorted, summary: rows }, null, 2) + '\n');
  const printedCsv = emitTo(files.csv, () => sweepCsv(rows));
  if (!printedJson && !printedCsv) process.stdout.write(renderSweep(rows, options.protocol, options.seeds));
}
