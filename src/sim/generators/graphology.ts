/**
 * The adapter to graphology's generators (the named graphs), converted to our EdgeList,
 * and the converter graph-file.ts uses for GEXF / GraphML. Interop lives here because the typings
 * do not match what Node loads: the generators are CommonJS `module.exports = fn` typed as
 * `export default` (see cjs()), and graphology's `Graph` is typed only as a default export (we
 * use the named UndirectedGraph). Graphs built through graphology are slow (5-8 s and about
 * 0.6 GB per 10^6 edges), so named graphs are capped at NAMED_MAX_EDGES.
 */
import { UndirectedGraph } from 'graphology';
import caveman from 'graphology-generators/community/caveman.js';
import connectedCaveman from 'graphology-generators/community/connected-caveman.js';
import ladder from 'graphology-generators/classic/ladder.js';
import pathGraph from 'graphology-generators/classic/path.js';
import krackhardtKite from 'graphology-generators/small/krackhardt-kite.js';
import florentineFamilies from 'graphology-generators/social/florentine-families.js';
import karateClub from 'graphology-generators/social/karate-club.js';
import type { AbstractGraph } from 'graphology-types';
import { InputError } from '../../core/errors.ts';
import type { EdgeList } from '../topology/edge-list.ts';

/** A CommonJS module's export as Node's ESM loader hands it over, whatever its typings say. */
function cjs<T>(mod: { default: T }): T {
  return (mod as { default?: T }).default ?? (mod as unknown as T);
}

/** Numbers named nodes in order of appearance and keeps undirected edges, dropping self-loops. */
export class NodeNames {
  private readonly index = new Map<string, number>();
  private readonly labels: string[] = [];
  private readonly src: number[] = [];
  private readonly dst: number[] = [];
  /** Pairs seen so far (u * 2^26 + v, u < v), unless the source cannot repeat an edge. */
  private readonly seen: Set<number> | undefined;
  constructor(simple: boolean) {
    this.seen = simple ? undefined : new Set();
  }
  node(name: string): number {
    let i = this.index.get(name);
    if (i === undefined) {
      i = this.labels.length;
      if (i >= 2 ** 26) throw new Error(`more than ${2 ** 26} nodes`);
      this.index.set(name, i);
      this.labels.push(name);
    }
    return i;
  }
  edge(a: string, b: string): void {
    const u = this.node(a);
    const v = this.node(b);
    const key = Math.min(u, v) * 2 ** 26 + Math.max(u, v);
    if (u === v || this.seen?.has(key)) return;
    this.seen?.add(key);
    this.src.push(u);
    this.dst.push(v);
  }
  /** Labels are kept unless they merely repeat the indices ("0", "1", ...). */
  build(): EdgeList {
    const { labels } = this;
    const edges = { order: labels.length, size: this.src.length, src: Int32Array.from(this.src), dst: Int32Array.from(this.dst) };
    return labels.every((name, i) => name === String(i)) ? edges : { ...edges, labels };
  }
}

/**
 * Any graphology graph as an undirected simple EdgeList: nodes are numbered in the graph's order
 * and keep their keys as labels; self-loops are dropped, directed and parallel edges collapse.
 */
export function fromGraphology(graph: AbstractGraph): EdgeList {
  const names = new NodeNames(graph.type === 'undirected' && !graph.multi);
  graph.forEachNode((key) => names.node(key));
  graph.forEachEdge((_edge, _attributes, source, target) => names.edge(source, target));
  return names.build();
}

/** Largest edge count of a named graph (graphology adds roughly 2*10^5 edges per second). */
export const NAMED_MAX_EDGES = 1_000_000;

interface NamedGraphDef {
  readonly usage: string;
  readonly summary: string;
  /** Smallest value of each integer parameter after the name (none for fixed graphs). */
  readonly mins: readonly number[];
  /** Edge count, checked against NAMED_MAX_EDGES before building. */
  edges(p: readonly number[], order: number): number;
  build(p: readonly number[], order: number): AbstractGraph;
}

