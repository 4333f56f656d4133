/**
 * Connected components of an edge list by union–find over typed arrays. The analyzer needs them
 * because on a disconnected graph a flood can only reach the origin's component, so every exact
 * formula is taken over that component's nodes and edges.
 */
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

function find(parent: Int32Array, x: number): number {
  while (parent[x] !== x) {
    const p = parent[parent[x]!]!;
    parent[x] = p; // path halving keeps the trees shallow
    x = p;
  }
  return x;
}

/** Labels every node with its component and counts nodes and edges per component. */
export function components(edges: EdgeList): Components {
  const { order, size, src, dst } = edges;
  const parent = new Int32Array(order);
  for (let i = 0; i < order; i++) parent[i] = i;
  let joins = 0;
  for (let e = 0; e < size; e++) {
    const a = find(parent, src[e]!);
    const b = find(parent, dst[e]!);
    if (a !== b) {
      parent[a < b ? b : a] = a < b ? a : b;
      joins++;
    }
  }
  // Connected (the usual case): one component holding everything. Skips the labelling and the
  // edge-counting passes, each a cache miss per node or edge at 10^7 nodes.
  if (order > 0 && joins === order - 1) return { count: 1, of: new Int32Array(order), nodes: Int32Array.of(order), edges: Float64Array.of(size) };
  const of = new Int32Array(order);
  const index = new Int32Array(order).fill(-1);
  let count = 0;
  for (let u = 0; u < order; u++) {
    const r = find(parent, u);
    if (index[r] === -1) index[r] = count++;
    of[u] = index[r]!;
  }
  const nodes = new Int32Array(count);
  const edgeCount = new Float64Array(count);
  for (let u = 0; u < order; u++) nodes[of[u]!]!++;
  for (let e = 0; e < size; e++) edgeCount[of[src[e]!]!]!++;
  return { count, of, nodes, edges: edgeCount };
}

/** True when the graph has one component (an empty graph counts as connected). */
export function isConnected(edges: EdgeList): boolean {
  return edges.order <= 1 || components(edges).count === 1;
}
