/**
 * A mixed launch (`launch --go K`): floodlab nodes in this process and K original Go nodes as child
 * processes, wired as one graph, flooding messages one after another from floodlab and Go origins.
 * floodlab nodes take OS-chosen ports; each Go node takes the first free port from 55555 up and
 * says which. A floodlab node dials a Go node with gob; a Go node dials by typing `connect` on its
 * stdin. What each node showed is read from floodlab's deliveries and each Go node's stdout.
 * Every Go process is killed by PID at the end, on error, timeout or abort alike.
 */
import { tmpdir } from 'node:os';
import { UnionFind } from '../core/graph/union-find.ts';
import { startInProcess, type Cluster } from './cluster.ts';
import { DeliveryTracker } from './deliveries.ts';
import { GoProcess } from './go-process.ts';
import { inferredGoSends } from './go-plan.ts';
import { degrees, type LaunchGraph } from './graph.ts';
import type { NodeStats } from './node.ts';
import { LaunchTimeoutError, statsOf, waitFor } from './wait.ts';
import { canonicalId } from './wire/gob/ids.ts';

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

export interface MixedMessage {
  readonly origin: number;
  readonly text: string;
  /** Its id as floodlab names it ('g' + the Go UniqueID for a Go message). */
  readonly id: string;
  /** What the floodlab nodes counted for it. */
  readonly sends: number;
  readonly received: number;
  readonly duplicates: number;
  /** The Go nodes' sends, inferred: each Go node that saw it writes it on every link. */
  readonly goSendsInferred: number;
  /** Per node: deliveries (floodlab) or `ADDR -> text` lines (Go); a Go origin shows its own message 0 times. */
  readonly shown: readonly number[];
  /** Nodes that should have shown it once and did not (missing or twice). */
  readonly wrong: readonly number[];
}

export interface MixedLaunchReport {
  readonly nodes: readonly MixedNode[];
  readonly startMs: number;
  readonly wireMs: number;
  readonly perMessage: readonly MixedMessage[];
  /** The floodlab nodes' counters at the end (Go nodes count nothing). */
  readonly floodlabTotals: NodeStats;
  /** Every node showed every message it could reach exactly once (its own Go messages not at all). */
  readonly allOnce: boolean;
}

/** How long the counters and the Go nodes' output must stay still for a message to be over (> the pacer's 100 ms wait). */
export const QUIET_MS = 400;
const POLL_MS = 20;

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
    cluster = await startInProcess({ names: fl.map((i) => options.names[i]!), protocol: options.protocol, onDeliver, ...(options.log ? { log: options.log } : {}) });
    if (finished) await cluster.close();
    const handleOf = (i: number) => cluster!.handles[fl.indexOf(i)]!;
    // One at a time: two Go nodes starting at once race for the same port, which the program handles, but its output then tells which.
    for (const g of options.goNodes) {
      const go = await GoProcess.start(options.goBinary, tmpdir());
      goProcs.set(g, go);
      if (finished) {
        await go.stop();
        throw new Error('launch: stopped while starting');
      }
    }
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
    for (let k = 0; k < options.origins.length; k++) perMessage.push(await floodOne(k, component, deg));
    const nodes: MixedNode[] = Array.from({ length: graph.order }, (_, i) => {
      const go = goProcs.get(i);
      return go ? { kind: 'go' as const, name: options.names[i]!, port: go.port, degree: deg[i]!, pid: go.pid } : { kind: 'floodlab' as const, name: options.names[i]!, port: handleOf(i).port, degree: deg[i]! };
    });
    return { nodes, startMs, wireMs, perMessage, floodlabTotals: await statsOf(cluster.handles), allOnce: perMessage.every((m) => m.wrong.length === 0) };
  };

  const floodOne = async (k: number, component: Int32Array, deg: Int32Array): Promise<MixedMessage> => {
    const handles = cluster!.handles;
    const origin = options.origins[k]!;
    const text = `message ${k}`;
    const before = await statsOf(handles);
    const goOrigin = goProcs.get(origin);
    let id: string;
    const limit = options.messageTimeoutMs ?? 15_000;
    if (goOrigin) {
      const known = firstSeen.length;
      goOrigin.type(text);
      await waitFor(() => firstSeen.length > known || !goOrigin.running, limit, 5, () => `launch: message ${k} typed at Go node ${origin} reached no floodlab node within ${limit} ms`);
      id = firstSeen[known] ?? '';
    } else {
      id = canonicalId((await handles[fl.indexOf(origin)]!.originate(text)).id);
    }
    const inReach = (i: number): boolean => component[i] === component[origin];
    const shownAt = (i: number): number => (isGo[i] ? goProcs.get(i)!.showed(text) : (tracker.get(id)?.perNode[i] ?? 0));
    const expected = (i: number): number => (!inReach(i) || (i === origin && isGo[i]) ? 0 : 1);
    const all = Array.from({ length: graph.order }, (_, i) => i);
    const dead = (): GoProcess | undefined => [...goProcs.values()].find((g) => !g.running);
    let last = '';
    let stillSince = performance.now();
    await waitFor(
      async () => {
        const gone = dead();
        if (gone) throw new Error(`launch: the Go node with pid ${gone.pid} exited during message ${k}; its last lines: ${gone.tail()}`);
        if (!all.every((i) => shownAt(i) >= expected(i))) return false;
        const s = await statsOf(handles);
        const key = `${s.sent}/${s.received}/${s.duplicates}/${all.map(shownAt).join(',')}`;
        if (key !== last) [last, stillSince] = [key, performance.now()];
        return performance.now() - stillSince >= QUIET_MS;
      },
      limit,
      POLL_MS,
      () => `launch: message ${k} from node ${origin} was shown by ${all.filter((i) => shownAt(i) > 0).length} of ${all.filter((i) => expected(i) > 0).length} nodes and not quiet after ${limit} ms`,
    );
    const after = await statsOf(handles);
    const shown = all.map(shownAt);
    let goSends = 0;
    for (const [g] of goProcs) goSends += inferredGoSends(deg[g]!, shown[g]! > 0 || g === origin);
    return {
      origin,
      text,
      id,
      sends: after.sent - before.sent,
      received: after.received - before.received,
      duplicates: after.duplicates - before.duplicates,
      goSendsInferred: goSends,
      shown,
      wrong: all.filter((i) => shown[i] !== expected(i)),
    };
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

/** A component label per node. */
function components(graph: LaunchGraph): Int32Array {
  const sets = new UnionFind(graph.order);
  for (let e = 0; e < graph.size; e++) sets.union(graph.src[e]!, graph.dst[e]!);
  return Int32Array.from({ length: graph.order }, (_, u) => sets.find(u));
}
