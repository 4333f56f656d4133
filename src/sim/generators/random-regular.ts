/**
 * Random connected D-regular simple graphs, the simulator's default topology, 10^6 nodes in well
 * under a second. "Pair the stubs, retry until simple" almost never finishes for D = 8 (success
 * probability about 1e-7), so the stubs are paired once (configuration model) and the few
 * self-loops and parallel edges are repaired by random double-edge switches; components are then
 * joined by switches too. A switch keeps every degree. Dense graphs (2D > N-1) are drawn as the
 * complement of a sparse one, where switches have room.
 */
import { InputError } from '../../core/errors.ts';
import type { Rng } from '../../core/rng.ts';
import type { EdgeList } from '../topology/edge-list.ts';
import { connect } from './random-regular/connect.ts';
import { pairOnce } from './random-regular/pairing.ts';
import { repair } from './random-regular/repair.ts';

interface RandomRegularOptions {
  /** Number of nodes N: an integer >= 2. */
  readonly order: number;
  /** Degree D of every node: an integer with 1 <= D < N and N*D even. */
  readonly degree: number;
  /** Uniform numbers in [0, 1); the graph depends only on this stream. */
  readonly rng: Rng;
}

/** Stub and slot indices must fit in an Int32. */
const MAX_STUBS = 2 ** 31 - 1;
/**
 * Largest min(D, N-1-D) accepted: repairs cost about D^3 steps in dense graphs (D = 1000 with
 * 2001 nodes takes about 3 s), so beyond this the user is told instead of kept waiting.
 */
const RANDOM_REGULAR_MAX_DENSE_DEGREE = 1000;

function validate(order: number, degree: number): void {
  const bad = (message: string): InputError => new InputError('ERR_BAD_DEGREE', `random-regular: ${message}`);
  if (!Number.isInteger(order) || order < 2) {
    throw new InputError('ERR_BAD_NODES', `random-regular: ${order} nodes: the number of nodes must be an integer >= 2`);
  }
  if (!Number.isInteger(degree) || degree < 1) throw bad(`degree ${degree}: the degree must be an integer >= 1`);
  const where = `degree ${degree} with ${order} nodes`;
  if (degree >= order) throw bad(`${where}: degree must be below the number of nodes`);
  if ((order * degree) % 2 !== 0) throw bad(`${where}: N*D must be even`);
  if (order * degree > MAX_STUBS) throw bad(`${where}: N*D = ${order * degree} is above the limit ${MAX_STUBS}`);
  const sparseDegree = Math.min(degree, order - 1 - degree);
  if (sparseDegree > RANDOM_REGULAR_MAX_DENSE_DEGREE) {
    throw bad(`${where}: too dense to draw quickly (min(D, N-1-D) = ${sparseDegree}, at most ${RANDOM_REGULAR_MAX_DENSE_DEGREE})`);
  }
  if (degree === 1 && order > 2) {
    throw bad(`${where} cannot be connected (a 1-regular graph is disjoint pairs); use degree >= 2, or 2 nodes`);
  }
}
/** Dense case: the complement of a random (N-1-D)-regular graph; connected since 2D >= N. */
function complementOf(order: number, degree: number, rng: Rng): EdgeList {
  const spare = order - 1 - degree;
  const sparse = spare > 0 ? pairOnce(order, spare, rng) : undefined;
  if (sparse) repair(sparse, order, rng);
  const size = (order * degree) / 2;
  const src = new Int32Array(size);
  const dst = new Int32Array(size);
  const mark = new Int32Array(order).fill(-1);
  for (let u = 0, e = 0; u < order; u++) {
    for (let k = u * spare; k < (u + 1) * spare; k++) mark[sparse!.adj[k]!] = u;
    for (let v = u + 1; v < order; v++) {
      if (mark[v] === u) continue;
      src[e] = u;
      dst[e++] = v;
    }
  }
  return { order, size, src, dst };
}

/**
 * A random connected simple graph in which every node has exactly `degree` neighbours.
 * Throws InputError for N < 2, D < 1, D >= N, odd N*D, and D = 1 with N > 2 (never connected).
 */
export function randomRegular(options: RandomRegularOptions): EdgeList {
  const { order, degree, rng } = options;
  validate(order, degree);
  if (2 * degree > order - 1) return complementOf(order, degree, rng);
  const g = pairOnce(order, degree, rng);
  repair(g, order, rng);
  connect(g, order, rng);
  return { order, size: g.size, src: g.src, dst: g.dst };
}

/** Throws the InputError randomRegular() would for N and D, without drawing the graph (`floodlab explain` checks with it). */
export const checkRandomRegular: (order: number, degree: number) => void = validate;
