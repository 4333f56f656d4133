/**
 * Compressed sparse rows: the engine's view of a graph. Node u's links are the half-edges
 * offsets[u] .. offsets[u+1]-1; targets[h] is the neighbour at the other end and twins[h] the
 * half-edge that points back, so a receiver knows which of its own links a message came over
 * without a search. Built in O(N + E) with counting sort; three typed arrays, no objects.
 */
import { degreeCounts } from '../../core/graph/degrees.ts';
import type { EdgeList } from './edge-list.ts';

export interface Csr {
  readonly order: number;
  /** Undirected edges (half-edges = 2 * size). */
  readonly size: number;
  readonly offsets: Int32Array;
  readonly targets: Int32Array;
  readonly twins: Int32Array;
  readonly labels?: readonly string[];
}

/** Builds the CSR of an edge list; neighbour order follows edge order (which the seed fixes). */
export function toCsr(edges: EdgeList): Csr {
  const { order, size, src, dst } = edges;
  const offsets = new Int32Array(order + 1);
  degreeCounts(edges, offsets.subarray(1)); // offsets[u + 1] = degree of u, then running sums
  for (let u = 0; u < order; u++) offsets[u + 1]! += offsets[u]!;
  const fill = offsets.slice(0, order);
  const targets = new Int32Array(2 * size);
  const twins = new Int32Array(2 * size);
  for (let e = 0; e < size; e++) {
    const u = src[e]!;
    const v = dst[e]!;
    const hu = fill[u]!++;
    const hv = fill[v]!++;
    targets[hu] = v;
    targets[hv] = u;
    twins[hu] = hv;
    twins[hv] = hu;
  }
  const csr = { order, size, offsets, targets, twins };
  return edges.labels ? { ...csr, labels: edges.labels } : csr;
}

/** Degree of node u. */
export function degreeOf(csr: Csr, u: number): number {
  return csr.offsets[u + 1]! - csr.offsets[u]!;
}
