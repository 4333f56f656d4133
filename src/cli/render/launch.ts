/**
 * Renders a launch for people: what ran, the waste table with the real counts as "measured",
 * then the real run beside the simulator's run on the same graph, seed and origins, and the
 * verdict on whether the transmission counts are equal.
 */
import { protocolFacts } from '../../core/protocols/index.ts';
import { degreeLabel, plural } from '../../report/format.ts';
import { wasteTable } from '../../report/waste.ts';
import type { LaunchReport } from '../../real/run-launch.ts';
import type { SimReport } from '../../sim/run.ts';
import { simView } from './sim-view.ts';
import { plainTable, wasteTableText } from './waste.ts';

const num = (x: number, digits = 2): string => x.toLocaleString('en-US', { maximumFractionDigits: digits });
const mean = (xs: readonly number[]): number => xs.reduce((s, x) => s + x, 0) / Math.max(1, xs.length);

/** Messages whose real count differs from the simulator's (sends or nodes reached). */
export function mismatches(real: LaunchReport, sim: SimReport): string[] {
  const out: string[] = [];
  real.perMessage.forEach((m, k) => {
    const s = sim.perMessage[k];
    if (!s) out.push(`message ${k}: the simulator has no such message`);
    else if (m.sends !== s.sends || m.reached !== s.reached)
      out.push(`message ${k} from node ${m.origin}: real ${m.sends} sends reaching ${m.reached} nodes, simulator ${s.sends} sends reaching ${s.reached}`);
  });
  return out;
}

/** Whether the protocol's counts are fixed by the graph (so real and simulated must be equal). */
export function countsAreExact(protocol: string): boolean {
  return protocolFacts(protocol)?.exactSends !== undefined;
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
  const v = simView(sim);
  const simSends = v.sendsPerMessage;
  const exact = sim.expectedTransmissions === null ? undefined : sim.expectedTransmissions / sim.messages;
  const formula = protocolFacts(sim.protocol)?.exactFormula ?? 'closed form';
  const side = plainTable([`per message (mean of ${k})`, 'real TCP', 'simulator', 'formula'], { colAligns: ['left', 'right', 'right', 'right'] });
  side.push(
    ['transmissions (sends)', num(sends), num(simSends), exact === undefined ? 'n/a' : `${formula} = ${num(exact)}`],
    ['nodes reached', num(reached), num(v.reachedPerMessage), `N = ${num(mean(sim.perMessage.map((m) => m.componentNodes)))}`],
    ['redundant copies received', num(dups), num(v.duplicatesPerMessage), exact === undefined ? 'n/a' : `sends − (N−1) = ${num(exact - (reached - 1))}`],
    ['last delivery hop (LDH)', num(per.reduce((top, m) => Math.max(top, m.ldh), 0)), num(v.ldh), 'max over messages'],
    ['time to full coverage', `${num(mean(per.map((m) => m.coverageMs)))} ms`, `${num(v.fullCoverageMs)} ms virtual`, `latency ${sim.latency}`],
    ['bytes on the wire', `${num(bytes, 0)} (${num(bytes / Math.max(1, sends), 1)} per send)`, '—', ''],
    ['nodes that delivered a message twice', num(twice), '0', '0'],
  );
  const lines = [
    `floodlab launch: ${sim.protocol} over ${sim.topology}, seed ${sim.seed}: ${plural(sim.nodes, 'real node')} on 127.0.0.1 (${real.mode})`,
    `  network   N = ${plural(sim.nodes, 'node')}, D = ${degreeLabel(sim.degree.nominal)}, E = ${plural(sim.edges, 'link')}; nodes started in ${num(real.startMs, 0)} ms, links up in ${num(real.wireMs, 0)} ms`,
    `  messages  ${num(k)}, one after another, from the simulator's seeded origins (${[...new Set(per.map((m) => m.origin))].slice(0, 10).join(', ')}${k > 10 ? ', ...' : ''})`,
    '',
    wasteTableText({ messages: k, waste }),
    '',
    'Real nodes beside the simulator (same graph, seed and origins):',
    side.toString(),
    `Real time is wall-clock on this machine; the simulator's is virtual (${sim.latency} latency per hop). LDH can differ: on real sockets a longer path sometimes wins the race.`,
  ];
  return lines.join('\n') + '\n';
}

/** The JSON `launch --json` prints: the real run, the simulator's counts on the same graph, and any mismatch. */
export function launchJson(real: LaunchReport, sim: SimReport, mismatched: readonly string[]): string {
  const simulator = { transmissions: sim.transmissions, perMessage: sim.perMessage, expectedTransmissions: sim.expectedTransmissions };
  return JSON.stringify({ real, simulator, mismatches: mismatched }, (_key, value: unknown) => (typeof value === 'number' && !Number.isFinite(value) ? null : value), 2) + '\n';
}
