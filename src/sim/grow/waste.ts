/**
 * The flood waste table (src/report/waste.ts, the one `floodlab sim` prints) for one flood over a
 * grown overlay, and the same over a random-regular network of the same N and mean degree: the
 * floods run on the engine, so "measured" is counted, not assumed. The regular network takes D =
 * the rounded mean degree, one more when N·D is odd (no D-regular graph on N nodes exists then).
 */
import { parseProtocol } from '../../core/protocols/index.ts';
import { wasteTable, type WasteTable } from '../../report/waste.ts';
import { simulate } from '../engine/engine.ts';
import { randomRegular } from '../generators/random-regular.ts';
import { parseLatency } from '../latency.ts';
import { seededRng } from '../random.ts';
import { components } from '../topology/components.ts';
import { toCsr } from '../topology/csr.ts';
import type { EdgeList } from '../topology/edge-list.ts';

export interface FloodWaste {
  readonly nodes: number;
  readonly edges: number;
  /** The nominal degree the textbook rows use: the rounded mean (grown) or D (regular). */
  readonly degree: number;
  readonly waste: WasteTable;
}

/** One flood from node 0 over `g`, as a waste table. */
export function floodWaste(g: EdgeList, seed: string | number): FloodWaste {
  const csr = toCsr(g);
  const m = simulate(csr, parseProtocol('flood'), { latency: parseLatency('constant'), rng: seededRng(seed, 'waste'), origins: [0] }).perMessage[0]!;
  const comp = components(g);
  const c0 = comp.of[0]!;
  let min = Infinity;
  let max = 0;
  for (let u = 0; u < csr.order; u++) {
    const d = csr.offsets[u + 1]! - csr.offsets[u]!;
    min = Math.min(min, d);
    max = Math.max(max, d);
  }
  const degree = Math.max(1, Math.round((2 * g.size) / g.order));
  const waste = wasteTable({
    protocol: 'flood',
    nodes: g.order,
    edges: g.size,
    degree,
    minDegree: min,
    maxDegree: max,
    componentNodes: comp.nodes[c0]!,
    componentEdges: comp.edges[c0]!,
    messages: 1,
    sendsPerMessage: m.sends,
    reachedPerMessage: m.reached,
    duplicatesPerMessage: m.duplicates,
  });
  return { nodes: g.order, edges: g.size, degree, waste };
}

/** The grown overlay's table and a random-regular network's of the same N and mean degree. */
export function growWaste(g: EdgeList, seed: string | number): { readonly grown: FloodWaste; readonly randomRegular: FloodWaste } {
  let d = Math.min(g.order - 1, Math.max(1, Math.round((2 * g.size) / g.order)));
  if ((g.order * d) % 2 === 1) d = d + 1 < g.order ? d + 1 : d - 1;
  if (d === 1 && g.order > 2) d = 2;
  const regular = randomRegular({ order: g.order, degree: d, rng: seededRng(seed, 'waste-regular') });
  return { grown: floodWaste(g, seed), randomRegular: floodWaste(regular, seed) };
}
