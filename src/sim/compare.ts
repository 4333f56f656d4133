/**
 * Protocols side by side: one graph, one seed, the same origins and the same failed nodes and
 * links for every protocol, one row of per-message figures each. Pure data in, rows out; the CLI
 * and the results script render them.
 */
import { check } from '../core/errors.ts';
import { rmr } from '../core/formulas.ts';
import { parseProtocol } from '../core/protocols/index.ts';
import type { Protocol } from '../core/seam.ts';
import { CONTROL_BYTES, DEFAULT_PAYLOAD_BYTES, payloadSendBytes } from '../core/sizes.ts';
import { simulate } from './engine/engine.ts';
import type { SimulateResult } from './engine/types.ts';
import { hasFaults, NO_FAULTS, planFaults, type FaultPlan, type FaultSpec } from './faults.ts';
import { parseLatency } from './latency.ts';
import { namedOrigin, pickLiveOrigins, reachableSizes } from './live.ts';
import { seededRng } from './random.ts';
import { toCsr, type Csr } from './topology/csr.ts';
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
}

/** One protocol's figures; "per message" means the mean over the run's messages. */
export interface CompareRow {
  readonly protocol: string;
  /** Payload transmissions per message (what RMR counts). */
  readonly payloadSends: number;
  /** Control messages per message, all types, and per type. */
  readonly controlSends: number;
  readonly controlByType: Readonly<Record<string, number>>;
  /** Bytes per message: payload sends, control messages, both. */
  readonly payloadBytes: number;
  readonly controlBytes: number;
  readonly totalBytes: number;
  /** Payload sends / Σ(reached − 1) − 1 over the run. */
  readonly rmr: number;
  /** Reached ÷ live nodes of the origin's component: mean and worst message. */
  readonly coverageMean: number;
  readonly coverageWorst: number;
  /** Coverage of each message, in order. */
  readonly coverage: readonly number[];
  /** Messages that reached every live node of the origin's component. */
  readonly complete: number;
  readonly ldhMean: number;
  readonly ldhMax: number;
  /** Mean time (ms) until the last node had the message, over complete messages; NaN if none. */
  readonly timeToFullMs: number;
  /** Bytes sent per message by the node that sent most over the run. */
  readonly busiestNodeBytes: number;
  /** Transmissions per message lost to faults (sent to a failed node or link, or dropped). */
  readonly lost: number;
  /** Payload copies per message that arrived where the message already was. */
  readonly duplicates: number;
}

export interface CompareResult {
  readonly topology: string;
  readonly nodes: number;
  readonly edges: number;
  readonly degree: number;
  readonly latency: string;
  readonly seed: string;
  readonly messages: number;
  readonly payloadBytes: number;
  readonly faults: FaultSpec;
  readonly failedNodes: number;
  readonly failedLinks: number;
  /** Live nodes a message could reach (mean over messages of the origin's live component). */
  readonly reachable: number;
  readonly rows: readonly CompareRow[];
}

function summarize(protocol: Protocol, r: SimulateResult, reachable: readonly { nodes: number }[], payloadBytes: number): CompareRow {
  const k = r.perMessage.length;
  const mean = (f: (m: (typeof r.perMessage)[number], i: number) => number): number => r.perMessage.reduce((s, m, i) => s + f(m, i), 0) / k;
  const coverage = r.perMessage.map((m, i) => (reachable[i]!.nodes > 0 ? m.reached / reachable[i]!.nodes : 0));
  const complete = r.perMessage.filter((m, i) => m.reached === reachable[i]!.nodes);
  const byType: Record<string, number> = {};
  for (const m of r.perMessage) for (const [t, c] of Object.entries(m.controlByType)) byType[t] = (byType[t] ?? 0) + c / k;
  const payload = payloadSendBytes(payloadBytes);
  let busiest = 0;
  for (let u = 0; u < r.sendsPerNode.length; u++) busiest = Math.max(busiest, r.sendsPerNode[u]! * payload + r.controlPerNode[u]! * CONTROL_BYTES);
  const payloadSends = mean((m) => m.sends);
  const controlSends = mean((m) => m.control);
  return {
    protocol: protocol.name,
    payloadSends,
    controlSends,
    controlByType: byType,
    payloadBytes: payloadSends * payload,
    controlBytes: controlSends * CONTROL_BYTES,
    totalBytes: payloadSends * payload + controlSends * CONTROL_BYTES,
    rmr: rmr(payloadSends * k, mean((m) => m.reached - 1) * k),
    coverageMean: coverage.reduce((s, c) => s + c, 0) / k,
    coverageWorst: Math.min(...coverage),
    coverage,
    complete: complete.length,
    ldhMean: mean((m) => m.ldh),
    ldhMax: Math.max(...r.perMessage.map((m) => m.ldh)),
    timeToFullMs: complete.length > 0 ? complete.reduce((s, m) => s + m.coverageTimeUs, 0) / complete.length / 1000 : Number.NaN,
    busiestNodeBytes: busiest / k,
    lost: mean((m) => m.lost),
    duplicates: mean((m) => m.duplicates),
  };
}

/** What compareOn measures on a graph it is given. */
export interface GraphComparison {
  readonly payloadBytes: number;
  readonly failedNodes: number;
  readonly failedLinks: number;
  readonly reachable: number;
  readonly rows: readonly CompareRow[];
}

/** Runs every protocol on `csr` with the same origins and faults; the options' N, D, topology are unused. */
export function compareOn(csr: Csr, options: Omit<CompareOptions, 'nodes' | 'degree' | 'topology'>): GraphComparison {
  check(
    Number.isInteger(options.messages) && options.messages >= 1 && options.messages <= 1_000_000,
    'ERR_BAD_MESSAGES',
    `compare: --messages ${options.messages} must be an integer from 1 to 1000000`,
  );
  check(options.protocols.length > 0, 'ERR_BAD_PROTOCOL', 'compare: --protocols is empty; give a comma-separated list such as flood,gossip:0.7,plumtree');
  const payloadBytes = options.payloadBytes ?? DEFAULT_PAYLOAD_BYTES;
  check(Number.isInteger(payloadBytes) && payloadBytes >= 0 && payloadBytes <= 100_000_000, 'ERR_BAD_OPTION', `compare: --payload-bytes ${payloadBytes} must be an integer from 0 to 100000000`);
  const protocols = options.protocols.map((spec) => parseProtocol(spec));
  const latency = parseLatency(options.latency);
  const spec = options.faults ?? NO_FAULTS;
  const { labels } = csr;
  const plan: FaultPlan | undefined = hasFaults(spec) ? planFaults(csr, spec, options.seed, namedOrigin(csr.order, options.origin, labels)) : undefined;
  const origins = pickLiveOrigins(csr.order, options.messages, options.origin, labels, seededRng(options.seed, 'origins'), plan);
  const reachable = reachableSizes(csr, plan, origins);
  const rows = protocols.map((protocol) => {
    const r = simulate(csr, protocol, {
      latency,
      rng: seededRng(options.seed, 'engine'),
      origins,
      lossSeed: options.seed,
      ...(labels ? { labels } : {}),
      ...(plan ? { faults: plan } : {}),
    });
    return summarize(protocol, r, reachable, payloadBytes);
  });
  return {
    payloadBytes,
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
