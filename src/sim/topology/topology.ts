/**
 * The graph as the engine sees it, static or changing: node u's link i is the half-edge
 * first[u] + i, for half-edges below end[u]; targets[h] is the node at the far end (-1 for a hole,
 * a removed link) and twins[h] the half-edge pointing back. Plain typed arrays, so the engine's
 * hot loop reads them directly whichever topology it runs on. The static CSR is one (no holes,
 * arrays shared with the Csr); DynamicTopology (dynamic.ts) is the other, with free slots.
 */
import type { Csr } from './csr.ts';

export interface Topology {
  /** Node ids lie below this; per-node arrays have this length. */
  readonly nodeSlots: number;
  /** Half-edge ids lie below this; per-half-edge arrays have this length. */
  readonly slots: number;
  /** First half-edge of each node. Fixed for a node's life, so half-edge ids are stable. */
  readonly first: Int32Array;
  /** One past the last half-edge slot of each node in use (live links and holes). */
  readonly end: Int32Array;
  /** The neighbour across each half-edge, or HOLE. */
  readonly targets: Int32Array;
  /** The half-edge at the neighbour that points back; meaningless for a hole. */
  readonly twins: Int32Array;
  /** True when links can change while a run goes on (the engine then takes no shortcut). */
  readonly dynamic: boolean;
}

/** targets[h] of a half-edge that carries no link. */
export const HOLE = -1;

/** The static topology of a CSR: its arrays, no copies. */
export function staticTopology(csr: Csr): Topology {
  const { order, offsets, targets, twins } = csr;
  return {
    nodeSlots: order,
    slots: targets.length,
    first: offsets.subarray(0, order),
    end: offsets.subarray(1, order + 1),
    targets,
    twins,
    dynamic: false,
  };
}

/** Link slots of node u (live links and holes): its links are 0 .. linkCount − 1. */
export function linkCount(t: Topology, u: number): number {
  return t.end[u]! - t.first[u]!;
}

/** The neighbour over u's link, or HOLE. */
export function neighbour(t: Topology, u: number, link: number): number {
  return t.targets[t.first[u]! + link]!;
}
