/**
 * The discrete-event engine: runs a core Protocol on every node of a CSR graph. It is the
 * transport and the observer in one: it moves messages with a delay from the latency model and
 * counts every send, receipt, duplicate and first receipt. The protocol only decides.
 *
 * Hot path: one flyweight Port rebound to the node being served, events in typed arrays, a stamp
 * array as the per-message seen set, the message object shared by reference. Nothing is
 * allocated per transmission.
 */
import type { Msg } from '../../core/message.ts';
import type { Rng } from '../../core/rng.ts';
import { assertCapabilities } from '../../core/protocols/requires.ts';
import type { Protocol } from '../../core/seam.ts';
import type { Csr } from '../topology/csr.ts';
import { maxDelay, type LatencyModel } from '../latency.ts';
import { CalendarQueue, FifoQueue, type EventQueue } from './event-queue.ts';
import { FlyweightPort, SEEN } from './flyweight-port.ts';
import { makeDelay } from './delay.ts';

/** Optional watcher of every event, e.g. to record a trace for the browser view. */
export interface EngineObserver {
  /** `from` sends to `to` at `time` (µs); the copy arrives at `arrive`. */
  send(message: number, time: number, arrive: number, from: number, to: number): void;
  /** `node` receives a copy at `time`; `first` when it had not seen the message. */
  receive(message: number, time: number, node: number, first: boolean, hop: number): void;
}

export interface SimulateOptions {
  readonly latency: LatencyModel;
  /** Draws latencies and the protocols' random choices. */
  readonly rng: Rng;
  /** One message per entry, originated by that node; messages run one after another. */
  readonly origins: readonly number[];
  /** Name shown as each message's author; defaults to the node index. */
  readonly labels?: readonly string[];
  readonly observer?: EngineObserver;
}

/** What one message did. Times are in microseconds from its origination. */
export interface MessageStats {
  readonly origin: number;
  readonly sends: number;
  readonly received: number;
  /** Nodes that delivered it, the origin included. */
  readonly reached: number;
  /** Copies that arrived at a node that had already seen it. */
  readonly duplicates: number;
  /** Last delivery hop: the largest first-receipt hop. */
  readonly ldh: number;
  /** Time of the last first receipt. */
  readonly coverageTime: number;
}

export interface SimulateResult {
  readonly perMessage: readonly MessageStats[];
  /** Sends made by each node, summed over messages. */
  readonly sendsPerNode: Uint32Array;
  /** Duplicate copies received by each node, summed over messages. */
  readonly duplicatesPerNode: Uint32Array;
  /** First-receipt hop and time (µs) per node for the last message; -1 where not reached. */
  readonly firstHop: Int32Array;
  readonly firstTime: Float64Array;
}

/** Runs every message to quiescence and returns the counts. */
export function simulate(csr: Csr, protocol: Protocol, options: SimulateOptions): SimulateResult {
  assertCapabilities(protocol, ['hop'], 'flood engine');
  const { offsets } = csr;
  const { latency, rng, observer } = options;
  const halfEdges = 2 * csr.size;
  const queue: EventQueue =
    latency.kind === 'constant' ? new FifoQueue(halfEdges + 1) : new CalendarQueue(maxDelay(latency), halfEdges + 1);
  const delay = makeDelay(latency, csr, rng);
  const fixed = latency.kind === 'constant' ? latency.micros : 0;
  const skip = protocol.ignoresDuplicates === true;
  const port = new FlyweightPort(csr, queue, fixed, delay, rng, observer, skip && !observer);
  const { seen, firstHop, firstTime, sendsPerNode, duplicatesPerNode } = port;

  const perMessage: MessageStats[] = [];
  for (let k = 0; k < options.origins.length; k++) {
    const origin = options.origins[k]!;
    port.startMessage(k);
    if (queue instanceof CalendarQueue) queue.reset(0);
    const msg: Msg = { id: k, origin: options.labels?.[origin] ?? String(origin), text: `message ${k}` };
    const start = offsets[origin]!;
    port.bind(origin, start, offsets[origin + 1]! - start, 0, 0);
    protocol.originate(port, msg);
    let received = 0;
    let duplicates = 0;
    let ldh = 0;
    let coverageTime = 0;
    while (queue.length > 0) {
      queue.pop();
      const u = queue.node;
      received++;
      const first = seen[u] !== SEEN;
      if (!first) {
        duplicates++;
        duplicatesPerNode[u]!++;
        if (skip && !observer) continue;
      } else {
        if (queue.hop > ldh) ldh = queue.hop;
        if (queue.time > coverageTime) coverageTime = queue.time;
      }
      if (observer) observer.receive(k, queue.time, u, first, queue.hop);
      const base = offsets[u]!;
      port.bind(u, base, offsets[u + 1]! - base, queue.hop, queue.time);
      protocol.receive(port, queue.link - base, msg);
    }
        perMessage.push({
      origin,
      sends: port.sends,
      received: received + port.early,
      reached: port.reached,
      duplicates: duplicates + port.early,
      ldh,
      coverageTime,
    });
  }
  return { perMessage, sendsPerNode, duplicatesPerNode, firstHop, firstTime };
}
