/**
 * One message of a mixed launch, to its end: author it at a floodlab node or type it at a Go node
 * (its id is then the first new one floodlab nodes deliver), wait until every node that can shows
 * it, then until nothing moves, and report floodlab's counts, the Go nodes' inferred sends and
 * what every node showed.
 */
import { UnionFind } from '../core/graph/union-find.ts';
import type { NodeHandle } from './cluster.ts';
import type { DeliveryTracker } from './deliveries.ts';
import type { GoProcess } from './go-process.ts';
import { inferredGoSends } from './go-plan.ts';
import type { LaunchGraph } from './graph.ts';
import { statsOf, waitFor } from './wait.ts';
import { canonicalId } from './wire/gob/ids.ts';

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
  /** Nodes that should have shown it once and did not (missing, or twice but not as below). */
  readonly wrong: readonly number[];
  /**
   * Go nodes that showed it more than once, each time from another link: the Go program's own race
   * (connections.go checks its seen map, prints, and marks it seen only in announce, with no lock,
   * so two links that bring it at once both get through). Not counted as wrong: floodlab cannot
   * prevent it. The same link twice would mean two ids for one message, which is wrong.
   */
  readonly goRaced: readonly number[];
}

/** How long the counters and the Go nodes' output must stay still for a message to be over (> the pacer's 100 ms wait). */
export const QUIET_MS = 400;
const POLL_MS = 20;

/** What floodMixed reads of the launch. */
export interface FloodContext {
  readonly graph: LaunchGraph;
  /** 1 for a Go node, per graph node. */
  readonly isGo: Uint8Array;
  /** The graph node of each floodlab handle, in order. */
  readonly floodlab: readonly number[];
  readonly handles: readonly NodeHandle[];
  readonly goProcs: ReadonlyMap<number, GoProcess>;
  /** Deliveries by graph node, under canonical ids. */
  readonly tracker: DeliveryTracker;
  /** Canonical ids in the order floodlab nodes first delivered them. */
  readonly firstSeen: readonly string[];
  readonly component: Int32Array;
  readonly degree: Int32Array;
  readonly limitMs: number;
}

/** Floods message k (text `message k`) from `origin` and waits for its end. */
export async function floodMixed(c: FloodContext, k: number, origin: number): Promise<MixedMessage> {
  const { graph, isGo, handles, goProcs, tracker, firstSeen, component } = c;
  const text = `message ${k}`;
  const before = await statsOf(handles);
  const goOrigin = goProcs.get(origin);
  let id: string;
  const limit = c.limitMs;
  if (goOrigin) {
    const known = firstSeen.length;
    goOrigin.type(text);
    await waitFor(
      () => firstSeen.length > known || !goOrigin.running,
      limit,
      5,
      () => `launch: message ${k} typed at Go node ${origin} reached no floodlab node within ${limit} ms`,
    );
    id = firstSeen[known] ?? '';
  } else {
    id = canonicalId((await handles[c.floodlab.indexOf(origin)]!.originate(text)).id);
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
  for (const [g] of goProcs) goSends += inferredGoSends(c.degree[g]!, shown[g]! + (g === origin ? 1 : 0));
  const raced = (i: number): boolean => {
    const from = goProcs.get(i)?.showedFrom(text) ?? [];
    return expected(i) === 1 && shown[i]! > 1 && from.length === shown[i] && new Set(from).size === from.length;
  };
  return {
    origin,
    text,
    id,
    sends: after.sent - before.sent,
    received: after.received - before.received,
    duplicates: after.duplicates - before.duplicates,
    goSendsInferred: goSends,
    shown,
    wrong: all.filter((i) => shown[i] !== expected(i) && !raced(i)),
    goRaced: all.filter(raced),
  };
}

/** A component label per node. */
export function components(graph: LaunchGraph): Int32Array {
  const sets = new UnionFind(graph.order);
  for (let e = 0; e < graph.size; e++) sets.union(graph.src[e]!, graph.dst[e]!);
  return Int32Array.from({ length: graph.order }, (_, u) => sets.find(u));
}
