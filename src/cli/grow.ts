/**
 * `floodlab grow`: grows a network by N joins through a membership protocol (blog or hyparview) on
 * the simulator's dynamic topology and prints what came out: links per node, connectivity,
 * clustering, path lengths, the membership messages spent, and what a flood costs on it.
 */
import type { Command } from 'commander';
import { grow } from '../sim/grow/grow.ts';
import { growReport, type GrowReport } from '../sim/grow/report.ts';
import { OPTIONS, override } from '../options/schema.ts';
import { action } from './action.ts';
import { addOptions } from './options/commander.ts';
import { checkOutputs, emitTo, type OutputFlag } from './output.ts';
import { intIn } from '../options/parse.ts';

interface GrowFlags {
  nodes: number;
  want: number;
  overlay: string;
  entry: string;
  seed: string;
  json?: OutputFlag;
}

const num = (x: number): string => x.toLocaleString('en-US', { maximumFractionDigits: 3 });
const plural = (n: number, one: string, many = `${one}s`): string => `${num(n)} ${n === 1 ? one : many}`;

/** The schema entries `grow` takes, in help order. */
export const GROW_OPTIONS = [
  override(OPTIONS.nodes, { help: 'number of nodes that join, one by one', parse: intIn(2, 10_000_000), why: 'each node has a fixed block of link slots' }),
  OPTIONS.want,
  OPTIONS.overlay,
  OPTIONS.entry,
  OPTIONS.seed,
  OPTIONS.json,
];

export function registerGrow(program: Command): void {
  const cmd = program.command('grow').description('grow a network by N joins through a membership protocol and measure what it built');
  addOptions(cmd, GROW_OPTIONS)
    .addHelpText('after', '\nExamples:\n  floodlab grow -n 1000 --want 5\n  floodlab grow -n 10000 --overlay hyparview --entry random --json')
    .action(
      action((flags: GrowFlags) => {
        checkOutputs({ '--json': flags.json });
        const entry = flags.entry as 'first' | 'random';
        const r = grow({ nodes: flags.nodes, want: flags.want, overlay: flags.overlay, entry, seed: flags.seed });
        const report = growReport(r, flags.seed);
        if (!emitTo(flags.json, () => JSON.stringify({ ...report, entry, seed: flags.seed }, null, 2) + '\n')) process.stdout.write(renderGrow(report, entry, flags.seed));
      }),
    );
}

/** The text report. */
export function renderGrow(r: GrowReport, entry: string, seed: string): string {
  const d = r.degree;
  const bar = Math.max(...d.histogram, 1);
  const hist = d.histogram.flatMap((count, k) => (count === 0 ? [] : [`  ${String(k).padStart(4)} links: ${num(count).padStart(9)} ${'█'.repeat(Math.max(1, Math.round((30 * count) / bar)))}`]));
  const m = r.membershipMessages;
  const byType = Object.entries(m.byType).map(([t, c]) => `${t} ${num(c)}`).join(', ');
  const how = r.exact ? 'exact' : `sampled, ${plural(r.pathLength.sources, 'BFS source')}`;
  const lines = [
    `floodlab grow: ${plural(r.nodes, 'node')} joined one by one through ${r.overlay} (K = ${r.want}), entry ${entry}, seed ${seed}`,
    r.settled ? `settled ${num(r.settledAtMs / 1000)} s into simulated time (last join at ${num(r.lastJoinMs / 1000)} s)` : `NOT settled: links still changing at ${num(r.settledAtMs / 1000)} s`,
    '',
    `Links per node: min ${d.min}, mean ${d.mean.toFixed(2)}, max ${d.max}  (E = ${plural(r.edges, 'link')})`,
    ...hist,
    `Connectivity: ${r.connected ? 'connected (1 component)' : `NOT connected: ${plural(r.components, 'component')}`}`,
    `Clustering coefficient: ${r.clustering.toFixed(4)} (${r.exact ? 'exact' : 'sampled'})`,
    `Mean shortest path: ${r.pathLength.mean.toFixed(2)} hops (${how}); diameter >= ${r.pathLength.diameterLowerBound} (double sweep)`,
    `Membership messages: ${num(m.total)} (${num(m.bytes)} bytes): ${byType || 'none'}`,
    '',
    `One flood from node 0: ${num(r.flood.transmissions)} transmissions = 2E − (N − 1), reaching ${plural(r.flood.reached, 'node')}`,
    `  on a random ${r.flood.randomRegularDegree}-regular network of the same N: N·D − (N − 1) = ${num(r.flood.randomRegularTransmissions)}`,
  ];
  if (r.overlay === 'blog') lines.push(`  blog's mean degree lands near 2K = ${2 * r.want}: every join adds about K links, and each link has two ends.`);
  return lines.join('\n') + '\n';
}
