/**
 * One simulation from options to report: build the topology, run the engine, set the counts
 * beside the formulas. This is what `floodlab sim` prints (as a table, or as JSON with --json).
 * The report holds no wall-clock figure, so the same seed gives byte-identical output.
 */
import { checkMessages, payloadBytesOf } from './checks.ts';
import { exactSends, floodFormulas, rmr, type FloodFormulas } from '../core/formulas.ts';
import { parseProtocol } from '../core/protocols/index.ts';
import { faultNote } from '../report/fault-note.ts';
import { degreeStats } from './analysis/degree.ts';
import { wasteTable, type WasteTable } from '../report/waste.ts';
import { simulate } from './engine/engine.ts';
import type { EngineObserver, MessageStats } from './engine/types.ts';
import { hasFaults, NO_FAULTS, planFaults, type FaultSpec } from './faults.ts';
import { parseLatency } from './latency.ts';
import { namedOrigin, pickLiveOrigins, reachableSizes } from './live.ts';
import { seededRng } from './random.ts';
import { csrComponents } from './topology/components.ts';
import { toCsr } from './topology/csr.ts';
import type { SigningCost } from '../core/signing-cost.ts';
import { type BytesReport, bytesReport, meanSigningCost } from './bytes-report.ts';
import type { GraphCleaning } from './generators/graph-file.ts';
import { buildTopology } from './topology/spec.ts';

export type { BytesReport } from './bytes-report.ts';

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
  /** Bytes of content per message, for the byte figures (default DEFAULT_PAYLOAD_BYTES). */
  readonly payloadBytes?: number;
  /** Model signed messages: their bytes on every send and the CPU their checks cost (src/core/signing-cost.ts). */
  readonly signed?: boolean;
}

/** What faults did to a run (present only when faults were asked for). */
export interface FaultReport {
  readonly spec: FaultSpec;
  readonly failedNodes: number;
  readonly failedLinks: number;
  /** Transmissions counted but lost (dropped, or sent into an undetected failure), all messages. */
  readonly lostTotal: number;
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
  /** For a graph file: the self-loops, duplicate and directed edges cleaning dropped or merged (absent otherwise). */
  readonly graphCleaned?: GraphCleaning;
  /** Payload sends of all messages together. */
  readonly transmissionsTotal: number;
  /** Payload sends per message (mean over messages). */
  readonly transmissionsPerMessage: number;
  /** Nodes that delivered, per message (mean over messages; the origin counts). */
  readonly reachedPerMessage: number;
  /** Reached over the size of the origin's component, per message (mean). */
  readonly coverageMean: number;
  /** Copies that arrived at a node that already had the message: all messages together, and per message. */
  readonly duplicatesTotal: number;
  readonly duplicatesPerMessage: number;
  /** Duplicates each node received per message (its count over the run ÷ messages): least, mean, most. */
  readonly duplicatesPerNodePerMessage: { readonly min: number; readonly mean: number; readonly max: number };
  /** Relative message redundancy over all messages: sends / Σ(reached − 1) − 1; null when no message reached a node beyond its origin. */
  readonly rmr: number | null;
  /** Last delivery hop, the largest over messages. */
  readonly ldhMax: number;
  /** Time until the last node had the message, ms, mean over the messages that reached their whole component; null when none did. */
  readonly timeToFullCoverageMs: number | null;
  /** Messages that reached every (live) node of their origin's component. */
  readonly completeMessages: number;
  /** Why a figure is null, when one is (e.g. "no message reached a node beyond its origin"). */
  readonly nullBecause?: readonly string[];
  /** Formulas for one message on the whole graph. */
  readonly formulas: FloodFormulas;
  /** Exact payload sends of all messages for this protocol over each origin's component (null if it has no closed form). */
  readonly expectedTransmissionsTotal: number | null;
  readonly perMessage: readonly SimMessage[];
  /** The waste table's rows and notes. */
  readonly waste: WasteTable;
  /** Control messages of all messages, in total and per type (only for protocols that send them). */
  readonly control?: { readonly total: number; readonly byType: Readonly<Record<string, number>> };
  readonly faults?: FaultReport;
  readonly bytes: BytesReport;
  /** With --signed: what signing and checking cost per message over all nodes (mean over messages). */
  readonly signing?: SigningCost;
}

/**
 * Runs one simulation and returns its report; throws InputError on bad options. An observer, if
 * given, sees every send and receipt (the browser view records its trace this way).
 */
export function runSimulation(options: SimOptions, observer?: EngineObserver): SimReport {
  checkMessages('sim', options.messages);
  const payloadBytes = payloadBytesOf('sim', options.payloadBytes);
  const signed = options.signed === true;
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
  // (Loss alone takes nothing down: then the components above are the live ones.)
  const live = plan && (plan.failedNodes > 0 || plan.failedLinks > 0) ? reachableSizes(csr, plan, origins) : undefined;
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
  const complete = perMessage.filter((m) => m.reached === m.componentNodes);
  const useful = reachedSum - k;
  const nullBecause = [
    ...(useful === 0 ? ['rmr: no message reached a node beyond its origin'] : []),
    ...(complete.length === 0 ? ['timeToFullCoverageMs: no message reached every node of its component'] : []),
  ];
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
    ...(topo.cleaned ? { graphCleaned: topo.cleaned } : {}),
    transmissionsTotal: transmissions,
    transmissionsPerMessage: transmissions / k,
    reachedPerMessage: reachedSum / k,
    coverageMean: sum((m) => m.reached / m.componentNodes) / k,
    duplicatesTotal: duplicates,
    duplicatesPerMessage: duplicates / k,
    duplicatesPerNodePerMessage: { min: csr.order > 0 ? dupMin / k : 0, mean: csr.order > 0 ? duplicates / csr.order / k : 0, max: dupMax / k },
    rmr: useful > 0 ? rmr(transmissions, useful) : null,
    ldhMax: perMessage.reduce((top, m) => Math.max(top, m.ldh), 0), // no spread: --messages may be 10^6
    timeToFullCoverageMs: complete.length > 0 ? complete.reduce((s, m) => s + m.coverageTimeUs, 0) / complete.length / 1000 : null,
    completeMessages: complete.length,
    ...(nullBecause.length > 0 ? { nullBecause } : {}),
    formulas: floodFormulas(csr.order, csr.size, topo.nominalDegree),
    expectedTransmissionsTotal: expectedEach.every((x) => x !== undefined) ? expectedEach.reduce((s, x) => s + x!, 0) : null,
    perMessage,
    waste: plan ? { ...waste, notes: [...waste.notes, faultNote(spec, plan.failedNodes, plan.failedLinks, lost, k)] } : waste,
    ...(controlTotal > 0 ? { control: { total: controlTotal, byType: sumByType(result.perMessage) } } : {}),
    ...(plan ? { faults: { spec, failedNodes: plan.failedNodes, failedLinks: plan.failedLinks, lostTotal: lost } } : {}),
    bytes: bytesReport(payloadBytes, signed, transmissions / k),
    ...(signed ? { signing: meanSigningCost(result.perMessage) } : {}),
  };
}

function sumByType(perMessage: readonly { readonly controlByType: Readonly<Record<string, number>> }[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const m of perMessage) for (const [t, c] of Object.entries(m.controlByType)) out[t] = (out[t] ?? 0) + c;
  return out;
}
