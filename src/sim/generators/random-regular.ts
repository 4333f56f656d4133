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
import { components } from '../topology/components.ts';
import type { EdgeList } from '../topology/edge-list.ts';

export interface RandomRegularOptions {
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
export const RANDOM_REGULAR_MAX_DENSE_DEGREE = 1000;
/** Strict tries per bad edge before relaxed switches are allowed too (see trySwitch). */
const STRICT_TRIES = 100;
/** Failed tries for one bad edge before giving up (never reached in our tests). */
const MAX_TRIES = 1_000_000;

/** A multigraph under repair: edge arrays plus node u's D neighbours at adj[u*D .. u*D+D). */
interface Pairing {
  readonly degree: number;
  readonly size: number;
  readonly src: Int32Array;
  readonly dst: Int32Array;
  readonly adj: Int32Array;
}

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

/** Configuration model: stub s is slot s % D of node s / D; Fisher–Yates once, pair in order. */
function pairOnce(order: number, degree: number, rng: Rng): Pairing {
  const stubs = new Int32Array(order * degree);
  for (let s = 0; s < stubs.length; s++) stubs[s] = s;
  for (let i = stubs.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    const t = stubs[i]!;
    stubs[i] = stubs[j]!;
    stubs[j] = t;
  }
  const size = stubs.length / 2;
  const src = new Int32Array(size);
  const dst = new Int32Array(size);
  const adj = new Int32Array(stubs.length);
  for (let e = 0; e < size; e++) {
    const a = stubs[2 * e]!;
    const b = stubs[2 * e + 1]!;
    adj[a] = dst[e] = (b / degree) | 0;
    adj[b] = src[e] = (a / degree) | 0;
  }
  return { degree, size, src, dst, adj };
}

/** How many of u's slots hold v (O(D)); a self-loop fills two of u's slots. */
function multiplicity(g: Pairing, u: number, v: number): number {
  let n = 0;
  for (let k = u * g.degree, end = k + g.degree; k < end; k++) if (g.adj[k] === v) n++;
  return n;
}

function has(g: Pairing, u: number, v: number): boolean {
  for (let k = u * g.degree, end = k + g.degree; k < end; k++) if (g.adj[k] === v) return true;
  return false;
}

function isBad(g: Pairing, e: number): boolean {
  return g.src[e] === g.dst[e] || multiplicity(g, g.src[e]!, g.dst[e]!) > 1;
}

function replaceSlot(g: Pairing, u: number, from: number, to: number): void {
  let k = u * g.degree;
  while (g.adj[k] !== from) if (++k >= (u + 1) * g.degree) throw new Error(`random-regular: ${from} not next to ${u}`);
  g.adj[k] = to;
}

/** (u,v),(x,y) -> (u,x),(v,y) on edges e and f, slots included: degrees are unchanged. */
function applySwitch(g: Pairing, e: number, f: number, u: number, v: number, x: number, y: number): void {
  g.src[e] = u;
  g.dst[e] = x;
  g.src[f] = v;
  g.dst[f] = y;
  replaceSlot(g, u, v, x);
  replaceSlot(g, v, u, y);
  replaceSlot(g, x, y, u);
  replaceSlot(g, y, x, v);
}

/** Loops plus surplus parallel copies, over the distinct node pairs among `ends`. */
function badness(g: Pairing, ends: readonly number[]): number {
  let sum = 0;
  const done: number[] = [];
  for (let i = 0; i < ends.length; i += 2) {
    const a = Math.min(ends[i]!, ends[i + 1]!);
    const b = Math.max(ends[i]!, ends[i + 1]!);
    if (done.includes(a * 2 ** 26 + b)) continue;
    done.push(a * 2 ** 26 + b);
    const m = multiplicity(g, a, b);
    sum += a === b ? m / 2 : Math.max(0, m - 1);
  }
  return sum;
}

/**
 * Switches bad edge e with a random edge f in a random orientation. Strict: only if both new
 * edges are new and not loops (cheap, and nearly always possible). Relaxed: kept if it lowers the
 * loops and surplus copies around the four nodes, which unblocks e.g. a graph made only of loops.
 * Returns f, or -1 when nothing changed.
 */
function trySwitch(g: Pairing, e: number, rng: Rng, strict: boolean): number {
  const r = Math.floor(rng() * 2 * g.size);
  const f = r >> 1;
  const u = g.src[e]!;
  const v = g.dst[e]!;
  const x = (r & 1) === 0 ? g.src[f]! : g.dst[f]!;
  const y = (r & 1) === 0 ? g.dst[f]! : g.src[f]!;
  if (f === e || u === x || v === y) return -1;
  if (strict) {
    if ((u === v && x === y) || has(g, u, x) || has(g, v, y)) return -1;
    applySwitch(g, e, f, u, v, x, y);
    return f;
  }
  const ends = [u, v, x, y, u, x, v, y];
  const before = badness(g, ends);
  applySwitch(g, e, f, u, v, x, y);
  if (badness(g, ends) < before) return f;
  applySwitch(g, e, f, u, x, v, y); // undo
  return -1;
}

/** Widest row checked by pairwise comparison; wider rows use a stamp array (see flagRows). */
const ROW_SCAN_MAX_DEGREE = 32;

/**
 * Marks the nodes whose slots hold a loop or a repeated neighbour: those are the ends of every
 * bad edge. Small degrees compare each row's slots pairwise, inside one or two cache lines; a
 * stamp array indexed by neighbour would cost a cache miss per slot on large graphs (10^7 nodes).
 */
function flagRows(g: Pairing, order: number): Uint8Array {
  const flagged = new Uint8Array(order);
  const { adj, degree } = g;
  if (degree <= ROW_SCAN_MAX_DEGREE) {
    for (let u = 0; u < order; u++) {
      const row = u * degree;
      scan: for (let k = row, end = row + degree; k < end; k++) {
        const v = adj[k]!;
        if (v === u) {
          flagged[u] = 1;
          break;
        }
        for (let j = row; j < k; j++) {
          if (adj[j] === v) {
            flagged[u] = 1;
            break scan;
          }
        }
      }
    }
    return flagged;
  }
  const stamp = new Int32Array(order).fill(-1); // a bad edge shows as a repeat in its ends' slots
  for (let u = 0; u < order; u++) {
    stamp[u] = u;
    for (let k = u * degree, end = k + degree; k < end; k++) {
      if (stamp[adj[k]!] === u) flagged[u] = 1;
      stamp[adj[k]!] = u;
    }
  }
  return flagged;
}

/** Removes every self-loop and parallel edge; each accepted switch lowers their number. */
function repair(g: Pairing, order: number, rng: Rng): void {
  const pending: number[] = [];
  const flagged = flagRows(g, order);
  for (let e = 0; e < g.size; e++) if (flagged[g.src[e]!] === 1 && isBad(g, e)) pending.push(e);
  for (let e = pending.pop(); e !== undefined; e = pending.pop()) {
    for (let tries = 0, bad = isBad(g, e); bad; tries++) {
      if (tries >= MAX_TRIES) throw new Error(`random-regular: edge ${e} still bad after ${MAX_TRIES} switches`);
      const strict = tries < STRICT_TRIES || tries % 2 === 0;
      const f = trySwitch(g, e, rng, strict);
      if (f >= 0 && !strict) pending.push(f); // a relaxed switch may leave f bad
      if (f >= 0) bad = isBad(g, e);
    }
  }
}

/**
 * Union–find without labelling: cheaper than components() for the common, connected case. Walks
 * the slots node by node (each edge once, from its lower end), so one end's root stays in cache.
 */
function isConnected(g: Pairing, order: number): boolean {
  const parent = new Int32Array(order);
  for (let u = 0; u < order; u++) parent[u] = u;
  let joins = 0;
  const { adj, degree } = g;
  for (let u = 0; u < order; u++) {
    for (let k = u * degree, end = k + degree; k < end; k++) {
      let b = adj[k]!;
      if (b <= u) continue;
      let a = u;
      while (parent[a] !== a) a = parent[a] = parent[parent[a]!]!; // path halving, inlined for speed
      while (parent[b] !== b) b = parent[b] = parent[parent[b]!]!;
      if (a === b) continue;
      parent[Math.max(a, b)] = Math.min(a, b);
      joins++;
    }
  }
  return joins === order - 1;
}

/**
 * Joins components: a uniform edge of each smaller component is switched with a random edge of
 * the part merged so far (the largest component, then each one joined to it). The four ends span
 * two components, so no loop or parallel edge can appear; the two merge unless both edges were
 * bridges, hence the loop until one component is left.
 */
function connect(g: Pairing, order: number, rng: Rng): void {
  if (isConnected(g, order)) return;
  const list: EdgeList = { order, size: g.size, src: g.src, dst: g.dst };
  for (let comp = components(list); comp.count > 1; comp = components(list)) {
    const { count, of, nodes, edges } = comp;
    let hub = 0;
    for (let c = 1; c < count; c++) if (nodes[c]! > nodes[hub]!) hub = c;
    const rank = edges.map((m) => Math.floor(rng() * m)); // which of its edges each one gives
    const seen = new Float64Array(count);
    const pick = new Int32Array(count);
    for (let e = 0; e < g.size; e++) {
      const c = of[g.src[e]!]!;
      if (seen[c]!++ === rank[c]) pick[c] = e;
    }
    const merged = new Uint8Array(count);
    merged[hub] = 1;
    for (let c = 0; c < count; c++) {
      if (c === hub) continue;
      const e = pick[c]!;
      let f = Math.floor(rng() * g.size);
      while (merged[of[g.src[f]!]!] !== 1 || merged[of[g.dst[f]!]!] !== 1) f = Math.floor(rng() * g.size);
      applySwitch(g, e, f, g.src[e]!, g.dst[e]!, g.src[f]!, g.dst[f]!);
      merged[c] = 1;
    }
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
