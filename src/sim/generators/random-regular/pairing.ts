/**
 * The multigraph random-regular works on: the configuration model's pairing of stubs, kept as
 * edge arrays plus each node's D neighbour slots, and the double-edge switch that rewires two
 * edges while keeping every degree. The repair and connect steps are made of these switches.
 */
import { type Rng, shuffleInPlace } from '../../../core/rng.ts';

/** A multigraph under repair: edge arrays plus node u's D neighbours at adj[u*D .. u*D+D). */
export interface Pairing {
  readonly degree: number;
  readonly size: number;
  readonly src: Int32Array;
  readonly dst: Int32Array;
  readonly adj: Int32Array;
}

/** Configuration model: stub s is slot s % D of node s / D; Fisher–Yates once, pair in order. */
export function pairOnce(order: number, degree: number, rng: Rng): Pairing {
  const stubs = new Int32Array(order * degree);
  for (let s = 0; s < stubs.length; s++) stubs[s] = s;
  shuffleInPlace(stubs, rng);
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
export function multiplicity(g: Pairing, u: number, v: number): number {
  let n = 0;
  for (let k = u * g.degree, end = k + g.degree; k < end; k++) if (g.adj[k] === v) n++;
  return n;
}

export function has(g: Pairing, u: number, v: number): boolean {
  for (let k = u * g.degree, end = k + g.degree; k < end; k++) if (g.adj[k] === v) return true;
  return false;
}

export function isBad(g: Pairing, e: number): boolean {
  return g.src[e] === g.dst[e] || multiplicity(g, g.src[e]!, g.dst[e]!) > 1;
}

function replaceSlot(g: Pairing, u: number, from: number, to: number): void {
  let k = u * g.degree;
  while (g.adj[k] !== from) if (++k >= (u + 1) * g.degree) throw new Error(`random-regular: ${from} not next to ${u}`);
  g.adj[k] = to;
}

/** (u,v),(x,y) -> (u,x),(v,y) on edges e and f, slots included: degrees are unchanged. */
export function applySwitch(g: Pairing, e: number, f: number, u: number, v: number, x: number, y: number): void {
  g.src[e] = u;
  g.dst[e] = x;
  g.src[f] = v;
  g.dst[f] = y;
  replaceSlot(g, u, v, x);
  replaceSlot(g, v, u, y);
  replaceSlot(g, x, y, u);
  replaceSlot(g, y, x, v);
}
