/**
 * The analyzer's formulas: what one message costs under each forwarding rule, for a connected
 * graph (or the origin's component) of n nodes and e edges, nominal degree d.
 */
import { exactSendsOf } from './protocols/index.ts';

export interface FloodFormulas {
  /** Textbook transmissions N·D. */
  readonly nd: number;
  /** Textbook waste N(D−1). */
  readonly textbookWaste: number;
  /** Exact sends of flood-echo: 2E. */
  readonly echo: number;
  /** Exact sends of flood: 2E − (N−1). */
  readonly noEcho: number;
  /** Spanning tree: N − 1. */
  readonly tree: number;
}

/** The formulas for one message over n nodes, e edges, nominal degree d. */
export function floodFormulas(n: number, e: number, d: number): FloodFormulas {
  return {
    nd: n * d,
    textbookWaste: n * (d - 1),
    echo: 2 * e,
    noEcho: 2 * e - (n - 1),
    tree: Math.max(0, n - 1),
  };
}

/**
 * Exact sends of one message for a rule (a spec such as 'flood' or 'gossip:0.7') over a component
 * of n nodes and e edges, or undefined when the rule has no closed form. The closed forms live in
 * the protocol registry, beside each rule.
 */
export function exactSends(protocol: string, n: number, e: number): number | undefined {
  return exactSendsOf(protocol, n, e);
}

/**
 * Relative message redundancy (Plumtree's paper): sends / (reached − 1) − 1. 0 means every send
 * reached a new node, as on a spanning tree. NaN when nobody but the origin was reached.
 */
export function rmr(sends: number, reachedMinusOrigin: number): number {
  return reachedMinusOrigin > 0 ? sends / reachedMinusOrigin - 1 : Number.NaN;
}
