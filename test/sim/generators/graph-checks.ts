/**
 * Shared assertions for generator tests: degrees, self-loops and repeated edges of an EdgeList,
 * computed independently of the generators' own bookkeeping.
 */
import type { EdgeList } from '../../../src/sim/topology/edge-list.ts';

export interface GraphFacts {
  readonly degrees: Int32Array;
  readonly loops: number;
  /** Edges that repeat an earlier one, in either direction. */
  readonly duplicates: number;
  /** Endpoints outside 0..order-1. */
  readonly outOfRange: number;
}

/** Degrees, loops and duplicates of an edge list. */
export function graphFacts(edges: EdgeList): GraphFacts {
  const degrees = new Int32Array(edges.order);
  const seen = new Set<number>();
  let loops = 0;
  let duplicates = 0;
  let outOfRange = 0;
  for (let e = 0; e < edges.size; e++) {
    const u = edges.src[e]!;
    const v = edges.dst[e]!;
    if (u < 0 || v < 0 || u >= edges.order || v >= edges.order) outOfRange++;
    if (u === v) loops++;
    const key = Math.min(u, v) * edges.order + Math.max(u, v);
    if (seen.has(key)) duplicates++;
    seen.add(key);
    degrees[u]!++;
    degrees[v]!++;
  }
  return { degrees, loops, duplicates, outOfRange };
}

/** True when the graph has no loops, no repeated edges and no bad endpoints. */
export function isSimple(edges: EdgeList): boolean {
  const f = graphFacts(edges);
  return f.loops === 0 && f.duplicates === 0 && f.outOfRange === 0;
}

/** The edge list as a sorted list of 'u-v' strings (u < v), to compare graphs. */
export function edgeSet(edges: EdgeList): string[] {
  const out: string[] = [];
  for (let e = 0; e < edges.size; e++) {
    const u = edges.src[e]!;
    const v = edges.dst[e]!;
    out.push(u < v ? `${u}-${v}` : `${v}-${u}`);
  }
  return out.sort();
}
