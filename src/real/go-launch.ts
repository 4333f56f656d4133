/**
 * A mixed launch (`launch --go K`): floodlab nodes in this process and K original Go nodes as child
 * processes, wired as one graph, flooding messages one after another from floodlab and Go origins.
 * Go nodes start first, each on the first free port from 55555 up (it says which); floodlab nodes
 * then take OS-chosen ports. A floodlab node dials a Go node with gob; a Go node dials by typing `connect` on its
 * stdin. What each node showed is read from floodlab's deliveries and each Go node's stdout.
 * Every Go process is killed by PID at the end, on error, timeout or abort alike.
 */
import { tmpdir } from 'node:os';
import { startInProcess, type Cluster } from './cluster.ts';
import { DeliveryTracker } from './deliveries.ts';
import { GoProcess } from './go-process.ts';
import { components, floodMixed, type FloodContext, type MixedMessage } from './go-flood.ts';
import { degrees, type LaunchGraph } from './graph.ts';
import type { NodeStats } from './node.ts';
import { LaunchTimeoutError, statsOf, waitFor } from './wait.ts';
import { canonicalId } from './wire/gob/ids.ts';

export type { MixedMessage } from './go-flood.ts';

export interface MixedLaunchOptions {
  readonly graph: LaunchGraph;
  /** Name of each node; a Go node's is only a label here (it has none of its own). */
  readonly names: readonly string[];
  readonly origins: readonly number[];
  /** The floodlab nodes' rule (flood or flood-echo); the Go nodes always send to every link. */
  readonly protocol: string;
  /** Graph nodes that are Go nodes (no two linked: see go-plan.ts). */
  readonly goNodes: readonly number[];
  readonly goBinary: string;
  readonly timeoutMs?: number;
  readonly messageTimeoutMs?: number;
  readonly signal?: AbortSignal;
  readonly log?: (line: string) => void;
}

export interface MixedNode {
  readonly kind: 'floodlab' | 'go';
  readonly name: string;
  readonly port: number;
  readonly degree: number;
  /** The Go process's PID. */
  readonly pid?: number;
}

export interface MixedLaunchReport {
  readonly nodes: readonly MixedNode[];
  readonly startMs: number;
  readonly wireMs: number;
  readonly perMessage: readonly MixedMessage[];
  /** The floodlab nodes' counters at the end (Go nodes count nothing). */
  readonly floodlabTotals: NodeStats;
  /** Every node showed every message it could reach exactly once (its own Go messages not at all), but for the Go program's own double prints (MixedMessage.goRaced). */
  readonly allOnce: boolean;
}

