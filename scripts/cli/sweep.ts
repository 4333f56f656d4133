/**
 * `floodlab sweep`: the same flood over a grid of N and D (and several seeds), one table with
 * the mean and spread over seeds beside the formulas, optionally written as CSV or JSON.
 */
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { InputError } from '../../src/core/errors.ts';
import { runCell, summarizeSweep, sweepCells, type SweepOptions, type SweepRow } from '../../src/sim/sweep.ts';
import { action } from './action.ts';
import { addRunOptions, MAX_NODES } from './common-options.ts';
import { toCsv } from './csv.ts';
import { intListOption, intOption } from './options.ts';
import { plainTable } from './render-waste.ts';

interface SweepFlags {
  nodes: number[];
  degree: number[];
  seeds: number;
  topology: string;
  protocol: string;
  latency: string;
  seed: string;
  messages: number;
  csv?: string;
  json?: string;
}

const f = (x: number, digits = 0): string => (Number.isNaN(x) ? 'n/a' : x.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits }));
const pm = (s: { mean: number; sd: number }, digits = 0): string => (s.sd > 0 ? `${f(s.mean, digits)} ± ${f(s.sd, digits)}` : f(s.mean, digits));

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
    `floodlab sweep: ${protocol}, ${seeds} seed${seeds > 1 ? 's' : ''} per cell (mean ± standard deviation over seeds, per message)`,
    table.toString(),
    'sends/msg is measured; N·D is the textbook count; exact is 2E (flood-echo) or 2E − (N−1) (flood) from each graph\'s own E;',
    'N−1 is a spanning tree; sends ÷ N·D shows how close the textbook gets; RMR = sends/(reached−1) − 1; LDH = last delivery hop.',
  ];
  if (skipped.length > 0) lines.push('Skipped cells:', ...[...new Set(skipped)].map((s) => `  - ${s}`));
  return lines.join('\n') + '\n';
}

/** CSV of the summary: one line per (N, D). */
export function sweepCsv(rows: readonly SweepRow[]): string {
  return toCsv(
    ['nodes', 'degree', 'runs', 'edges_mean', 'sends_mean', 'sends_sd', 'nd', 'textbook_waste', 'exact_mean', 'tree', 'rmr_mean', 'rmr_sd', 'ldh_mean', 'coverage_mean', 'time_ms_mean', 'errors'],
    rows.map((r) => [r.nodes, r.degree, r.runs, r.edges.mean, r.sends.mean, r.sends.sd, r.nd, r.textbookWaste, r.exact?.mean ?? null, r.tree, r.rmr.mean, r.rmr.sd, r.ldh.mean, r.coverage.mean, r.timeMs.mean, r.errors.join('; ')]),
  );
}

export function registerSweep(program: Command): void {
  const cmd = program
    .command('sweep')
    .description('run the simulation over a grid of N and D and print one table')
    .option('-n, --nodes <list>', 'node counts: 100,1000 or 1000..5000:1000', intListOption('--nodes', 2, MAX_NODES), [100, 1000, 10000])
    .option('-d, --degree <list>', 'degrees: 2..12 or 4,8,16', intListOption('--degree', 1, 100_000), [2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12])
    .option('--seeds <K>', 'seeds per (N, D): S, S+1, ...', intOption('--seeds', 1, 10_000), 1);
  addRunOptions(cmd)
    .option('--csv <file>', 'also write the summary as CSV')
    .option('--json <file>', 'also write every cell and the summary as JSON')
    .addHelpText('after', '\nExamples:\n  floodlab sweep -n 100,1000,10000 -d 2..12\n  floodlab sweep -n 1000 -d 4,8,16 --seeds 5 --csv results/sweep.csv')
    .action(
      action((flags: SweepFlags) => {
        const options: SweepOptions = { nodes: flags.nodes, degrees: flags.degree, seeds: flags.seeds, seed: flags.seed, topology: flags.topology, protocol: flags.protocol, latency: flags.latency, messages: flags.messages };
        const cells = sweepCells(options);
        const results = cells.map((c) => runCell(c, options));
        if (results.every((r) => !r.ok)) throw new InputError('ERR_SWEEP_EMPTY', `sweep: no cell could run; first reason: ${results[0]?.ok === false ? results[0].error : 'none'}`);
        const rows = summarizeSweep(results, flags.protocol);
        process.stdout.write(renderSweep(rows, flags.protocol, flags.seeds));
        if (flags.csv) writeFileSync(flags.csv, sweepCsv(rows));
        if (flags.json) writeFileSync(flags.json, JSON.stringify({ options, cells: results, summary: rows }, null, 2) + '\n');
      }),
    );
}
