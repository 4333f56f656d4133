/**
 * The local launcher's core: wire a cluster of real nodes as a graph, flood messages one after
 * another from given origins, wait for each to go quiet, and collect the transport's counters.
 * The graph and the origins come from the caller (the CLI builds them with the simulator's
 * generators and origin picker), so real and simulated runs see the same network.
 */
import type { Cluster } from './cluster.ts';
import type { DeliveryTracker } from './deliveries.ts';
import type { NodeStats } from './node.ts';
import { componentSizes, degrees, type LaunchGraph } from './graph.ts';
import { statsOf, waitFor, waitQuiet } from './wait.ts';

export interface FloodOptions {
  /** Origin node index per message, in order. */
  readonly origins: readonly number[];
  /** Longest wait for one message to go quiet. */
  readonly messageTimeoutMs?: number;
  /** How often counters are polled while waiting (1 ms in one process, more across processes). */
  readonly pollMs?: number;
  /** The text of message k. */
  readonly text?: (k: number) => string;
}

/** What one message did on the real network. */
export interface RealMessage {
  readonly origin: number;
  readonly id: string;
  readonly sends: number;
  readonly received: number;
  readonly duplicates: number;
  /** Nodes that delivered it, and how many were reachable (the origin's component). */
  readonly reached: number;
  readonly reachable: number;
  /** Nodes that delivered it more than once (0 when all is well). */
  readonly deliveredTwice: number;
  readonly ldh: number;
  /** From the origin's send to the last node's first delivery, real ms. */
  readonly coverageMs: number;
  readonly bytesOut: number;
}

/** Connects every edge (u dials v) and waits until every node has all its links up. */
export async function wire(cluster: Cluster, graph: LaunchGraph, timeoutMs = 20_000): Promise<number> {
  const t = performance.now();
  const { handles } = cluster;
  for (let e = 0; e < graph.size; e++) handles[graph.src[e]!]!.connect(handles[graph.dst[e]!]!.port);
  const want = degrees(graph);
  await waitFor(
    async () => (await Promise.all(handles.map((h) => h.stats()))).every((s, u) => s.connected === want[u]),
    timeoutMs,
    5,
    () => `launch: the ${graph.size} links were not all up after ${timeoutMs} ms`,
  );
  return performance.now() - t;
}

/** Floods each message in turn and returns what each did. */
export async function floodEach(cluster: Cluster, graph: LaunchGraph, tracker: DeliveryTracker, options: FloodOptions): Promise<RealMessage[]> {
  const { handles } = cluster;
  const sizes = componentSizes(graph);
  const timeoutMs = options.messageTimeoutMs ?? 10_000;
  const pollMs = options.pollMs ?? 1;
  const out: RealMessage[] = [];
  let before = await statsOf(handles);
  for (let k = 0; k < options.origins.length; k++) {
    const origin = options.origins[k]!;
    const reachable = sizes[origin]!;
    const sent = await handles[origin]!.originate(options.text?.(k) ?? `message ${k}`);
    const after = await waitQuiet(
      handles,
      () => tracker.reached(sent.id) >= reachable,
      timeoutMs,
      pollMs,
      () => `launch: message ${k} from node ${origin} reached ${tracker.reached(sent.id)} of ${reachable} nodes and was not quiet after ${timeoutMs} ms`,
    );
    const d = tracker.get(sent.id)!;
    out.push({
      origin,
      id: sent.id,
      sends: after.sent - before.sent,
      received: after.received - before.received,
      duplicates: after.duplicates - before.duplicates,
      reached: d.reached,
      reachable,
      deliveredTwice: d.perNode.filter((x) => x > 1).length,
      ldh: d.maxHops,
      coverageMs: d.last - sent.at,
      bytesOut: after.bytesOut - before.bytesOut,
    });
    before = after;
  }
  return out;
}

/** What a burst of messages sent back to back did. */
export interface BurstResult {
  readonly messages: number;
  /** From the first send to the last node's first delivery of the last message, ms. */
  readonly ms: number;
  /** Messages that reached fewer nodes than their origin's component. */
  readonly incomplete: number;
  /** (message, node) pairs delivered more than once. */
  readonly deliveredTwice: number;
  readonly sends: number;
  readonly bytesOut: number;
}

/**
 * Sends one message per origin back to back, without waiting in between, then waits until every
 * message has reached its origin's component and the network is quiet.
 */
export async function floodBurst(cluster: Cluster, graph: LaunchGraph, tracker: DeliveryTracker, options: FloodOptions): Promise<BurstResult> {
  const { handles } = cluster;
  const sizes = componentSizes(graph);
  const timeoutMs = options.messageTimeoutMs ?? 30_000;
  const before = await statsOf(handles);
  const sent = await Promise.all(options.origins.map((o, k) => handles[o]!.originate(options.text?.(k) ?? `message ${k}`)));
  // Messages complete roughly in order: scan on from the first one not yet complete.
  let done = 0;
  const complete = (): number => {
    while (done < sent.length && tracker.reached(sent[done]!.id) >= sizes[options.origins[done]!]!) done++;
    return done === sent.length ? done : done + sent.slice(done).filter((s, k) => tracker.reached(s.id) >= sizes[options.origins[done + k]!]!).length;
  };
  let after: NodeStats;
  try {
    after = await waitQuiet(
      handles,
      () => complete() === sent.length,
      timeoutMs,
      options.pollMs ?? 5,
      () => `launch: burst of ${sent.length}: ${complete()} complete after ${timeoutMs} ms`,
    );
  } catch {
    // A burst that did not finish is reported as incomplete, with the counters as they stand.
    after = await statsOf(handles);
  }
  const start = Math.min(...sent.map((s) => s.at));
  let end = start;
  let twice = 0;
  for (const s of sent) {
    const d = tracker.get(s.id);
    if (!d) continue;
    end = Math.max(end, d.last);
    for (const x of d.perNode) if (x > 1) twice++;
  }
  return { messages: sent.length, ms: end - start, incomplete: sent.length - complete(), deliveredTwice: twice, sends: after.sent - before.sent, bytesOut: after.bytesOut - before.bytesOut };
}
