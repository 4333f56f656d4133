/**
 * Renders a launch for people: what ran, the waste table with the real counts as "measured",
 * then the real run beside the simulator's run on the same graph, seed and origins, and the
 * verdict on whether the transmission counts are equal.
 */
import { exactSends } from '../../src/core/formulas.ts';
import { degreeLabel, wasteTable } from '../../src/core/waste.ts';
import type { LaunchReport } from '../../src/real/run-launch.ts';
import type { SimReport } from '../../src/sim/run.ts';
import { plainTable, wasteTableText } from './render-waste.ts';

const num = (x: number, digits = 2): string => x.toLocaleString('en-US', { maximumFractionDigits: digits });
const mean = (xs: readonly number[]): number => xs.reduce((s, x) => s + x, 0) / Math.max(1, xs.length);

/** Messages whose real count differs from the simulator's (sends or nodes reached). */
export function mismatches(real: LaunchReport, sim: SimReport): string[] {
  const out: string[] = [];
  real.perMessage.forEach((m, k) => {
    const s = sim.perMessage[k];
    if (!s) out.push(`message ${k}: the simulator has no such message`);
    else if (m.sends !== s.sends || m.reached !== s.reached) out.push(`message ${k} from node ${m.origin}: real ${m.sends} sends reaching ${m.reached} nodes, simulator ${s.sends} sends reaching ${s.reached}`);
  });
  return out;
}

/** Whether the protocol's counts are fixed by the graph (so real and simulated must be equal). */
export function countsAreExact(protocol: string): boolean {
  return exactSends(protocol, 2, 1) !== undefined;
}

/** The whole human-readable report of `floodlab launch`. */
export function renderLaunch(real: LaunchReport, sim: SimReport): string {
  const k = real.perMessage.length;
  const per = real.perMessage;
  const sends = mean(per.map((m) => m.sends));
  const reached = mean(per.map((m) => m.reached));
  const dups = mean(per.map((m) => m.duplicates));
  const bytes = mean(per.map((m) => m.bytesOut));
  const twice = per.reduce((s, m) => s + m.deliveredTwice, 0);
  const waste = wasteTable({
    protocol: sim.protocol,
    nodes: sim.nodes,
    edges: sim.edges,
    degree: sim.degree.nominal,
    minDegree: sim.degree.min,
    maxDegree: sim.degree.max,
    componentNodes: mean(sim.perMessage.map((m) => m.componentNodes)),
    componentEdges: mean(sim.perMessage.map((m) => m.componentEdges)),
    messages: k,
    sendsPerMessage: sends,
    reachedPerMessage: reached,
    duplicatesPerMessage: dups,
  });
  const simSends = sim.transmissionsPerMessage;
  const exact = sim.expectedTransmissionsTotal === null ? undefined : sim.expectedTransmissionsTotal / sim.messages;
  const formula = sim.protocol === 'flood' ? '2E − (N−1)' : sim.protocol === 'flood-echo' ? '2E' : '';
  const side = plainTable([`per message (mean of ${k})`, 'real TCP', 'simulator', 'formula'], { colAligns: ['left', 'right', 'right', 'right'] });
  side.push(
    ['transmissions (sends)', num(sends), num(simSends), exact === undefined ? 'n/a' : `${formula} = ${num(exact)}`],
    ['nodes reached', num(reached), num(sim.reachedPerMessage), `N = ${num(mean(sim.perMessage.map((m) => m.componentNodes)))}`],
    ['redundant copies received', num(dups), num(sim.duplicatesPerMessage), exact === undefined ? 'n/a' : `sends − (N−1) = ${num(exact - (reached - 1))}`],
    ['last delivery hop (LDH)', num(Math.max(...per.map((m) => m.ldh))), num(sim.ldhMax), 'max over messages'],
    ['time to full coverage', `${num(mean(per.map((m) => m.coverageMs)))} ms`, sim.timeToFullCoverageMs === null ? 'n/a' : `${num(sim.timeToFullCoverageMs)} ms virtual`, `latency ${sim.latency}`],
    ['bytes on the wire', `${num(bytes, 0)} (${num(bytes / Math.max(1, sends), 1)} per send)`, '—', ''],
    ['nodes that delivered a message twice', String(twice), '0', '0'],
  );
  const lines = [
    `floodlab launch: ${sim.protocol} over ${sim.topology}, seed ${sim.seed}: ${sim.nodes} real nodes on 127.0.0.1 (${real.mode})`,
    `  network   N = ${sim.nodes}, D = ${degreeLabel(sim.degree.nominal)}, E = ${sim.edges} links; nodes started in ${num(real.startMs, 0)} ms, links up in ${num(real.wireMs, 0)} ms`,
    `  messages  ${k}, one after another, from the simulator's seeded origins (${[...new Set(per.map((m) => m.origin))].slice(0, 10).join(', ')}${k > 10 ? ', ...' : ''})`,
    '',
    wasteTableText({ messages: k, waste }),
    '',
    'Real nodes beside the simulator (same graph, seed and origins):',
    side.toString(),
    `Real time is wall-clock on this machine; the simulator's is virtual (${sim.latency} latency per hop). LDH can differ: on real sockets a longer path sometimes wins the race.`,
  ];
  return lines.join('\n') + '\n';
}
