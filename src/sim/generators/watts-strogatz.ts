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

export interface WattsStrogatzOptions {
  /** Number of nodes N: an integer >= 2 (in practice > D). */
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
  const key = (a: number, b: number): number => (a < b ? a * order + b : b * order + a);
  const edges = new Set<number>();
  for (let e = 0; e < size; e++) edges.add(key(src[e]!, dst[e]!));
  const deg = new Int32Array(order).fill(degree);
  // ring() lists the lattice as k = 1 (all u), k = 2 (all u), ...: the order networkx rewires in.
  for (let e = 0; e < size; e++) {
    if (!(rng() < beta)) continue;
    const u = src[e]!;
    const v = dst[e]!;
    if (deg[u]! >= order - 1) continue;
    let w = Math.floor(rng() * order);
    while (w === u || edges.has(key(u, w))) w = Math.floor(rng() * order);
    edges.delete(key(u, v));
    edges.add(key(u, w));
    dst[e] = w;
    deg[v]!--;
    deg[w]!++;
  }
  return lattice;
}
