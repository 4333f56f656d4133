/**
 * The spanning tree the simulator configures for the `tree` protocol: a BFS tree from the lowest
 * node of each component (a spanning forest on a disconnected graph), marked on half-edges so
 * that a node can ask, per link, whether it is on the tree. BFS keeps the tree shallow.
 */
import type { Csr } from './csr.ts';

/** 1 on both half-edges of every tree edge, 0 elsewhere; exactly N − (components) edges marked. */
export function bfsTreeLinks(csr: Csr): Uint8Array {
  const { order, offsets, targets, twins } = csr;
  const marks = new Uint8Array(targets.length);
  const visited = new Uint8Array(order);
  const queue = new Int32Array(order);
  for (let root = 0; root < order; root++) {
    if (visited[root]) continue;
    visited[root] = 1;
    let head = 0;
    let tail = 0;
    queue[tail++] = root;
    while (head < tail) {
      const u = queue[head++]!;
      for (let h = offsets[u]!; h < offsets[u + 1]!; h++) {
        const v = targets[h]!;
        if (visited[v]) continue;
        visited[v] = 1;
        marks[h] = 1;
        marks[twins[h]!] = 1;
        queue[tail++] = v;
      }
    }
  }
  return marks;
}
