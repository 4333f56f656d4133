/**
 * Protocols side by side: one graph, one seed, the same origins and the same failed nodes and
 * links for every protocol, one row of per-message figures each. Pure data in, rows out; the CLI
 * and the results script render them.
 */
import { checkMessages, payloadBytesOf } from './checks.ts';
import { check } from '../core/errors.ts';
import { rmr } from '../core/formulas.ts';
import { parseProtocol } from '../core/protocols/index.ts';
import type { Protocol } from '../core/seam.ts';
import { CONTROL_BYTES, payloadSendBytes } from '../core/sizes.ts';
import { simulate } from './engine/engine.ts';
import type { SimulateResult } from './engine/types.ts';
import { hasFaults, NO_FAULTS, planFaults, type FaultPlan, type FaultSpec } from './faults.ts';
import { parseLatency } from './latency.ts';
import { namedOrigin, pickLiveOrigins, reachableSizes } from './live.ts';
import { seededRng } from './random.ts';
import { toCsr, type Csr } from './topology/csr.ts';
import type { GraphCleaning } from './generators/graph-file.ts';
import { buildTopology } from './topology/spec.ts';

export interface CompareOptions {
  readonly nodes: number;
  readonly degree: number;
  readonly topology: string;
  readonly latency: string;
  readonly seed: string;
  readonly messages: number;
  /** Protocol specs, e.g. ['flood', 'gossip:0.7', 'plumtree']. */
  readonly protocols: readonly string[];
  readonly origin?: string;
  readonly faults?: FaultSpec;
  /** Bytes of content per message (default 256); see src/core/sizes.ts for the frame around it. */
  readonly payloadBytes?: number;
  /** Signed messages: every payload send carries a signature (SIGNATURE_BYTES more). */
  readonly signed?: boolean;
}

/** One protocol's figures; "per message" means the mean over the run's messages. */
export interface CompareRow {
  readonly protocol: string;
  /** Payload transmissions per message (what RMR counts). */
  readonly transmissionsPerMessage: number;
  /** Control messages per message, all types, and per type. */
  readonly controlPerMessage: number;
  readonly controlPerMessageByType: Readonly<Record<string, number>>;
  /** Bytes per message: payload sends, control messages, both. */
  readonly payloadBytesPerMessage: number;
  readonly controlBytesPerMessage: number;
  readonly totalBytesPerMessage: number;
  /** Payload sends / Σ(reached − 1) − 1 over the run; null when no message reached beyond its origin. */
  readonly rmr: number | null;
  /** Reached ÷ live nodes of the origin's component: mean and worst message. */
  readonly coverageMean: number;
  readonly coverageWorst: number;
  /** Coverage of each message, in order. */
  readonly coveragePerMessage: readonly number[];
  /** Messages that reached every live node of the origin's component. */
  readonly completeMessages: number;
  readonly ldhMean: number;
  readonly ldhMax: number;
  /** Mean time (ms) until the last node had the message, over complete messages; null if none. */
  readonly timeToFullCoverageMs: number | null;
  /** Bytes sent per message by the node that sent most over the run. */
  readonly busiestNodeBytesPerMessage: number;
  /** Transmissions per message lost to faults (sent to a failed node or link, or dropped). */
  readonly lostPerMessage: number;
  /** Payload copies per message that arrived where the message already was. */
  readonly duplicatesPerMessage: number;
}

export interface CompareResult {
  readonly topology: string;
  /** For a graph file: what cleaning it dropped or merged (absent otherwise). */
  readonly graphCleaned?: GraphCleaning;
  readonly nodes: number;
  readonly edges: number;
  readonly degree: number;
  readonly latency: string;
  readonly seed: string;
  readonly messages: number;
  readonly payloadBytes: number;
  readonly signed: boolean;
  readonly faults: FaultSpec;
  readonly failedNodes: number;
  readonly failedLinks: number;
  /** Live nodes a message could reach (mean over messages of the origin's live component). */
  readonly reachable: number;
  readonly rows: readonly CompareRow[];
}

