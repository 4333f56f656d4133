/**
 * Connected components by union–find (core/graph/union-find.ts). The analyzer needs them because on a
 * disconnected graph a flood can only reach the origin's component, so every exact formula is
 * taken over that component's nodes and edges. Two entry points give the same answer: from an
 * edge list, and from a CSR, which walks each node's links in turn so that one end of every
 * union is already in cache (the faster one at 10^7 nodes, where each random access is a miss).
 */
import { UnionFind } from '../../core/graph/union-find.ts';
import type { Csr } from './csr.ts';
import type { EdgeList } from './edge-list.ts';

export interface Components {
  /** Number of components. */
  readonly count: number;
  /** Component index of each node (0..count-1, numbered by lowest node). */
  readonly of: Int32Array;
  /** Nodes per component. */
  readonly nodes: Int32Array;
  /** Edges per component. */
  readonly edges: Float64Array;
}

/** One component holding everything: no labelling pass, no counting pass. */
function whole(order: number, size: number): Components {
  return { count: 1, of: new Int32Array(order), nodes: Int32Array.of(order), edges: Float64Array.of(size) };
}

/** Numbers the union–find roots by lowest node and counts nodes per component. */
function label(sets: UnionFind, order: number): { count: number; of: Int32Array; nodes: Int32Array } {
  const of = new Int32Array(order);
  const index = new Int32Array(order).fill(-1);
  let count = 0;
  for (let u = 0; u < order; u++) {
    const r = sets.find(u);
    if (index[r] === -1) index[r] = count++;
    of[u] = index[r]!;
  }
  const nodes = new Int32Array(count);
  for (let u = 0; u < order; u++) nodes[of[u]!]!++;
  return { count, of, nodes };
}

/** Labels every node with its component and counts nodes and edges per component. */
export function components(edges: EdgeList): Components {
  const { order, size, src, dst } = edges;
  const sets = new UnionFind(order);
  let joins = 0;
  for (let e = 0; e < size; e++) if (sets.union(src[e]!, dst[e]!)) joins++;
  if (order > 0 && joins === order - 1) return whole(order, size);
  const { count, of, nodes } = label(sets, order);
  const edgeCount = new Float64Array(count);
  for (let e = 0; e < size; e++) edgeCount[of[src[e]!]!]!++;
  return { count, of, nodes, edges: edgeCount };
}

/** The same as components(), from the CSR of the graph. */
export function csrComponents(csr: Csr): Components {
  const { order, size, offsets, targets } = csr;
  const sets = new UnionFind(order);
  let joins = 0;
  for (let u = 0; u < order; u++) {
    for (let h = offsets[u]!, end = offsets[u + 1]!; h < end; h++) {
      const v = targets[h]!;
      if (v > u && sets.union(u, v)) joins++; // each edge once, from its lower end
    }
  }
  if (order > 0 && joins === order - 1) return whole(order, size);
  const { count, of, nodes } = label(sets, order);
  const halfEdges = new Float64Array(count);
  for (let u = 0; u < order; u++) halfEdges[of[u]!]! += offsets[u + 1]! - offsets[u]!;
  return { count, of, nodes, edges: halfEdges.map((x) => x / 2) };
}

/** True when the graph has one component (an empty graph counts as connected). */
export function isConnected(edges: EdgeList): boolean {
  return edges.order <= 1 || components(edges).count === 1;
}
