/**
 * Ring lattice: the deterministic regular graph, useful as the worst case for flooding's
 * redundancy per hop and as the start of Watts–Strogatz. Node i is linked to i±1 .. i±floor(D/2);
 * an odd D adds the antipodal chord i ↔ i+N/2, so it needs an even N.
 */
import { InputError } from '../../core/errors.ts';
import type { EdgeList } from '../topology/edge-list.ts';

interface RingOptions {
  /** Number of nodes N: an integer >= 2. */
  readonly order: number;
  /** Degree D of every node: an integer with 1 <= D < N; an odd D needs an even N. */
  readonly degree: number;
}

/** Throws unless (order, degree) make a simple ring lattice; shared with Watts–Strogatz. */
export function validateRing(module: string, order: number, degree: number): void {
  if (!Number.isInteger(order) || order < 2) {
    throw new InputError('ERR_BAD_NODES', `${module}: ${order} nodes: the number of nodes must be an integer >= 2`);
  }
  if (!Number.isInteger(degree) || degree < 1) {
    throw new InputError('ERR_BAD_DEGREE', `${module}: degree ${degree}: the degree must be an integer >= 1`);
  }
  if (degree >= order) {
    throw new InputError('ERR_BAD_DEGREE', `${module}: degree ${degree} with ${order} nodes: degree must be below the number of nodes`);
  }
  if (degree % 2 === 1 && order % 2 === 1) {
    throw new InputError('ERR_BAD_DEGREE', `${module}: degree ${degree} with ${order} nodes: an odd degree needs an even number of nodes`);
  }
}

/**
 * The ring lattice as an edge list: first every node's link to i+1, then to i+2, ..., then the
 * chords. N*D/2 edges, every node of degree D, no loops or parallel edges (as D < N).
 */
export function ring(options: RingOptions): EdgeList {
  const { order, degree } = options;
  validateRing('ring', order, degree);
  const half = Math.floor(degree / 2);
  const size = (order * degree) / 2;
  const src = new Int32Array(size);
  const dst = new Int32Array(size);
  let e = 0;
  for (let k = 1; k <= half; k++) {
    for (let i = 0; i < order; i++) {
      src[e] = i;
      dst[e++] = (i + k) % order;
    }
  }
  if (degree % 2 === 1) {
    for (let i = 0; i < order / 2; i++) {
      src[e] = i;
      dst[e++] = i + order / 2;
    }
  }
  return { order, size, src, dst };
}
