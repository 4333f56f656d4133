/**
 * `floodlab sim`: one simulated flood over N nodes of degree D, printed as the waste table (or
 * as JSON / CSV for other programs).
 */
import type { Command } from 'commander';
import { runSimulation, type SimReport } from '../sim/run.ts';
import { action } from './action.ts';
import { addRunOptions, DEFAULTS, MAX_NODES } from './common-options.ts';
import { toCsv } from './csv.ts';
import { addFaultOptions, faultSpec, type FaultFlags } from './fault-options.ts';
import { intOption } from './options.ts';
import { renderSimReport } from './render/waste.ts';

interface SimFlags extends FaultFlags {
  nodes: number;
  degree: number;
  topology: string;
  protocol: string;
  latency: string;
  seed: string;
  messages: number;
  origin?: string;
  json?: boolean;
  csv?: boolean;
}

/** The JSON `sim --json` prints: the report without the rendered notes' duplication. */
export function simJson(report: SimReport): string {
  return JSON.stringify(report, (_key, value: unknown) => (typeof value === 'number' && !Number.isFinite(value) ? null : value), 2) + '\n';
}

function simCsv(report: SimReport): string {
  return toCsv(
    ['count', 'formula', 'formula_value', 'measured', 'meaning'],
    report.waste.rows.map((r) => [r.what, r.formula, Number.isNaN(r.value) ? null : r.value, r.measured ?? null, r.meaning]),
  );
}

export function registerSim(program: Command): void {
  const cmd = program
    .command('sim')
    .description('simulate flooding over N nodes of degree D and print the waste table')
    .option('-n, --nodes <N>', 'number of nodes', intOption('--nodes', 2, MAX_NODES), DEFAULTS.nodes)
    .option('-d, --degree <D>', 'links per node (the mean degree for random graphs that are not regular)', intOption('--degree', 1, 100_000), DEFAULTS.degree);
  addFaultOptions(addRunOptions(cmd))
    .option('-o, --origin <node>', 'start every message at this node (index or name); default: seeded random nodes')
    .option('--json', 'print one JSON object instead of the table')
    .option('--csv', 'print the waste table as CSV')
    .addHelpText('after', '\nExamples:\n  floodlab sim\n  floodlab sim -n 100000 -d 8 --protocol flood-echo\n  floodlab sim -n 500 -d 6 --topology watts-strogatz:0.2 --latency uniform:5-50 --messages 20 --json')
    .action(
      action((flags: SimFlags) => {
        const report = runSimulation({
          nodes: flags.nodes,
          degree: flags.degree,
          topology: flags.topology,
          protocol: flags.protocol,
          latency: flags.latency,
          seed: flags.seed,
          messages: flags.messages,
          ...(flags.origin !== undefined ? { origin: flags.origin } : {}),
          faults: faultSpec(flags),
        });
        process.stdout.write(flags.json ? simJson(report) : flags.csv ? simCsv(report) : renderSimReport(report));
      }),
    );
}