function summarize(protocol: Protocol, r: SimulateResult, reachable: readonly { nodes: number }[], payloadBytes: number, signed: boolean): CompareRow {
  const k = r.perMessage.length;
  // Loops, not Math.min(...xs): --messages may be 10^6, past the engine's argument limit.
  let coverageSum = 0;
  let coverageWorst = Infinity;
  let complete = 0;
  let fullTimeUs = 0;
  let ldhSum = 0;
  let ldhMax = 0;
  let sends = 0;
  let control = 0;
  let reachedBeyond = 0;
  let lost = 0;
  let duplicates = 0;
  const coveragePerMessage = new Array<number>(k);
  const byType: Record<string, number> = {};
  for (let i = 0; i < k; i++) {
    const m = r.perMessage[i]!;
    const live = reachable[i]!.nodes;
    const c = live > 0 ? m.reached / live : 0;
    coveragePerMessage[i] = c;
    coverageSum += c;
    if (c < coverageWorst) coverageWorst = c;
    if (m.reached === live) {
      complete++;
      fullTimeUs += m.coverageTimeUs;
    }
    ldhSum += m.ldh;
    if (m.ldh > ldhMax) ldhMax = m.ldh;
    sends += m.sends;
    control += m.control;
    reachedBeyond += m.reached - 1;
    lost += m.lost;
    duplicates += m.duplicates;
    for (const t in m.controlByType) byType[t] = (byType[t] ?? 0) + m.controlByType[t]! / k;
  }
  const payload = payloadSendBytes(payloadBytes, signed);
  let busiest = 0;
  for (let u = 0; u < r.sendsPerNode.length; u++) busiest = Math.max(busiest, r.sendsPerNode[u]! * payload + r.controlPerNode[u]! * CONTROL_BYTES);
  const transmissionsPerMessage = sends / k;
  const controlPerMessage = control / k;
  return {
    protocol: protocol.name,
    transmissionsPerMessage,
    controlPerMessage,
    controlPerMessageByType: byType,
    payloadBytesPerMessage: transmissionsPerMessage * payload,
    controlBytesPerMessage: controlPerMessage * CONTROL_BYTES,
    totalBytesPerMessage: transmissionsPerMessage * payload + controlPerMessage * CONTROL_BYTES,
    rmr: reachedBeyond > 0 ? rmr(sends, reachedBeyond) : null,
    coverageMean: coverageSum / k,
    coverageWorst,
    coveragePerMessage,
    completeMessages: complete,
    ldhMean: ldhSum / k,
    ldhMax,
    timeToFullCoverageMs: complete > 0 ? fullTimeUs / complete / 1000 : null,
    busiestNodeBytesPerMessage: busiest / k,
    lostPerMessage: lost / k,
    duplicatesPerMessage: duplicates / k,
  };
}

/** What compareOn measures on a graph it is given. */
export interface GraphComparison {
  readonly payloadBytes: number;
  readonly signed: boolean;
  readonly failedNodes: number;
  readonly failedLinks: number;
  readonly reachable: number;
  readonly rows: readonly CompareRow[];
}

/** Runs every protocol on `csr` with the same origins and faults; the options' N, D, topology are unused. */
export function compareOn(csr: Csr, options: Omit<CompareOptions, 'nodes' | 'degree' | 'topology'>): GraphComparison {
  checkMessages('compare', options.messages);
  check(options.protocols.length > 0, 'ERR_BAD_PROTOCOL', 'compare: the list of protocols is empty; give a comma-separated list such as flood,gossip:0.7,plumtree');
  const payloadBytes = payloadBytesOf('compare', options.payloadBytes);
  const signed = options.signed === true;
  const protocols = options.protocols.map((spec) => parseProtocol(spec));
  const latency = parseLatency(options.latency);
  const spec = options.faults ?? NO_FAULTS;
  const { labels } = csr;
  const plan: FaultPlan | undefined = hasFaults(spec) ? planFaults(csr, spec, options.seed, namedOrigin(csr.order, options.origin, labels)) : undefined;
  const origins = pickLiveOrigins(csr.order, options.messages, options.origin, labels, seededRng(options.seed, 'origins'), plan);
  const reachable = reachableSizes(csr, plan && (plan.failedNodes > 0 || plan.failedLinks > 0) ? plan : undefined, origins);
  const rows = protocols.map((protocol) => {
    const r = simulate(csr, protocol, {
      latency,
      rng: seededRng(options.seed, 'engine'),
      origins,
      lossSeed: options.seed,
      ...(labels ? { labels } : {}),
      ...(plan ? { faults: plan } : {}),
    });
    return summarize(protocol, r, reachable, payloadBytes, signed);
  });
  return {
    payloadBytes,
    signed,
    failedNodes: plan?.failedNodes ?? 0,
    failedLinks: plan?.failedLinks ?? 0,
    reachable: reachable.reduce((s, c) => s + c.nodes, 0) / reachable.length,
    rows,
  };
}

/** Builds the topology, then runs every protocol on it (see compareOn); throws InputError on bad options. */
export function compareProtocols(options: CompareOptions): CompareResult {
  options.protocols.forEach((spec) => parseProtocol(spec)); // a bad name fails before the graph is built
  parseLatency(options.latency);
  const topo = buildTopology(options.topology, { nodes: options.nodes, degree: options.degree, seed: options.seed });
  const csr = toCsr(topo.edges);
  const result = compareOn(csr, options);
  return {
    topology: topo.name,
    ...(topo.cleaned ? { graphCleaned: topo.cleaned } : {}),
    nodes: csr.order,
    edges: csr.size,
    degree: topo.nominalDegree,
    latency: parseLatency(options.latency).spec,
    seed: options.seed,
    messages: options.messages,
    faults: options.faults ?? NO_FAULTS,
    ...result,
  };
}