/** Every named graph, in the order help lists them. */
const NAMED: Readonly<Record<string, NamedGraphDef>> = {
  karate: { usage: 'karate', summary: "Zachary's karate club (34 nodes, 78 edges)", mins: [], edges: () => 78, build: () => cjs(karateClub)(UndirectedGraph) },
  florentine: {
    usage: 'florentine',
    summary: "Padgett's Florentine families, marriage ties (15 nodes, 20 edges)",
    mins: [],
    edges: () => 20,
    build: () => cjs(florentineFamilies)(UndirectedGraph),
  },
  'krackhardt-kite': { usage: 'krackhardt-kite', summary: "Krackhardt's kite (10 nodes, 18 edges)", mins: [], edges: () => 18, build: () => cjs(krackhardtKite)(UndirectedGraph) },
  caveman: {
    usage: 'caveman:L:K',
    summary: 'L separate cliques of K nodes (disconnected)',
    mins: [1, 2],
    edges: ([l = 0, k = 0]) => (l * k * (k - 1)) / 2,
    build: ([l = 0, k = 0]) => cjs(caveman)(UndirectedGraph, l, k),
  },
  'connected-caveman': {
    usage: 'connected-caveman:L:K',
    summary: 'L cliques of K nodes, one edge of each moved to join them in a ring',
    mins: [2, 3],
    edges: ([l = 0, k = 0]) => (l * k * (k - 1)) / 2,
    build: ([l = 0, k = 0]) => cjs(connectedCaveman)(UndirectedGraph, l, k),
  },
  ladder: { usage: 'ladder:L', summary: 'a ladder of L rungs (2L nodes, 3L-2 edges)', mins: [2], edges: ([l = 0]) => 3 * l - 2, build: ([l = 0]) => cjs(ladder)(UndirectedGraph, l) },
  path: { usage: 'path', summary: 'a path through the N nodes (--nodes)', mins: [], edges: (_, n) => n - 1, build: (_, n) => cjs(pathGraph)(UndirectedGraph, n) },
};

export interface NamedGraphUsage {
  /** How to write it, e.g. 'caveman:L:K'. */
  readonly usage: string;
  /** One line for help text. */
  readonly summary: string;
}

/** The named graphs with usage and summary, for help text and error messages. */
export function namedGraphList(): NamedGraphUsage[] {
  return Object.values(NAMED).map(({ usage, summary }) => ({ usage, summary }));
}

/** True when `spec` starts with a named graph's name ('caveman:2:3' -> caveman). */
export function isNamedGraph(spec: string): boolean {
  return Object.hasOwn(NAMED, spec.split(':')[0]!);
}

export interface NamedGraphOptions {
  /** Number of nodes, for graphs sized by --nodes (path). */
  readonly order?: number;
}

/** A named graph and its canonical spec. */
export interface NamedGraph {
  readonly name: string;
  readonly edges: EdgeList;
}

/**
 * Builds a named graph from its spec: 'karate', 'caveman:4:5', ... (see namedGraphList()).
 * Named graphs are fixed by their parameters; no randomness is involved.
 */
export function namedGraph(spec: string, options: NamedGraphOptions = {}): NamedGraph {
  const [name = '', ...raw] = spec.split(':');
  const def = Object.hasOwn(NAMED, name) ? NAMED[name] : undefined;
  if (!def) throw new InputError('ERR_BAD_TOPOLOGY', `topology: unknown named graph '${spec}'; allowed: ${Object.values(NAMED).map((d) => d.usage).join(', ')}`);
  if (raw.length !== def.mins.length || raw.some((p) => !/^\d+$/.test(p))) {
    throw new InputError('ERR_BAD_TOPOLOGY', `topology: '${spec}': write it as ${def.usage}${def.mins.length > 0 ? ' with integer parameters' : ''}`);
  }
  const params = raw.map(Number);
  const names = def.usage.split(':').slice(1);
  params.forEach((p, i) => {
    if (p < def.mins[i]!) throw new InputError('ERR_BAD_TOPOLOGY', `topology: '${spec}': ${names[i]} = ${p} must be >= ${def.mins[i]}`);
  });
  const order = options.order ?? 0;
  if (name === 'path' && (!Number.isInteger(order) || order < 2)) {
    throw new InputError('ERR_BAD_NODES', `topology: path with ${order} nodes: the number of nodes must be an integer >= 2`);
  }
  const size = def.edges(params, order);
  if (size > NAMED_MAX_EDGES) {
    throw new InputError('ERR_BAD_TOPOLOGY', `topology: '${spec}' would have ${size} edges; at most ${NAMED_MAX_EDGES} for named graphs`);
  }
  return { name: [name, ...params].join(':'), edges: fromGraphology(def.build(params, order)) };
}
