/**
 * Barabási–Albert preferential attachment: scale-free graphs with hubs, where flooding's
 * redundancy concentrates on a few nodes. m = max(1, round(D/2)) edges per new node, so the mean
 * degree is about 2m (= D for even D). Starts from a complete graph on m+1 nodes; each new node
 * links to m distinct nodes drawn in proportion to degree with the "repeated nodes" array (every
 * edge end listed once), which makes the whole build O(E).
 */
import { InputError } from '../../core/errors.ts';
import type { Rng } from '../../core/rng.ts';
import type { EdgeList } from '../topology/edge-list.ts';

interface BarabasiAlbertOptions {
  /** Number of nodes N: an integer >= m + 1. */
  readonly order: number;
  /** Target mean degree D (integer >= 1); each new node brings m = max(1, round(D/2)) edges. */
  readonly degree: number;
  /** Uniform numbers in [0, 1). */
  readonly rng: Rng;
}

/** Edges each new node brings for a target mean degree D. */
export function attachmentsFor(degree: number): number {
  return Math.max(1, Math.round(degree / 2));
}

/** A connected Barabási–Albert graph: m(m+1)/2 + (N-m-1)m edges, no loops or parallel edges. */
export function barabasiAlbert(options: BarabasiAlbertOptions): EdgeList {
  const { order, degree, rng } = options;
  if (!Number.isInteger(degree) || degree < 1) {
    throw new InputError('ERR_BAD_DEGREE', `barabasi-albert: degree ${degree}: the degree must be an integer >= 1`);
  }
  const m = attachmentsFor(degree);
  if (!Number.isInteger(order) || order < m + 1 || order < 2) {
    throw new InputError('ERR_BAD_NODES', `barabasi-albert: ${order} nodes with degree ${degree} (m = ${m} edges per new node): the number of nodes must be an integer >= ${Math.max(2, m + 1)}`);
  }
  const size = (m * (m + 1)) / 2 + (order - m - 1) * m;
  const src = new Int32Array(size);
  const dst = new Int32Array(size);
  const ends = new Int32Array(2 * size); // every edge end once: a uniform pick is degree-biased
  let e = 0;
  const link = (u: number, v: number): void => {
    src[e] = u;
    dst[e] = v;
    ends[2 * e] = u;
    ends[2 * e + 1] = v;
    e++;
  };
  for (let u = 0; u <= m; u++) for (let v = u + 1; v <= m; v++) link(u, v);
  const chosen = new Int32Array(order).fill(-1); // chosen[v] === t: v already drawn for node t
  const targets = new Int32Array(m);
  for (let t = m + 1; t < order; t++) {
    const ready = 2 * e; // ends of edges added before t
    for (let j = 0; j < m; j++) {
      let v = ends[Math.floor(rng() * ready)]!;
      while (chosen[v] === t) v = ends[Math.floor(rng() * ready)]!;
      chosen[v] = t;
      targets[j] = v;
    }
    for (let j = 0; j < m; j++) link(t, targets[j]!);
  }
  return { order, size, src, dst };
}
