/**
 * Path lengths of a network: the mean shortest path over pairs that can reach each other, from BFS
 * out of `sources` nodes (all of them for small graphs: exact; a seeded sample for large ones), and a
 * diameter estimate by the double sweep (BFS from a node, then from the farthest node found: the
 * second eccentricity is a lower bound on the diameter, exact on trees and often on sparse graphs).
 * BFS runs over the CSR with one Int32Array of distances and one queue, reused across sources.
 */
import type { Rng } from '../../core/rng.ts';
import type { Csr } from '../topology/csr.ts';

export interface PathOptions {
  /** BFS sources; when fewer than the order they are drawn without replacement with `rng`. Default: all. */
  readonly sources?: number;
  readonly rng?: Rng;
}

export interface PathStats {
  /** Mean hop distance over ordered (source, reachable other node) pairs; 0 when there are none. */
  readonly mean: number;
  /** Sources used (the order when exact). */
  readonly sources: number;
  /** Double-sweep lower bound on the diameter of the component of the first source (0 for no nodes). */
  readonly diameterLowerBound: number;
}

/** BFS from `s`, filling `dist` (-1 = unreached); returns [sum of distances, reached others, farthest node, its distance]. */
function bfs(csr: Csr, s: number, dist: Int32Array, queue: Int32Array): [number, number, number, number] {
  dist.fill(-1);
  dist[s] = 0;
  queue[0] = s;
  let head = 0;
  let tail = 1;
  let sum = 0;
  let far = s;
  while (head < tail) {
    const u = queue[head++]!;
    const du = dist[u]!;
    sum += du;
    if (du > dist[far]!) far = u;
    for (let h = csr.offsets[u]!; h < csr.offsets[u + 1]!; h++) {
      const v = csr.targets[h]!;
      if (dist[v] === -1) {
        dist[v] = du + 1;
        queue[tail++] = v;
      }
    }
  }
  return [sum, tail - 1, far, dist[far]!];
}

/** Mean shortest path (exact or sampled) and the double-sweep diameter bound. */
export function pathStats(csr: Csr, options: PathOptions = {}): PathStats {
  const n = csr.order;
  if (n === 0) return { mean: 0, sources: 0, diameterLowerBound: 0 };
  const dist = new Int32Array(n);
  const queue = new Int32Array(n);
  const k = Math.min(options.sources ?? n, n);
  const list = chooseSources(n, k, options.rng);
  let sum = 0;
  let pairs = 0;
  for (const s of list) {
    const [d, reached] = bfs(csr, s, dist, queue);
    sum += d;
    pairs += reached;
  }
  const [, , far] = bfs(csr, list[0]!, dist, queue);
  const [, , , ecc] = bfs(csr, far, dist, queue);
  return { mean: pairs > 0 ? sum / pairs : 0, sources: k, diameterLowerBound: ecc };
}

/** All nodes when k = n, else k distinct nodes by a partial Fisher–Yates over `rng`. */
function chooseSources(n: number, k: number, rng: Rng | undefined): Int32Array {
  const all = new Int32Array(n);
  for (let i = 0; i < n; i++) all[i] = i;
  if (k >= n) return all;
  if (rng === undefined) throw new Error('pathStats: sampling sources needs an rng');
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(rng() * (n - i));
    const t = all[i]!;
    all[i] = all[j]!;
    all[j] = t;
  }
  return all.slice(0, k);
}
