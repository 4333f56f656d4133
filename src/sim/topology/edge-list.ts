/**
 * The interchange form between generators and the engine: an undirected simple graph as two
 * parallel typed arrays of endpoints. Large generators write straight into these arrays.
 */

export interface EdgeList {
  /** Number of nodes; nodes are 0..order-1. */
  readonly order: number;
  /** Number of undirected edges. */
  readonly size: number;
  /** Edge i joins src[i] and dst[i] (length >= size; entries past size are ignored). */
  readonly src: Int32Array;
  readonly dst: Int32Array;
  /** Node names where the graph came with them (named graphs, files); index -> name. */
  readonly labels?: readonly string[];
}

/** Builds an EdgeList from plain pairs (for small graphs and tests). */
export function edgeListFromPairs(order: number, pairs: readonly (readonly [number, number])[], labels?: readonly string[]): EdgeList {
  const src = new Int32Array(pairs.length);
  const dst = new Int32Array(pairs.length);
  pairs.forEach(([u, v], i) => {
    src[i] = u;
    dst[i] = v;
  });
  return labels ? { order, size: pairs.length, src, dst, labels } : { order, size: pairs.length, src, dst };
}
