/**
 * The complete graph K_N: every pair linked, the densest case of flooding (N(N-1)
 * transmissions per message). Written straight into the edge arrays; refused above
 * COMPLETE_MAX_ORDER nodes because the edge count grows as N^2.
 */
import { InputError } from '../../core/errors.ts';
import type { EdgeList } from '../topology/edge-list.ts';

/** Largest N accepted: 20,000 nodes is already about 2*10^8 edges (1.6 GB of edge arrays). */
export const COMPLETE_MAX_ORDER = 20_000;

interface CompleteOptions {
  /** Number of nodes N: an integer from 2 to COMPLETE_MAX_ORDER. */
  readonly order: number;
}

/** K_N as an edge list of N(N-1)/2 edges, in lexicographic order (u < v). */
export function complete(options: CompleteOptions): EdgeList {
  const { order } = options;
  if (!Number.isInteger(order) || order < 2 || order > COMPLETE_MAX_ORDER) {
    throw new InputError('ERR_BAD_NODES', `complete: ${order} nodes: the number of nodes must be an integer from 2 to ${COMPLETE_MAX_ORDER} (edges grow as N^2)`);
  }
  const size = (order * (order - 1)) / 2;
  const src = new Int32Array(size);
  const dst = new Int32Array(size);
  let e = 0;
  for (let u = 0; u < order; u++) {
    for (let v = u + 1; v < order; v++) {
      src[e] = u;
      dst[e++] = v;
    }
  }
  return { order, size, src, dst };
}
