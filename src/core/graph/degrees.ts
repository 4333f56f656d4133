/**
 * The one degree count: how many edge ends each node has, from parallel endpoint arrays. In core
 * because the simulator (CSR offsets, regularity), the launcher (links to wait for) and the
 * browser page (which may import only core) all count degrees, and none may import the others.
 */

/** An undirected graph as parallel endpoint arrays: the simulator's EdgeList and the launcher's graph fit. */
interface EdgeEnds {
  /** Number of nodes; nodes are 0..order-1. */
  readonly order: number;
  /** Number of edges; entries of src and dst past it are ignored. */
  readonly size: number;
  readonly src: ArrayLike<number>;
  readonly dst: ArrayLike<number>;
}

/**
 * Adds each edge's two ends to `out` (a fresh zeroed array of `order` entries by default) and
 * returns it: a self-loop counts twice, as in the handshake lemma (the degrees sum to 2E).
 */
export function degreeCounts(edges: EdgeEnds, out: Int32Array = new Int32Array(edges.order)): Int32Array {
  const { size, src, dst } = edges;
  for (let e = 0; e < size; e++) {
    out[src[e]!]!++;
    out[dst[e]!]!++;
  }
  return out;
}

/** True when every node has the same degree (an empty graph counts as regular). */
export function isRegular(edges: EdgeEnds): boolean {
  const deg = degreeCounts(edges);
  return deg.every((d) => d === deg[0]);
}
