/**
 * The "hop rings" layout: the origin in the middle, every node on the circle of the hop at which
 * it first got the message. Each ring is ordered by the angle of the node each member heard
 * from, so the tree edges fan outwards instead of crossing. Unreached nodes sit on an outer ring.
 */
import { RECEIVE, type FloodTrace } from '../types.ts';

/** Positions (x, y) for every node, ring h at radius h. */
export function ringLayout(order: number, trace: FloodTrace): { x: number[]; y: number[] } {
  const hop = new Int32Array(order).fill(-1);
  const parent = new Int32Array(order).fill(-1);
  hop[trace.origin] = 0;
  let maxHop = 0;
  for (let i = 0; i < trace.kind.length; i++) {
    if (trace.kind[i] !== RECEIVE || trace.first[i] !== 1) continue;
    const v = trace.to[i]!;
    hop[v] = trace.hop[i]!;
    parent[v] = trace.from[i]!;
    if (hop[v]! > maxHop) maxHop = hop[v]!;
  }
  const rings: number[][] = Array.from({ length: maxHop + 2 }, () => []);
  for (let v = 0; v < order; v++) rings[hop[v]! < 0 ? maxHop + 1 : hop[v]!]!.push(v);
  const angle = new Float64Array(order);
  const x = new Array<number>(order).fill(0);
  const y = new Array<number>(order).fill(0);
  for (let h = 1; h < rings.length; h++) {
    const ring = rings[h]!;
    const key = (v: number): number => (parent[v]! >= 0 ? angle[parent[v]!]! : Infinity);
    ring.sort((a, b) => key(a) - key(b) || a - b);
    ring.forEach((v, k) => {
      angle[v] = (2 * Math.PI * (k + 0.5)) / ring.length;
      x[v] = h * Math.cos(angle[v]!);
      y[v] = h * Math.sin(angle[v]!);
    });
  }
  return { x, y };
}
