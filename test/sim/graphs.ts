/**
 * Small graphs for tests, built here so the tests do not depend on the generators:
 * a ring with seeded random chords (connected, irregular, short paths), the Petersen graph
 * (3-regular, diameter 2), and BFS distances to check hop-based claims.
 */
import { seededRng } from '../../src/sim/random.ts';
import { toCsr, type Csr } from '../../src/sim/topology/csr.ts';
import { edgeListFromPairs, type EdgeList } from '../../src/sim/topology/edge-list.ts';

/** A cycle 0..n-1 plus `chords` distinct random chords (no loops, no parallel edges). */
export function ringWithChords(n: number, chords: number, seed: number): EdgeList {
  const rng = seededRng(seed, 'test-graph');
  const pairs: [number, number][] = [];
  const key = new Set<number>();
  const add = (u: number, v: number): boolean => {
    const k = Math.min(u, v) * n + Math.max(u, v);
    if (u === v || key.has(k)) return false;
    key.add(k);
    pairs.push([u, v]);
    return true;
  };
  for (let u = 0; u < n; u++) add(u, (u + 1) % n);
  let added = 0;
  while (added < chords) if (add(Math.floor(rng() * n), Math.floor(rng() * n))) added++;
  return edgeListFromPairs(n, pairs);
}

/** The Petersen graph: 10 nodes, 15 edges, 3-regular, diameter 2. */
export const petersen: EdgeList = edgeListFromPairs(10, [
  [0, 1],
  [1, 2],
  [2, 3],
  [3, 4],
  [4, 0],
  [0, 5],
  [1, 6],
  [2, 7],
  [3, 8],
  [4, 9],
  [5, 7],
  [7, 9],
  [9, 6],
  [6, 8],
  [8, 5],
]);

/** Hop distance from `origin` to every node (-1 where unreachable). */
export function distances(csr: Csr, origin: number): Int32Array {
  const dist = new Int32Array(csr.order).fill(-1);
  const queue = [origin];
  dist[origin] = 0;
  for (let i = 0; i < queue.length; i++) {
    const u = queue[i]!;
    for (let h = csr.offsets[u]!; h < csr.offsets[u + 1]!; h++) {
      const v = csr.targets[h]!;
      if (dist[v] === -1) {
        dist[v] = dist[u]! + 1;
        queue.push(v);
      }
    }
  }
  return dist;
}

export const csrOf = (edges: EdgeList): Csr => toCsr(edges);