export async function runMixedLaunch(options: MixedLaunchOptions): Promise<MixedLaunchReport> {
  const { graph } = options;
  const isGo = new Uint8Array(graph.order);
  for (const g of options.goNodes) isGo[g] = 1;
  for (let e = 0; e < graph.size; e++) if (isGo[graph.src[e]!] && isGo[graph.dst[e]!]) throw new Error(`launch: Go nodes ${graph.src[e]} and ${graph.dst[e]} are linked; Go–Go links lose messages`);
  const fl = Array.from({ length: graph.order }, (_, i) => i).filter((i) => !isGo[i]);
  const goProcs = new Map<number, GoProcess>();
  let cluster: Cluster | undefined;
  /** Set once the launch ended, so that a node still starting then is stopped at once. */
  let finished = false;
  let timer: NodeJS.Timeout | undefined;
  let onAbort: (() => void) | undefined;
  const stopped = new Promise<never>((_, reject) => {
    const ms = options.timeoutMs ?? 120_000;
    timer = setTimeout(() => reject(new LaunchTimeoutError(`launch: not finished after ${ms / 1000} s; every node was stopped`)), ms);
    onAbort = () => reject(new Error('launch: interrupted; every node was stopped'));
    options.signal?.addEventListener('abort', onAbort, { once: true });
  });
  stopped.catch(() => undefined);
  // Ids in the order floodlab nodes first delivered them, canonical (one name for both spellings).
  const tracker = new DeliveryTracker(graph.order);
  const firstSeen: string[] = [];
  const onDeliver = (local: number, id: string, at: number, hops: number): void => {
    const c = canonicalId(id);
    if (tracker.reached(c) === 0) firstSeen.push(c);
    tracker.record(fl[local]!, c, at, hops);
  };
  const work = async (): Promise<MixedLaunchReport> => {
    let t = performance.now();
    // One at a time: two Go nodes starting at once race for the same port, which the program handles, but its output then tells which.
    for (const g of options.goNodes) {
      const go = await GoProcess.start(options.goBinary, tmpdir());
      goProcs.set(g, go);
      if (finished) {
        await go.stop();
        throw new Error('launch: stopped while starting');
      }
    }
    // floodlab nodes after the Go nodes: their system-chosen ports then cannot be one a Go node wants.
    cluster = await startInProcess({ names: fl.map((i) => options.names[i]!), protocol: options.protocol, onDeliver, ...(options.log ? { log: options.log } : {}) });
    if (finished) await cluster.close();
    const handleOf = (i: number) => cluster!.handles[fl.indexOf(i)]!;
    const startMs = performance.now() - t;
    t = performance.now();
    const deg = degrees(graph);
    const portOf = (i: number): number => (isGo[i] ? goProcs.get(i)!.port : handleOf(i).port);
    for (let e = 0; e < graph.size; e++) {
      const u = graph.src[e]!;
      const v = graph.dst[e]!;
      if (!isGo[u] && !isGo[v]) {
        handleOf(u).connect(portOf(v));
        continue;
      }
      // A Go node adds a link to its map in a goroutine with no lock: open its links one by one.
      const go = goProcs.get(isGo[u] ? u : v)!;
      const before = go.handling;
      if (isGo[u]) go.type(`connect 127.0.0.1:${portOf(v)}`);
      else handleOf(u).connect(portOf(v), 'gob');
      await go.until(() => go.handling > before, 10_000, `take the link ${u}–${v}`);
      await new Promise((r) => setTimeout(r, 30)); // it prints the line just before adding the link
    }
    await waitFor(
      async () => (await Promise.all(cluster!.handles.map((h) => h.stats()))).every((s, k) => s.connected === deg[fl[k]!]),
      20_000,
      5,
      () => `launch: the ${graph.size} links were not all up after 20 s`,
    );
    const wireMs = performance.now() - t;
    const component = components(graph);
    const perMessage: MixedMessage[] = [];
    const context: FloodContext = { graph, isGo, floodlab: fl, handles: cluster.handles, goProcs, tracker, firstSeen, component, degree: deg, limitMs: options.messageTimeoutMs ?? 15_000 };
    for (let k = 0; k < options.origins.length; k++) perMessage.push(await floodMixed(context, k, options.origins[k]!));
    const nodes: MixedNode[] = Array.from({ length: graph.order }, (_, i) => {
      const go = goProcs.get(i);
      return go
        ? { kind: 'go' as const, name: options.names[i]!, port: go.port, degree: deg[i]!, pid: go.pid }
        : { kind: 'floodlab' as const, name: options.names[i]!, port: handleOf(i).port, degree: deg[i]! };
    });
    return { nodes, startMs, wireMs, perMessage, floodlabTotals: await statsOf(cluster.handles), allOnce: perMessage.every((m) => m.wrong.length === 0) };
  };

  try {
    return await Promise.race([work(), stopped]);
  } finally {
    finished = true;
    clearTimeout(timer);
    if (onAbort) options.signal?.removeEventListener('abort', onAbort);
    await Promise.all([...goProcs.values()].map((g) => g.stop()));
    await (cluster as Cluster | undefined)?.close();
  }
}
