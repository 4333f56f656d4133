/**
 * Connect: joins the components of a repaired pairing by double-edge switches across them, so
 * the graph stays simple and every degree stays D.
 */
import { UnionFind } from '../../../core/graph/union-find.ts';
import type { Rng } from '../../../core/rng.ts';
import { components } from '../../topology/components.ts';
import type { EdgeList } from '../../topology/edge-list.ts';
import { applySwitch, type Pairing } from './pairing.ts';

/**
 * Union–find without labelling: cheaper than components() for the common, connected case. Walks
 * the slots node by node (each edge once, from its lower end), so one end's root stays in cache.
 */
function isConnected(g: Pairing, order: number): boolean {
  const sets = new UnionFind(order);
  let joins = 0;
  const { adj, degree } = g;
  for (let u = 0; u < order; u++) {
    for (let k = u * degree, end = k + degree; k < end; k++) {
      const v = adj[k]!;
      if (v > u && sets.union(u, v)) joins++;
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
export function connect(g: Pairing, order: number, rng: Rng): void {
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
