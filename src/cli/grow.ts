/**
 * `floodlab grow`: grows a network by N joins through a membership protocol (blog or hyparview) on
 * the simulator's dynamic topology and prints what came out: links per node, connectivity,
 * clustering, path lengths, the membership messages spent, and the flood waste table beside a
 * random-regular network. `--churn` and `--kill` then disturb it and measure flood reliability
 * before and after the protocol's repair; `--save` writes the grown network for `sim --topology`.
 */
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { intIn } from '../options/parse.ts';
import { OPTIONS, override } from '../options/schema.ts';
import { churnAndRepair, churnSchedule, killAndRepair, type ChurnReport, type FailureReport } from '../sim/grow/failure.ts';
import { grow, randomLive } from '../sim/grow/grow.ts';
import { growReport } from '../sim/grow/report.ts';
import { edgeListText } from '../sim/grow/save.ts';
import { growWaste } from '../sim/grow/waste.ts';
import { seededRng } from '../sim/random.ts';
import { action } from './action.ts';
import { addOptions } from './options/commander.ts';
import { growProgress, silentGrowProgress } from './grow-progress.ts';
import { checkOutputs, emitTo, type OutputFlag } from './output.ts';
import { renderGrow } from './render/grow.ts';

interface GrowFlags {
  nodes: number;
  want: number;
  overlay: string;
  entry: 'first' | 'random';
  seed: string;
  messages: number;
  kill?: number;
  churn?: number;
  churnFor: number;
  save?: string;
  json?: OutputFlag;
  progress: boolean;
}

/** The schema entries `grow` takes, in help order. */
export const GROW_OPTIONS = [
  override(OPTIONS.nodes, { help: 'number of nodes that join, one by one', parse: intIn(2, 10_000_000), why: 'each node has a fixed block of link slots' }),
  OPTIONS.want,
  OPTIONS.overlay,
  OPTIONS.entry,
  OPTIONS.seed,
  OPTIONS.kill,
  OPTIONS.churn,
  OPTIONS.churnFor,
  override(OPTIONS.messages, {
    arg: 'M',
    help: 'messages flooded right after --kill/--churn and again after repair',
    default: 10,
    parse: intIn(1, 10_000),
    why: 'reliability is a mean over messages; each one floods the whole overlay',
  }),
  OPTIONS.save,
  OPTIONS.json,
  OPTIONS.progress,
];

export function registerGrow(program: Command): void {
  const cmd = program.command('grow').description('grow a network by N joins through a membership protocol and measure what it built');
  addOptions(cmd, GROW_OPTIONS)
    .addHelpText(
      'after',
      '\nExamples:\n  floodlab grow -n 1000 --want 5\n  floodlab grow -n 10000 --overlay hyparview --entry random --json\n  floodlab grow -n 2000 --overlay hyparview --kill 0.5 --messages 20\n  floodlab grow -n 1000 --churn 2 --churn-for 60\n  floodlab grow -n 1000 --save grown.txt && floodlab sim --topology grown.txt',
    )
    .action(action((flags: GrowFlags) => runGrow(flags)));
}

function runGrow(flags: GrowFlags): void {
  checkOutputs({ '--json': flags.json, '--save': flags.save });
  const { seed, want } = flags;
  const events = flags.churn === undefined ? [] : churnSchedule(flags.churn, flags.churnFor, seed);
  const joins = events.filter((e) => e.join).length;
  const progress = flags.progress ? growProgress() : silentGrowProgress;
  const r = grow({ nodes: flags.nodes, want, overlay: flags.overlay, entry: flags.entry, seed, extraNodes: joins, onProgress: progress.joined, onStage: progress.stage });
  progress.stage('measuring the grown network');
  const report = growReport(r, seed);
  const waste = growWaste(r.edges, seed);
  if (flags.save !== undefined) writeFileSync(flags.save, edgeListText(r.edges, `floodlab grow -n ${flags.nodes} --want ${want} --overlay ${r.overlay} --entry ${flags.entry} --seed ${seed}`));
  let churn: ChurnReport | undefined;
  let failure: FailureReport | undefined;
  if (flags.churn !== undefined) {
    progress.stage(`churn at ${flags.churn} a second, then repair`);
    const pick = seededRng(seed, 'churn-entry');
    const entryOf = flags.entry === 'first' ? () => 0 : () => randomLive(r.net, pick);
    churn = churnAndRepair(r.net, want, events, { rate: flags.churn, seconds: flags.churnFor, messages: flags.messages, seed, entryOf });
  }
  if (flags.kill !== undefined) {
    progress.stage(`killing ${flags.kill * 100}% of the nodes, then repair`);
    failure = killAndRepair(r.net, want, flags.kill, flags.messages, seed);
  }
  progress.stop();
  const out = { ...report, entry: flags.entry, seed, floodWaste: waste, ...(churn ? { churn } : {}), ...(failure ? { failure } : {}) };
  if (!emitTo(flags.json, () => JSON.stringify(out, null, 2) + '\n')) process.stdout.write(renderGrow(out));
}
