/**
 * One simulation from options to report: build the topology, run the engine, set the counts
 * beside the formulas. This is what `floodlab sim` prints (as a table, or as JSON with --json).
 * The report holds no wall-clock figure, so the same seed gives byte-identical output.
 */
import { check } from '../core/errors.ts';
import { exactSends, floodFormulas, rmr, type FloodFormulas } from '../core/formulas.ts';
import { parseProtocol } from '../core/protocols/index.ts';
import { wasteTable, type WasteTable } from '../report/waste.ts';
import { simulate } from './engine/engine.ts';
import type { EngineObserver, MessageStats } from './engine/types.ts';
import { hasFaults, NO_FAULTS, planFaults, type FaultSpec } from './faults.ts';
import { parseLatency } from './latency.ts';
import { namedOrigin, pickLiveOrigins, reachableSizes } from './live.ts';
import { seededRng } from './random.ts';
import { csrComponents } from './topology/components.ts';
import { toCsr, type Csr } from './topology/csr.ts';
import { buildTopology } from './topology/spec.ts';

export interface SimOptions {
  /** N: number of nodes (generators that fix their own size ignore it). */
  readonly nodes: number;
  /** D: the degree asked for. */
  readonly degree: number;
  readonly topology: string;
  readonly protocol: string;
  readonly latency: string;
  readonly seed: string;
  /** Number of messages, run one after another. */
  readonly messages: number;
  /** Every message starts here (node index or name); otherwise seeded random origins. */
  readonly origin?: string;
  /** Loss and failures (none by default); see src/sim/faults.ts. */
  readonly faults?: FaultSpec;
}

/** What faults did to a run (present only when faults were asked for). */
export interface FaultReport {
  readonly spec: FaultSpec;
  readonly failedNodes: number;
  readonly failedLinks: number;
  /** Transmissions counted but lost (dropped, or sent into an undetected failure), all messages. */
  readonly lost: number;
}

/** One message's figures in the report: control and lost only when the run had any. */
export type SimMessage = Omit<MessageStats, 'control' | 'controlByType' | 'lost'> & {
  readonly componentNodes: number;
  readonly componentEdges: number;
  readonly control?: number;
  readonly controlByType?: Readonly<Record<string, number>>;
  readonly lost?: number;
};

export interface SimReport {
  readonly nodes: number;
  readonly edges: number;
  readonly topology: string;
  readonly protocol: string;
  readonly latency: string;
  readonly seed: string;
  readonly messages: number;
  readonly degree: { readonly nominal: number; readonly min: number; readonly max: number; readonly mean: number };
  readonly components: number;
  /** All sends of all messages. */
  readonly transmissions: number;
  /** Nodes that delivered, per message (mean over messages; the origin counts). */
  readonly reached: number;
  /** Reached over the size of the origin's component, per message (mean). */
  readonly coverage: number;
  /** Copies that arrived at a node that already had the message, all messages. */
  readonly duplicates: number;
  readonly duplicatesPerNode: { readonly min: number; readonly mean: number; readonly max: number };
  /** Relative message redundancy over all messages: sends / Σ(reached − 1) − 1. */
  readonly rmr: number;
  /** Last delivery hop, the largest over messages. */
  readonly ldh: number;
  /** Time until the last node had the message, ms, mean over messages. */
  readonly timeToFullCoverageMs: number;
  /** Formulas for one message on the whole graph. */
  readonly formulas: FloodFormulas;
  /** Exact sends of all messages for this protocol over each origin's component (null if none). */
  readonly expectedTransmissions: number | null;
  readonly perMessage: readonly SimMessage[];
  /** The waste table's rows and notes. */
  readonly waste: WasteTable;
  /** Control messages of all messages, in total and per type (only for protocols that send them). */
  readonly control?: { readonly total: number; readonly byType: Readonly<Record<string, number>> };
  readonly faults?: FaultReport;
}

function degreeStats(csr: Csr): { min: number; max: number } {
  let min = Infinity;
  let max = 0;
  for (let u = 0; u < csr.order; u++) {
    const d = csr.offsets[u + 1]! - csr.offsets[u]!;
    if (d < min) min = d;
    if (d > max) max = d;
  }
  return { min: csr.order > 0 ? min : 0, max };
}

/**
 * Runs one simulation and returns its report; throws InputError on bad options. An observer, if
 * given, sees every send and receipt (the browser view records its trace this way).
 */
