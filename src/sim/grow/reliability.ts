/**
 * Reliability as the HyParView paper measures it: flood messages from random live nodes over the
 * links that exist at that moment and take the mean fraction of live nodes each one reached. The
 * floods run on the simulator's engine (the flood rule, counted exactly), so transmissions are
 * 2E − (n − 1) of each origin's component, not an estimate.
 */
import { parseProtocol } from '../../core/protocols/index.ts';
import type { Rng } from '../../core/rng.ts';
import { simulate } from '../engine/engine.ts';
import { parseLatency } from '../latency.ts';
import { seededRng } from '../random.ts';
import { toCsr } from '../topology/csr.ts';
import type { EdgeList } from '../topology/edge-list.ts';

export interface FloodReliability {
  /** Mean over messages of reached / live nodes (1 when there are no live nodes). */
  readonly reliability: number;
  /** Messages flooded. */
  readonly messages: number;
  /** Payload transmissions, all messages. */
  readonly transmissions: number;
  /** Nodes reached, summed over messages. */
  readonly reached: number;
}

/** Floods `messages` messages, each from a random node of `g` (every node of g is live). */
export function floodReliability(g: EdgeList, messages: number, rng: Rng, seed: string | number): FloodReliability {
  if (g.order === 0 || messages === 0) return { reliability: 1, messages, transmissions: 0, reached: 0 };
  const origins = Array.from({ length: messages }, () => Math.floor(rng() * g.order));
  const r = simulate(toCsr(g), parseProtocol('flood'), { latency: parseLatency('constant'), rng: seededRng(seed, 'reliability-engine'), origins });
  let reached = 0;
  let transmissions = 0;
  for (const m of r.perMessage) {
    reached += m.reached;
    transmissions += m.sends;
  }
  return { reliability: reached / (messages * g.order), messages, transmissions, reached };
}

/** The subgraph of `g` on the nodes with keep[u] = 1, renumbered 0..n−1 in id order (a static network's failure). */
export function induced(g: EdgeList, keep: Uint8Array): EdgeList {
  const index = new Int32Array(g.order).fill(-1);
  let order = 0;
  for (let u = 0; u < g.order; u++) if (keep[u] === 1) index[u] = order++;
  const src: number[] = [];
  const dst: number[] = [];
  for (let e = 0; e < g.size; e++) {
    const a = index[g.src[e]!]!;
    const b = index[g.dst[e]!]!;
    if (a < 0 || b < 0) continue;
    src.push(a);
    dst.push(b);
  }
  return { order, size: src.length, src: Int32Array.from(src), dst: Int32Array.from(dst) };
}

/** `count` distinct node ids out of 0..order−1, uniformly at random (a partial Fisher–Yates shuffle). */
export function pickDistinct(order: number, count: number, rng: Rng): Int32Array {
  const ids = Int32Array.from({ length: order }, (_, i) => i);
  for (let i = 0; i < count; i++) {
    const j = i + Math.floor(rng() * (order - i));
    const t = ids[i]!;
    ids[i] = ids[j]!;
    ids[j] = t;
  }
  return ids.slice(0, count);
}
