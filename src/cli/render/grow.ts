/**
 * The text `floodlab grow` prints: the grown network's figures, the flood waste table over it and
 * over a random-regular network of the same N and mean degree (the same table `sim` prints), and,
 * after --churn or --kill, reliability before and after repair with what the repair cost.
 */
import { num, pct, plural } from '../../report/format.ts';
import type { ChurnReport, FailureReport } from '../../sim/grow/failure.ts';
import type { RepairReport } from '../../sim/grow/repair.ts';
import type { GrowReport } from '../../sim/grow/report.ts';
import type { FloodWaste } from '../../sim/grow/waste.ts';
import { wasteTableText, wrap } from './waste.ts';

export interface GrowOutput extends GrowReport {
  readonly entry: string;
  readonly seed: string;
  readonly floodWaste: { readonly grown: FloodWaste; readonly randomRegular: FloodWaste };
  readonly churn?: ChurnReport;
  readonly failure?: FailureReport;
}

function histogram(h: readonly number[]): string[] {
  const bar = Math.max(...h, 1);
  return h.flatMap((count, k) => (count === 0 ? [] : [`  ${String(k).padStart(4)} links: ${num(count).padStart(9)} ${'█'.repeat(Math.max(1, Math.round((30 * count) / bar)))}`]));
}

function repairLines(r: RepairReport, want: number): string[] {
  const byType = Object.entries(r.repairByType)
    .map(([t, c]) => `${t} ${num(c)}`)
    .join(', ');
  return [
    `  right after: ${plural(r.live, 'live node')} in ${plural(r.componentsBefore, 'component')}; reliability ${pct(r.reliabilityBefore)} (mean share of live nodes reached by ${plural(r.floodBefore.messages, 'flood')})`,
    r.repaired
      ? `  repaired after ${num(r.repairTimeMs! / 1000)} s of simulated time: connected, every live node at >= ${Math.min(want, r.live - 1)} links`
      : `  NOT repaired within ${num(r.repairLimitMs / 1000)} s: ${plural(r.componentsAfterRepair, 'component')}, lowest degree ${r.minDegreeAfterRepair}, ${pct(r.atWantAfterRepair)} of live nodes at K = ${want}` +
        (r.connectedTimeMs === null ? '' : `; connected again after ${num(r.connectedTimeMs / 1000)} s`),
    ...(r.repaired || r.isolatedAfterRepair === 0
      ? []
      : [
          wrap(
            `${plural(r.isolatedAfterRepair, 'live node has', 'live nodes have')} no link left: every neighbour and every address ${r.isolatedAfterRepair === 1 ? 'it' : 'they'} had learned crashed (a late joiner learns few) and the entry did not take ${r.isolatedAfterRepair === 1 ? 'it' : 'them'} back (crashed too, or full), so ${r.isolatedAfterRepair === 1 ? 'it retries' : 'they retry'} in vain. The write-up's rule keeps no spare addresses; HyParView's passive view is its answer to this.`,
            100,
            '  ',
            '    ',
          ),
        ]),
    `  repair cost: ${plural(r.repairMessages, 'membership message')} (${num(r.repairBytes)} bytes)${byType ? `: ${byType}` : ''}`,
    `  after repair: reliability ${pct(r.reliabilityAfterRepair)}`,
  ];
}

function wasteSection(w: FloodWaste, title: string): string[] {
  return [title, wasteTableText({ messages: 1, waste: w.waste }), ...w.waste.notes.map((n) => wrap(n, 100, '  - ', '    '))];
}

/** The whole text report. */
export function renderGrow(r: GrowOutput): string {
  const d = r.degree;
  const m = r.membershipMessages;
  const byType = Object.entries(m.byType)
    .map(([t, c]) => `${t} ${num(c)}`)
    .join(', ');
  const how = r.exact ? 'exact' : `sampled, ${plural(r.pathLength.sources, 'BFS source')}`;
  const w = r.floodWaste;
  const lines = [
    `floodlab grow: ${plural(r.nodes, 'node')} joined one by one through ${r.overlay} (K = ${r.want}), entry ${r.entry}, seed ${r.seed}`,
    r.settled ? `settled ${num(r.settledAtMs / 1000)} s into simulated time (last join at ${num(r.lastJoinMs / 1000)} s)` : `NOT settled: links still changing at ${num(r.settledAtMs / 1000)} s`,
    '',
    `Links per node: min ${d.min}, mean ${d.mean.toFixed(2)}, max ${d.max}  (E = ${plural(r.edges, 'link')})`,
    ...histogram(d.histogram),
    wrap(r.degreeWhy, 100, '  ', '  '),
    `Connectivity: ${r.connected ? 'connected (1 component)' : `NOT connected: ${plural(r.components, 'component')}`}`,
    `Clustering coefficient: ${r.clustering.toFixed(4)} (${r.exact ? 'exact' : 'sampled'})`,
    `Mean shortest path: ${r.pathLength.mean.toFixed(2)} hops (${how}); diameter >= ${r.pathLength.diameterLowerBound} (double sweep)`,
    `Membership messages: ${num(m.total)} (${num(m.bytes)} bytes): ${byType || 'none'}`,
    '',
    `One flood from node 0: ${num(r.flood.transmissions)} transmissions = 2E − (N − 1), reaching ${plural(r.flood.reached, 'node')}`,
    '',
    ...wasteSection(w.grown, `Flood waste over the grown network (N = ${num(w.grown.nodes)}, E = ${num(w.grown.edges)}, mean degree ${num((2 * w.grown.edges) / w.grown.nodes)}):`),
    '',
    ...wasteSection(w.randomRegular, `Beside it, a random ${w.randomRegular.degree}-regular network of the same N (E = ${num(w.randomRegular.edges)}):`),
  ];
  if (r.churn) {
    const c = r.churn;
    lines.push(
      '',
      `Churn: ${num(c.rate)} joins and ${num(c.rate)} crashes per second (Poisson) for ${num(c.seconds)} s: ${plural(c.joins, 'join')}, ${plural(c.departures, 'crash', 'crashes')}, ${plural(c.churnMessages.total, 'membership message')} meanwhile`,
      ...repairLines(c, r.want),
    );
  }
  if (r.failure) {
    const f = r.failure;
    lines.push('', `Failure: ${plural(f.killed, 'node')} (${pct(f.fraction)}) crashed at once`, ...repairLines(f, r.want));
  }
  return lines.join('\n') + '\n';
}