export function runSimulation(options: SimOptions, observer?: EngineObserver): SimReport {
  check(Number.isInteger(options.messages) && options.messages >= 1 && options.messages <= 1_000_000, 'ERR_BAD_MESSAGES', `sim: --messages ${options.messages} must be an integer from 1 to 1000000`);
  const protocol = parseProtocol(options.protocol);
  const latency = parseLatency(options.latency);
  const topo = buildTopology(options.topology, { nodes: options.nodes, degree: options.degree, seed: options.seed });
  const csr = toCsr(topo.edges);
  const comps = csrComponents(csr);
  const spec = options.faults ?? NO_FAULTS;
  const labels = topo.edges.labels;
  const plan = hasFaults(spec) ? planFaults(csr, spec, options.seed, namedOrigin(csr.order, options.origin, labels)) : undefined;
  const origins = pickLiveOrigins(csr.order, options.messages, options.origin, labels, seededRng(options.seed, 'origins'), plan);
  const result = simulate(csr, protocol, {
    latency,
    rng: seededRng(options.seed, 'engine'),
    origins,
    lossSeed: options.seed,
    ...(labels ? { labels } : {}),
    ...(plan ? { faults: plan } : {}),
    ...(observer ? { observer } : {}),
  });
  // Under faults a message can reach only the live nodes of its origin's component.
  const live = plan ? reachableSizes(csr, plan, origins) : undefined;
  const controlTotal = result.perMessage.reduce((s, m) => s + m.control, 0);
  const lost = result.perMessage.reduce((s, m) => s + m.lost, 0);

  const perMessage = result.perMessage.map(({ control, controlByType, lost: lostHere, ...m }, i) => {
    const c = comps.of[m.origin]!;
    const size = live ? { componentNodes: live[i]!.nodes, componentEdges: live[i]!.edges } : { componentNodes: comps.nodes[c]!, componentEdges: comps.edges[c]! };
    return { ...m, ...size, ...(controlTotal > 0 ? { control, controlByType } : {}), ...(plan ? { lost: lostHere } : {}) };
  });
  const k = perMessage.length;
  const sum = (f: (m: (typeof perMessage)[number]) => number): number => perMessage.reduce((s, m) => s + f(m), 0);
  const transmissions = sum((m) => m.sends);
  const reachedSum = sum((m) => m.reached);
  const duplicates = sum((m) => m.duplicates);
  // Exact counts hold over the live component when failures are detected; loss or silence breaks them.
  const exactHolds = spec.loss === 0 && !(spec.silent && plan !== undefined);
  const expectedEach = perMessage.map((m) => (exactHolds ? exactSends(protocol.name, m.componentNodes, m.componentEdges) : undefined));
  const { min, max } = degreeStats(csr);
  let dupMin = Infinity;
  let dupMax = 0;
  for (const x of result.duplicatesPerNode) {
    if (x < dupMin) dupMin = x;
    if (x > dupMax) dupMax = x;
  }
  const waste = wasteTable({
    protocol: protocol.name,
    nodes: csr.order,
    edges: csr.size,
    degree: topo.nominalDegree,
    minDegree: min,
    maxDegree: max,
    componentNodes: sum((m) => m.componentNodes) / k,
    componentEdges: sum((m) => m.componentEdges) / k,
    messages: k,
    sendsPerMessage: transmissions / k,
    reachedPerMessage: reachedSum / k,
    duplicatesPerMessage: duplicates / k,
  });
  return {
    nodes: csr.order,
    edges: csr.size,
    topology: topo.name,
    protocol: protocol.name,
    latency: latency.spec,
    seed: options.seed,
    messages: k,
    degree: { nominal: topo.nominalDegree, min, max, mean: csr.order > 0 ? (2 * csr.size) / csr.order : 0 },
    components: comps.count,
    transmissions,
    reached: reachedSum / k,
    coverage: sum((m) => m.reached / m.componentNodes) / k,
    duplicates,
    duplicatesPerNode: { min: csr.order > 0 ? dupMin : 0, mean: csr.order > 0 ? duplicates / csr.order : 0, max: dupMax },
    rmr: rmr(transmissions, reachedSum - k),
    ldh: perMessage.reduce((top, m) => Math.max(top, m.ldh), 0), // no spread: --messages may be 10^6
    timeToFullCoverageMs: sum((m) => m.coverageTimeUs) / k / 1000,
    formulas: floodFormulas(csr.order, csr.size, topo.nominalDegree),
    expectedTransmissions: expectedEach.every((x) => x !== undefined) ? expectedEach.reduce((s, x) => s + x!, 0) : null,
    perMessage,
    waste: plan ? { ...waste, notes: [...waste.notes, faultNote(spec, plan.failedNodes, plan.failedLinks, lost, k)] } : waste,
    ...(controlTotal > 0 ? { control: { total: controlTotal, byType: sumByType(result.perMessage) } } : {}),
    ...(plan ? { faults: { spec, failedNodes: plan.failedNodes, failedLinks: plan.failedLinks, lost } } : {}),
  };
}

function sumByType(perMessage: readonly { readonly controlByType: Readonly<Record<string, number>> }[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const m of perMessage) for (const [t, c] of Object.entries(m.controlByType)) out[t] = (out[t] ?? 0) + c;
  return out;
}

function faultNote(spec: FaultSpec, failedNodes: number, failedLinks: number, lost: number, k: number): string {
  const parts = [];
  if (failedNodes > 0) parts.push(`${failedNodes} nodes down`);
  if (failedLinks > 0) parts.push(`${failedLinks} links down`);
  if (spec.loss > 0) parts.push(`loss ${spec.loss} per transmission`);
  const detection = spec.silent
    ? 'failures are silent: copies sent to failed nodes and links count as sends, and are lost'
    : 'failures are detected: sends to failed nodes and links are refused, not counted';
  return `faults: ${parts.join(', ')}; ${detection}. ${(lost / k).toLocaleString('en-US', { maximumFractionDigits: 1 })} transmissions per message were lost. The exact rows and coverage use the live nodes of the origin's component.`;
}
