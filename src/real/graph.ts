/**
 * The graph the launcher wires, as plain arrays (the simulator's EdgeList fits this shape, so
 * src/real needs nothing from src/sim), and the two facts about it the launcher needs.
 */
import { degreeCounts } from '../core/graph/degrees.ts';
import { UnionFind } from '../core/graph/union-find.ts';

export interface LaunchGraph {
  readonly order: number;
  readonly size: number;
  readonly src: ArrayLike<number>;
  readonly dst: ArrayLike<number>;
}

/** Degree of every node. */
export function degrees(graph: LaunchGraph): Int32Array {
  return degreeCounts(graph);
}

/** For every node, the number of nodes in its connected component (union–find). */
export function componentSizes(graph: LaunchGraph): Int32Array {
  const sets = new UnionFind(graph.order);
  for (let e = 0; e < graph.size; e++) sets.union(graph.src[e]!, graph.dst[e]!);
  const count = new Int32Array(graph.order);
  for (let u = 0; u < graph.order; u++) count[sets.find(u)]!++;
  return Int32Array.from({ length: graph.order }, (_, u) => count[sets.find(u)]!);
}
