/**
 * One whole launch: start N nodes (in this process or as child processes), wire them as the
 * graph, flood the messages one after another, collect every node's counters, and shut every
 * node down whatever happens (success, error, overall timeout, or the caller's abort on Ctrl-C).
 */
import { startInProcess, type Cluster } from './cluster.ts';
import { DeliveryTracker } from './deliveries.ts';
import type { LaunchGraph } from './graph.ts';
import { floodEach, wire, type RealMessage } from './launch.ts';
import type { NodeStats } from './node.ts';
import { startProcesses } from './process-cluster.ts';
import { LaunchTimeoutError } from './wait.ts';

export interface LaunchOptions {
  readonly graph: LaunchGraph;
  /** Name of each node (its messages' author). */
  readonly names: readonly string[];
  readonly origins: readonly number[];
  readonly protocol: string;
  /** One OS process per node instead of all in this one. */
  readonly processes?: boolean;
  /** The whole launch must finish within this time, or every node is stopped. */
  readonly timeoutMs?: number;
  /** Aborting stops every node at once (e.g. on Ctrl-C). */
  readonly signal?: AbortSignal;
  readonly log?: (line: string) => void;
}

export interface LaunchReport {
  readonly mode: 'one process' | 'processes';
  /** Starting the nodes, and wiring the links, in ms. */
  readonly startMs: number;
  readonly wireMs: number;
  readonly perMessage: readonly RealMessage[];
  /** Every node's counters at the end. */
  readonly perNode: readonly NodeStats[];
}

/** Runs a launch to the end; always closes every node before it returns or throws. */
export async function runLaunch(options: LaunchOptions): Promise<LaunchReport> {
  const tracker = new DeliveryTracker(options.graph.order);
  const timeoutMs = options.timeoutMs ?? 120_000;
  let cluster: Cluster | undefined;
  /** Set when the launch ended (e.g. timed out) while nodes were still starting. */
  let finished = false;
  let timer: NodeJS.Timeout | undefined;
  let onAbort: (() => void) | undefined;
  // Stops children that are still starting, on timeout or on the caller's abort.
  const starting = new AbortController();
  const stopped = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      starting.abort();
      reject(new LaunchTimeoutError(`launch: not finished after ${timeoutMs / 1000} s; every node was stopped`));
    }, timeoutMs);
    onAbort = () => {
      starting.abort();
      reject(new Error('launch: interrupted; every node was stopped'));
    };
    options.signal?.addEventListener('abort', onAbort, { once: true });
  });
  const work = async (): Promise<LaunchReport> => {
    let t = performance.now();
    const clusterOptions = { names: options.names, protocol: options.protocol, onDeliver: tracker.record, ...(options.log ? { log: options.log } : {}) };
    cluster = options.processes ? await startProcesses({ ...clusterOptions, signal: starting.signal }) : await startInProcess(clusterOptions);
    if (finished) await cluster.close();
    const startMs = performance.now() - t;
    const wireMs = await wire(cluster, options.graph);
    t = performance.now();
    const perMessage = await floodEach(cluster, options.graph, tracker, { origins: options.origins, pollMs: options.processes ? 5 : 1 });
    const perNode = await Promise.all(cluster.handles.map((h) => h.stats()));
    return { mode: options.processes ? 'processes' : 'one process', startMs, wireMs, perMessage, perNode };
  };
  try {
    return await Promise.race([work(), stopped]);
  } finally {
    finished = true;
    starting.abort();
    clearTimeout(timer);
    if (onAbort) options.signal?.removeEventListener('abort', onAbort);
    await (cluster as Cluster | undefined)?.close();
  }
}
