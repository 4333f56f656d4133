/**
 * `floodlab sim`: one simulated flood over N nodes of degree D, printed as the waste table (or
 * as JSON / CSV for other programs: alone on stdout, or with FILE written there).
 */
import type { Command } from 'commander';
import { OPTIONS } from '../options/schema.ts';
import { runSimulation, type SimReport } from '../sim/run.ts';
import { action } from './action.ts';
import { toCsv } from './csv.ts';
import { FAULT_OPTIONS } from './fault-options.ts';
import { noteCleaned, noteIgnored } from './notes.ts';
import { addOptions } from './options/commander.ts';
import { checkOutputs, emitTo, type OutputFlag } from './output.ts';
import { renderSimReport } from './render/waste.ts';
import { runOptionsOf, type RunFlags } from './run-flags.ts';

interface SimFlags extends RunFlags {
  protocol: string;
  json?: OutputFlag;
  csv?: OutputFlag;
}

/** The JSON `sim --json` prints: the report, with non-finite numbers (an undefined RMR) as null. */
export function simJson(report: SimReport): string {
  return JSON.stringify(report, (_key, value: unknown) => (typeof value === 'number' && !Number.isFinite(value) ? null : value), 2) + '\n';
}

function simCsv(report: SimReport): string {
  return toCsv(
    ['count', 'formula', 'formula_value', 'measured', 'meaning'],
    report.waste.rows.map((r) => [r.what, r.formula, Number.isNaN(r.value) ? null : r.value, r.measured ?? null, r.meaning]),
  );
}

/** The schema entries `sim` takes, in help order. */
export const SIM_OPTIONS = [
  OPTIONS.nodes,
  OPTIONS.degree,
  OPTIONS.topology,
  OPTIONS.protocol,
  OPTIONS.latency,
  OPTIONS.seed,
  OPTIONS.messages,
  ...FAULT_OPTIONS,
  OPTIONS.origin,
  OPTIONS.payloadBytes,
  OPTIONS.signed,
  OPTIONS.json,
  OPTIONS.csv,
];

export function registerSim(program: Command): void {
  const cmd = program.command('sim').description('simulate flooding over N nodes of degree D and print the waste table');
  addOptions(cmd, SIM_OPTIONS)
    .addHelpText(
      'after',
      '\nExamples:\n  floodlab sim\n  floodlab sim -n 100000 -d 8 --protocol flood-echo\n  floodlab sim -n 500 -d 6 --topology watts-strogatz:0.2 --latency uniform:5-50 --messages 20 --json\n  floodlab sim -n 1000 --json run.json      (writes run.json, prints the table)',
    )
    .action(
      action((flags: SimFlags, command: Command) => {
        checkOutputs({ '--json': flags.json, '--csv': flags.csv });
        noteIgnored('sim', flags.topology, command);
        const report = runSimulation({ ...runOptionsOf(flags), protocol: flags.protocol });
        noteCleaned('sim', report.topology, report.graphCleaned);
        const printedJson = emitTo(flags.json, () => simJson(report));
        const printedCsv = emitTo(flags.csv, () => simCsv(report));
        if (!printedJson && !printedCsv) process.stdout.write(renderSimReport(report));
      }),
    );
}
