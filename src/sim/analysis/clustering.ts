/**
 * Average local clustering coefficient: for each node, the fraction of pairs of its neighbours that
 * are linked (0 for a node with fewer than two links, as networkx counts it), averaged over nodes.
 * Exact over all nodes for small graphs; over `samples` nodes drawn with the given seeded generator
 * for large ones. Triangles at v are counted by stamping v's neighbours in one typed array: O(Σ d²).
 */
import type { Rng } from '../../core/rng.ts';
import type { Csr } from '../topology/csr.ts';

export interface ClusteringOptions {
  /** Nodes to average over when fewer than all; drawn uniformly with replacement. Default: all. */
  readonly samples?: number;
  /** Required when `samples` < order. */
  readonly rng?: Rng;
}

/** Local clustering coefficient of node `v`; `mark` (length order) holds other nodes' stamps, never v + 1 on a non-neighbour. */
function local(csr: Csr, v: number, mark: Int32Array): number {
  const { offsets, targets } = csr;
  const lo = offsets[v]!;
  const hi = offsets[v + 1]!;
  const d = hi - lo;
  if (d < 2) return 0;
  const stamp = v + 1;
  for (let h = lo; h < hi; h++) mark[targets[h]!] = stamp;
  let closed = 0;
  for (let h = lo; h < hi; h++) {
    const w = targets[h]!;
    for (let k = offsets[w]!; k < offsets[w + 1]!; k++) if (mark[targets[k]!] === stamp) closed++;
  }
  return closed / (d * (d - 1)); // each triangle at v is seen from both of its other corners
}

/** The average local clustering coefficient (0 for an empty graph). */
export function averageClustering(csr: Csr, options: ClusteringOptions = {}): number {
  const n = csr.order;
  if (n === 0) return 0;
  const mark = new Int32Array(n);
  const samples = options.samples ?? n;
  let sum = 0;
  if (samples >= n) {
    for (let v = 0; v < n; v++) sum += local(csr, v, mark);
    return sum / n;
  }
  const rng = options.rng;
  if (rng === undefined) throw new Error('averageClustering: sampling needs an rng');
  // No clearing between nodes: stamps are v + 1, and a node drawn twice stamps the same neighbours again.
  for (let i = 0; i < samples; i++) sum += local(csr, Math.floor(rng() * n), mark);
  return sum / samples;
}
