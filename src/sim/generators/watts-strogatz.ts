/**
 * Watts–Strogatz small worlds: a ring lattice whose edges are rewired with probability beta,
 * moving between the lattice (beta = 0, long paths) and a random graph (beta = 1). Follows
 * networkx's watts_strogatz_graph: for k = 1..D/2, for each node u, the edge (u, u+k) gets a
 * uniform new far end w, avoiding loops and edges that exist; a node linked to all others keeps
 * its edge. The mean degree stays D; the result may be disconnected for large beta.
 */
import { InputError } from '../../core/errors.ts';
import type { Rng } from '../../core/rng.ts';
import type { EdgeList } from '../topology/edge-list.ts';
import { ring, validateRing } from './ring.ts';

/** Rewiring probability used when none is given. */
export const WATTS_STROGATZ_DEFAULT_BETA = 0.1;

interface WattsStrogatzOptions {
  /** Number of nodes N: an integer above D. */
  readonly order: number;
  /** Lattice degree D: an even integer with 2 <= D < N. */
  readonly degree: number;
  /** Probability in [0, 1] that a lattice edge is rewired; default 0.1. */
  readonly beta?: number;
  /** Uniform numbers in [0, 1). */
  readonly rng: Rng;
}

/** A Watts–Strogatz graph as an edge list of N*D/2 edges (no loops, no parallel edges). */
export function wattsStrogatz(options: WattsStrogatzOptions): EdgeList {
  const { order, degree, rng, beta = WATTS_STROGATZ_DEFAULT_BETA } = options;
  validateRing('watts-strogatz', order, degree);
  if (degree % 2 !== 0) {
    throw new InputError('ERR_BAD_DEGREE', `watts-strogatz: degree ${degree}: the degree must be even (a ring lattice of D/2 links each side)`);
  }
  if (!(beta >= 0 && beta <= 1)) {
    throw new InputError('ERR_BAD_TOPOLOGY', `watts-strogatz: beta ${beta}: the rewiring probability must be from 0 to 1`);
  }
  const lattice = ring({ order, degree });
  const { size, src, dst } = lattice;
  const half = degree / 2;
  // Membership without a set of all N*D/2 edges: lattice pairs are found by their distance on
  // the ring (edge (u, u+k) has index (k-1)*N + u) unless moved; only rewired edges go in a Set.
  const moved = new Uint8Array(size);
  const rewired = new Set<number>();
  const key = (a: number, b: number): number => (a < b ? a * order + b : b * order + a);
  const linked = (a: number, b: number): boolean => {
    const d = (b - a + order) % order;
    if (d >= 1 && d <= half) return moved[(d - 1) * order + a] === 0 || rewired.has(key(a, b));
    if (order - d <= half) return moved[(order - d - 1) * order + b] === 0 || rewired.has(key(a, b));
    return rewired.has(key(a, b));
  };
  const deg = new Int32Array(order).fill(degree);
  // ring() lists the lattice as k = 1 (all u), k = 2 (all u), ...: the order networkx rewires in.
  for (let e = 0; e < size; e++) {
    if (!(rng() < beta)) continue;
    const u = src[e]!;
    const v = dst[e]!;
    if (deg[u]! >= order - 1) continue;
    let w = Math.floor(rng() * order);
    while (w === u || linked(u, w)) w = Math.floor(rng() * order);
    moved[e] = 1;
    rewired.add(key(u, w));
    dst[e] = w;
    deg[v]!--;
    deg[w]!++;
  }
  return lattice;
}
