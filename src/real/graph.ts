/**
 * The graph the launcher wires, as plain arrays (the simulator's EdgeList fits this shape, so
 * src/real needs nothing from src/sim), and the two facts about it the launcher needs.
 */

export interface LaunchGraph {
  readonly order: number;
  readonly size: number;
  readonly src: ArrayLike<number>;
  readonly dst: ArrayLike<number>;
}

/** Degree of every node. */
export function degrees(graph: LaunchGraph): Int32Array {
  const deg = new Int32Array(graph.order);
  for (let e = 0; e < graph.size; e++) {
    deg[graph.src[e]!]!++;
    deg[graph.dst[e]!]!++;
  }
  return deg;
}

/** For every node, the number of nodes in its connected component (union–find). */
export function componentSizes(graph: LaunchGraph): Int32Array {
  const parent = Int32Array.from({ length: graph.order }, (_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]!]!;
      x = parent[x]!;
    }
    return x;
  };
  for (let e = 0; e < graph.size; e++) {
    const a = find(graph.src[e]!);
    const b = find(graph.dst[e]!);
    if (a !== b) parent[a] = b;
  }
  const count = new Int32Array(graph.order);
  for (let u = 0; u < graph.order; u++) count[find(u)]!++;
  return Int32Array.from({ length: graph.order }, (_, u) => count[find(u)]!);
}
