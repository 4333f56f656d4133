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
import type { TopologyInfo, TopologyUses } from './topology-info.ts';
import { type CleanedEdgeList, GraphBuilder } from './graph-file/builder.ts';

/** A CommonJS module's export as Node's ESM loader hands it over, whatever its typings say. */
function cjs<T>(mod: { default: T }): T {
  return (mod as { default?: T }).default ?? (mod as unknown as T);
}

/**
 * Any graphology graph as an undirected simple EdgeList: nodes are numbered in the graph's order
 * and keep their keys as labels; self-loops are dropped, directed and parallel edges collapse,
 * and `cleaned` counts each.
 */
export function fromGraphology(graph: AbstractGraph): CleanedEdgeList {
  const builder = new GraphBuilder();
  graph.forEachNode((key) => builder.node(key));
  graph.forEachEdge((_edge, _attributes, source, target, _sa, _ta, undirected) => builder.edge(source, target, !undirected));
  return builder.build();
}

/** Largest edge count of a named graph (graphology adds roughly 2*10^5 edges per second). */
const NAMED_MAX_EDGES = 1_000_000;

interface NamedGraphDef {
  readonly usage: string;
  readonly summary: string;
  /** Which of --nodes and --degree shape it (path takes N; the rest are fixed by their parameters). */
  readonly uses?: TopologyUses;
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
  path: { usage: 'path', summary: 'a path through the N nodes (--nodes)', uses: { nodes: true, degree: false }, mins: [], edges: (_, n) => n - 1, build: (_, n) => cjs(pathGraph)(UndirectedGraph, n) },
};

/** Neither --nodes nor --degree: the graph is fixed by its name and parameters. */
const FIXED: TopologyUses = { nodes: false, degree: false };

/** The named graphs with usage, summary and the options they use, for help text and error messages. */
export function namedGraphList(): TopologyInfo[] {
  return Object.values(NAMED).map(({ usage, summary, uses = FIXED }) => ({ usage, summary, uses }));
}

/** True when `spec` starts with a named graph's name ('caveman:2:3' -> caveman). */
export function isNamedGraph(spec: string): boolean {
  return Object.hasOwn(NAMED, spec.split(':')[0]!);
}

interface NamedGraphOptions {
  /** Number of nodes, for graphs sized by --nodes (path). */
  readonly order?: number;
}

/** A named graph and its canonical spec. */
interface NamedGraph {
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
  if (!def)
    throw new InputError(
      'ERR_BAD_TOPOLOGY',
      `topology: unknown named graph '${spec}'; allowed: ${Object.values(NAMED)
        .map((d) => d.usage)
        .join(', ')}`,
    );
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
