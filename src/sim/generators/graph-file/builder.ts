/**
 * Turns named edges, as a file lists them, into our undirected simple EdgeList, and counts what
 * that cleaning changed (self-loops dropped, repeated edges merged, directed edges read as
 * undirected) so the CLI can say so instead of changing a user's graph silently. Duplicates are
 * found with a counting sort by lower end and a stamp per node: O(N + E) typed arrays, no Set of
 * all edges (a Set or Map holds at most 2^24 entries).
 */
import type { EdgeList } from '../../topology/edge-list.ts';

/** What reading a graph file changed to make it an undirected simple graph. */
export interface GraphCleaning {
  /** Edges from a node to itself, dropped. */
  readonly selfLoops: number;
  /** Edges that repeat an earlier one (either direction), merged into it. */
  readonly duplicateEdges: number;
  /** Edges the file declared directed, read as undirected. */
  readonly directedEdges: number;
}

/** An EdgeList read from a file, with what cleaning it took. */
export interface CleanedEdgeList extends EdgeList {
  readonly cleaned: GraphCleaning;
}

/** Most nodes a graph file may name: the limit of the Map that numbers them. */
const GRAPH_FILE_MAX_NODES = 2 ** 24;

function grow(a: Int32Array): Int32Array {
  const b = new Int32Array(2 * a.length);
  b.set(a);
  return b;
}

/** Numbers named nodes in order of first appearance and collects edges, counting what it cleans. */
export class GraphBuilder {
  private readonly index = new Map<string, number>();
  private readonly labels: string[] = [];
  private src: Int32Array = new Int32Array(1024);
  private dst: Int32Array = new Int32Array(1024);
  private size = 0;
  private selfLoops = 0;
  private directedEdges = 0;

  /** The index of a node, numbering it if new. */
  node(name: string): number {
    let i = this.index.get(name);
    if (i === undefined) {
      i = this.labels.length;
      if (i >= GRAPH_FILE_MAX_NODES) throw new Error(`more than ${GRAPH_FILE_MAX_NODES} nodes`);
      this.index.set(name, i);
      this.labels.push(name);
    }
    return i;
  }

  /** An edge between two named nodes; `directed` when the file says it has a direction. */
  edge(a: string, b: string, directed = false): void {
    const u = this.node(a);
    const v = this.node(b);
    if (directed) this.directedEdges++;
    if (u === v) {
      this.selfLoops++;
      return;
    }
    if (this.size === this.src.length) {
      this.src = grow(this.src);
      this.dst = grow(this.dst);
    }
    this.src[this.size] = u;
    this.dst[this.size++] = v;
  }

  /** The simple graph, first copy of each edge kept in file order; labels unless they are just "0", "1", .... */
  build(): CleanedEdgeList {
    const { labels, src, dst } = this;
    const order = labels.length;
    const keep = firstCopies(order, this.size, src, dst);
    let size = 0;
    for (let e = 0; e < this.size; e++) {
      if (keep[e] === 0) continue;
      src[size] = src[e]!;
      dst[size++] = dst[e]!;
    }
    const cleaned = { selfLoops: this.selfLoops, duplicateEdges: this.size - size, directedEdges: this.directedEdges };
    const edges = { order, size, src, dst, cleaned }; // arrays longer than size, as EdgeList allows
    return labels.every((name, i) => name === String(i)) ? edges : { ...edges, labels };
  }
}

/** 1 for the first edge of each unordered pair, 0 for its repeats. */
function firstCopies(order: number, size: number, src: Int32Array, dst: Int32Array): Uint8Array {
  const start = new Int32Array(order + 1); // edges bucketed by lower end, stable
  for (let e = 0; e < size; e++) start[Math.min(src[e]!, dst[e]!) + 1]!++;
  for (let u = 0; u < order; u++) start[u + 1]! += start[u]!;
  const fill = start.slice(0, order);
  const byLow = new Int32Array(size);
  for (let e = 0; e < size; e++) byLow[fill[Math.min(src[e]!, dst[e]!)]!++] = e;
  const keep = new Uint8Array(size);
  const stamp = new Int32Array(order).fill(-1); // stamp[v] === u: (u, v) already kept
  for (let u = 0; u < order; u++) {
    for (let k = start[u]!; k < start[u + 1]!; k++) {
      const e = byLow[k]!;
      const v = Math.max(src[e]!, dst[e]!);
      if (stamp[v] === u) continue;
      stamp[v] = u;
      keep[e] = 1;
    }
  }
  return keep;
}

/**
 * One line for stderr when reading the file at `path` changed the graph, or undefined when it
 * did not: e.g. "graph file 'g.txt': dropped 2 self-loops, merged 3 duplicate edges".
 */
export function cleaningNote(cleaned: GraphCleaning, path: string): string | undefined {
  const { selfLoops, duplicateEdges, directedEdges } = cleaned;
  const plural = (n: number, one: string, many: string): string => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
  const parts: string[] = [];
  if (directedEdges > 0) parts.push(`read ${plural(directedEdges, 'directed edge', 'directed edges')} as undirected`);
  if (selfLoops > 0) parts.push(`dropped ${plural(selfLoops, 'self-loop', 'self-loops')}`);
  if (duplicateEdges > 0) parts.push(`merged ${plural(duplicateEdges, 'duplicate edge', 'duplicate edges')}`);
  return parts.length > 0 ? `graph file '${path}': ${parts.join(', ')}` : undefined;
}
