/**
 * The engine's shared types, in a file of their own so that the engine, its port, its queues
 * and its transport layers can all name them without importing each other.
 */
import type { Rng } from '../../core/rng.ts';
import type { FaultPlan } from '../faults.ts';
import type { LatencyModel } from '../latency.ts';

/** Optional watcher of every event, e.g. to record a trace for the browser view. */
export interface EngineObserver {
  /** `from` sends to `to` at `time` (µs); the copy arrives at `arrive`. */
  send(message: number, time: number, arrive: number, from: number, to: number): void;
  /** `node` receives a copy at `time`; `first` when it had not seen the message. */
  receive(message: number, time: number, node: number, first: boolean, hop: number): void;
}

/** A change of a dynamic topology at a simulated time of one message (see DynamicTopology). */
export interface TopologyChange {
  /** Index of the message during which it happens. */
  readonly message: number;
  /** Time from the message's origination, µs. */
  readonly atUs: number;
  readonly apply: () => void;
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
  /** Failed nodes and links, and the loss rate; none when absent. */
  readonly faults?: FaultPlan;
  /** Seed of the loss stream (only drawn from when the loss rate is above 0). */
  readonly lossSeed?: string;
  /** Changes of a dynamic topology, applied at their times (any order). */
  readonly changes?: readonly TopologyChange[];
}

/** What one message did. Times are in microseconds from its origination. */
export interface MessageStats {
  readonly origin: number;
  /** Payload transmissions. */
  readonly sends: number;
  /** Payload copies that arrived (duplicates included). */
  readonly received: number;
  /** Nodes that delivered it, the origin included. */
  readonly reached: number;
  /** Copies that arrived at a node that had already seen it. */
  readonly duplicates: number;
  /** Last delivery hop: the largest first-receipt hop. */
  readonly ldh: number;
  /** Time of the last first receipt, µs. */
  readonly coverageTimeUs: number;
  /** Control messages sent (all types). */
  readonly control: number;
  /** Control messages sent, per type ('ihave', 'graft', ...). */
  readonly controlByType: Readonly<Record<string, number>>;
  /** Transmissions (payload or control) lost: sent, never received. */
  readonly lost: number;
}

export interface SimulateResult {
  readonly perMessage: readonly MessageStats[];
  /** Payload sends made by each node, summed over messages. */
  readonly sendsPerNode: Uint32Array;
  /** Control messages sent by each node, summed over messages. */
  readonly controlPerNode: Uint32Array;
  /** Duplicate copies received by each node, summed over messages. */
  readonly duplicatesPerNode: Uint32Array;
  /** First-receipt hop and time (µs) per node for the last message; -1 where not reached. */
  readonly firstHop: Int32Array;
  readonly firstTime: Float64Array;
}

/** Draws the delay (µs) of a transmission over half-edge h. */
export type DelayFn = (h: number) => number;

/** Event kinds. */
export const PAYLOAD = 0;
export const CONTROL = 1;
export const TIMER = 2;
/** A topology change; `link` holds its index in the changes list. */
export const CHANGE = 3;

/** What a node's byte in `seen` says about the message in flight. */
export const UNSEEN = 0;
/** A copy is on its way (hop-synchronous shortcut only): it is certain to be the first. */
export const QUEUED = 1;
export const SEEN = 2;
