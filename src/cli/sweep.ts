/**
 * `floodlab sweep`: the same flood over a grid of N and D (and several seeds), one table with the
 * mean and spread over seeds beside the formulas. Cells run on worker processes (--jobs), progress
 * goes to stderr, finished cells go to a JSONL file as they finish (--out, which also resumes),
 * and --shard I/K runs one slice of the grid for `floodlab merge` to join.
 */
import type { Command } from 'commander';
import { InputError } from '../core/errors.ts';
import { shardCells, sweepCells, type Shard, type SweepOptions } from '../sim/sweep.ts';
import { cellBytes, jobsThatFit } from '../sweep/memory.ts';
import { defaultJobs } from '../sweep/pool.ts';
import { makeProgress, silentProgress } from '../sweep/progress.ts';
import { runSweep, type SweepRun } from '../sweep/run-sweep.ts';
import { OPTIONS, withDefault } from '../options/schema.ts';
import { action, fail } from './action.ts';
import { noteIgnored } from './notes.ts';
import { addOptions } from './options/commander.ts';
import { checkOutputs, type OutputFlag } from './output.ts';
import { emitSweep } from './render/sweep.ts';

interface SweepFlags {
  nodes: number[];
  degree: number[];
  seeds: number;
  topology: string;
  protocol: string;
  latency: string;
  seed: string;
  messages: number;
  jobs: number;
  out?: string;
  shard?: Shard;
  progress: boolean;
  csv?: OutputFlag;
  json?: OutputFlag;
}

const EXAMPLES = `
Examples:
  floodlab sweep -n 100,1000,10000 -d 2..12
  floodlab sweep -n 1000 -d 4,8,16 --seeds 5 --csv results/sweep.csv   (writes the CSV, prints the table)
  floodlab sweep -n 1000 -d 4,8 --csv > sweep.csv                      (the CSV alone, on stdout)
  floodlab sweep -n 1e5,1e6 -d 4..8 --seeds 10 --out sweep.jsonl      (rerun to resume)
  floodlab sweep -n 1e5,1e6 -d 4..8 --seeds 10 --shard 2/4 --out part2.jsonl
  floodlab merge part*.jsonl --csv sweep.csv                          (see docs/sweeps.md)`;

/** The workers to start: --jobs as given, or one per core as far as the biggest cells fit in memory. */
function chooseJobs(options: SweepOptions, flags: SweepFlags, given: boolean): number {
  const grid = sweepCells(options);
  const cells = flags.shard ? shardCells(grid, flags.shard) : grid;
  const wanted = Math.min(flags.jobs, cells.length); // the pool starts no more workers than cells
  const fit = jobsThatFit(cells, wanted);
  if (fit >= wanted) return flags.jobs;
  const gb = cells.reduce((m, c) => Math.max(m, cellBytes(c)), 0) / 1e9;
  const why = `the biggest cells need about ${gb.toFixed(1)} GB each`;
  if (given) {
    process.stderr.write(`floodlab sweep: warning: --jobs ${flags.jobs} may not fit in memory (${why}); --jobs ${fit} would\n`);
    return flags.jobs;
  }
  process.stderr.write(`floodlab sweep: ${fit} worker${fit > 1 ? 's' : ''} instead of ${wanted}: ${why} (set --jobs to choose)\n`);
  return fit;
}

async function sweep(flags: SweepFlags, command: Command): Promise<void> {
  const jobsGiven = command.getOptionValueSource('jobs') !== 'default';
  checkOutputs({ '--json': flags.json, '--csv': flags.csv, '--out': flags.out });
  noteIgnored('sweep', flags.topology, command);
  const options: SweepOptions = {
    nodes: flags.nodes,
    degrees: flags.degree,
    seeds: flags.seeds,
    seed: flags.seed,
    topology: flags.topology,
    protocol: flags.protocol,
    latency: flags.latency,
    messages: flags.messages,
  };
  if (flags.shard && flags.out === undefined)
    throw new InputError('ERR_BAD_OPTION', `sweep: --shard ${flags.shard.index}/${flags.shard.count} needs --out FILE.jsonl, so that 'floodlab merge' can join the shards`);
  const controller = new AbortController();
  let finished = 0;
  const stop = (signal: NodeJS.Signals): void => controller.abort(signal);
  process.once('SIGINT', stop).once('SIGTERM', stop);
  let run: SweepRun;
  try {
    run = await runSweep(options, {
      jobs: chooseJobs(options, flags, jobsGiven),
      ...(flags.out !== undefined ? { out: flags.out } : {}),
      ...(flags.shard ? { shard: flags.shard } : {}),
      progress: flags.progress ? makeProgress() : silentProgress,
      signal: controller.signal,
      onCell: () => finished++,
    });
  } catch (err) {
    if (!controller.signal.aborted) throw err;
    const kept =
      flags.out === undefined
        ? 'nothing was kept (add --out FILE.jsonl to keep finished cells and resume)'
        : `${finished} more finished cell${finished === 1 ? ' was' : 's were'} saved in ${flags.out}; run the same command again to finish`;
    fail(`sweep interrupted (${String(controller.signal.reason)}): ${kept}`, controller.signal.reason === 'SIGINT' ? 130 : 143);
  } finally {
    process.off('SIGINT', stop).off('SIGTERM', stop);
  }
  if (run.repaired) process.stderr.write(`floodlab sweep: ${flags.out}: cut off a torn last line (a run stopped mid-write); that cell ran again\n`);
  if (flags.shard && run.cells.length === 0) {
    process.stderr.write(`floodlab sweep: shard ${flags.shard.index}/${flags.shard.count} has no cells (the grid is smaller than ${flags.shard.count} cells); nothing to do\n`);
    return;
  }
  // A shard whose cells all failed is no error: the other shards may hold the rest of the grid.
  emitSweep(options, run.results, { csv: flags.csv, json: flags.json }, 'sweep', !flags.shard);
  if (flags.shard) {
    // Beside the table on stdout; on stderr when stdout carries CSV or JSON for a program.
    const out = flags.csv === true || flags.json === true ? process.stderr : process.stdout;
    out.write(
      `This is shard ${flags.shard.index}/${flags.shard.count}: ${run.cells.length} cells of the grid; means are over this shard's cells only. Join the shards with: floodlab merge FILE.jsonl...\n`,
    );
  }
}

/** The schema entries `sweep` takes: N and D are lists here, the rest as for sim. */
export const SWEEP_OPTIONS = [
  OPTIONS.nodesList,
  OPTIONS.degreeList,
  OPTIONS.seeds,
  OPTIONS.topology,
  OPTIONS.protocol,
  OPTIONS.latency,
  OPTIONS.seed,
  OPTIONS.messages,
  withDefault(OPTIONS.jobs, defaultJobs()),
  OPTIONS.out,
  OPTIONS.shard,
  OPTIONS.progress,
  OPTIONS.csv,
  OPTIONS.json,
];

export function registerSweep(program: Command): void {
  const cmd = program.command('sweep').description('run the simulation over a grid of N and D and print one table');
  addOptions(cmd, SWEEP_OPTIONS)
    .addHelpText('after', EXAMPLES)
    .action(action((flags: SweepFlags, command: Command) => sweep(flags, command)));
}
