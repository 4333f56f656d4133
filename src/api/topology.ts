/**
 * buildTopology(): the graph a `--topology` spec names, or a graph of the user's own (a
 * graphology Graph, or a list of [u, v] pairs), as a plain edge list: nodes 0..order-1, each
 * undirected edge once. Graphs from the user are made undirected and simple (self-loops
 * dropped, parallel and directed edges merged), as graph files are.
 */
import { InputError } from '../core/errors.ts';
import { fromGraphology } from '../sim/generators/graphology.ts';
import { GraphBuilder } from '../sim/generators/graph-file/builder.ts';
import type { EdgeList } from '../sim/topology/edge-list.ts';
import { buildTopology as buildFromSpec, topologyList, type TopologyInfo } from '../sim/topology/spec.ts';
import { DEFAULTS, seedText } from './options.ts';

export type { EdgeList, TopologyInfo };

/**
 * The part of a graphology Graph (https://graphology.github.io) floodlab reads: any graphology
 * Graph, directed, mixed or multi, fits it. Its node keys become the labels.
 */
export interface GraphologyGraph {
  forEachNode(callback: (key: string) => void): void;
  forEachEdge(callback: (edge: string, attributes: unknown, source: string, target: string, sourceAttributes: unknown, targetAttributes: unknown, undirected: boolean) => void): void;
}

/** A graph of the user's own: a graphology Graph, or edges as [u, v] pairs of node names or indices. */
export type GraphInput = GraphologyGraph | readonly (readonly [string | number, string | number])[];

export interface TopologyOptions {
  /** N, for generated graphs (default 1,000). */
  readonly nodes?: number;
  /** D, for generated graphs (default 4). */
  readonly degree?: number;
  /** Seed of the graph's random choices (default 1): the graph `simulate` with this seed floods. */
  readonly seed?: string | number;
}

export interface BuiltTopology {
  /** The canonical spec ('watts-strogatz:0.1' for 'watts-strogatz'), or 'graph' for a graph given. */
  readonly name: string;
  /** Number of nodes; they are 0..order-1. */
  readonly order: number;
  /** Each undirected edge once, as [u, v]. */
  readonly edges: [number, number][];
  /** Node names, by index, for named graphs, files and graphs given (undefined for generated graphs). */
  readonly labels?: readonly string[];
  /** The same edges as typed arrays (src[i], dst[i]), as the simulator holds them. */
  readonly edgeList: EdgeList;
}

function isGraphology(g: GraphInput): g is GraphologyGraph {
  return typeof (g as Partial<GraphologyGraph>).forEachEdge === 'function' && typeof (g as Partial<GraphologyGraph>).forEachNode === 'function';
}

/** Most nodes a list of integer pairs may imply (the largest index + 1). */
const MAX_PAIR_ORDER = 50_000_000;

function fromPairs(pairs: readonly (readonly [string | number, string | number])[]): EdgeList {
  const builder = new GraphBuilder();
  const isIndex = (x: unknown): x is number => Number.isInteger(x) && (x as number) >= 0;
  const indexed = pairs.every((p) => Array.isArray(p) && isIndex(p[0]) && isIndex(p[1]));
  let order = 0;
  if (indexed) {
    // Integer pairs keep their indices: nodes 0..max all exist, isolated ones included.
    for (const [u, v] of pairs as readonly (readonly [number, number])[]) order = Math.max(order, u + 1, v + 1);
    if (order > MAX_PAIR_ORDER) throw new InputError('ERR_BAD_TOPOLOGY', `topology: node index ${order - 1} is too large; at most ${MAX_PAIR_ORDER - 1}`);
    for (let i = 0; i < order; i++) builder.node(String(i));
  }
  pairs.forEach((pair, i) => {
    if (!Array.isArray(pair) || pair.length !== 2) throw new InputError('ERR_BAD_TOPOLOGY', `topology: edge ${i} is ${JSON.stringify(pair)}; an edge is a pair [u, v] of node names or indices`);
    builder.edge(String(pair[0]), String(pair[1]), false);
  });
  const { cleaned: _cleaned, ...edges } = builder.build(); // labels only where they are not 0, 1, ...
  return edges;
}

function fromInput(graph: GraphInput): EdgeList {
  if (Array.isArray(graph)) return fromPairs(graph);
  if (isGraphology(graph)) return fromGraphology(graph as unknown as Parameters<typeof fromGraphology>[0]);
  throw new InputError('ERR_BAD_TOPOLOGY', 'topology: a graph must be a topology spec (string), a graphology Graph or an array of [u, v] edges');
}

/** Builds a topology from a spec ('random-regular', 'karate', 'file:g.gexf', ...) or from a graph of your own. */
export function buildTopology(spec: string | GraphInput, options: TopologyOptions = {}): BuiltTopology {
  const built = typeof spec === 'string' ? buildFromSpec(spec, { nodes: options.nodes ?? DEFAULTS.nodes, degree: options.degree ?? DEFAULTS.degree, seed: seedText(options.seed) }) : undefined;
  const edgeList = built ? built.edges : fromInput(spec as GraphInput);
  const edges: [number, number][] = new Array(edgeList.size);
  for (let i = 0; i < edgeList.size; i++) edges[i] = [edgeList.src[i]!, edgeList.dst[i]!];
  const name = built ? built.name : 'graph';
  return { name, order: edgeList.order, edges, ...(edgeList.labels ? { labels: edgeList.labels } : {}), edgeList };
}

/** Every topology spec with a one-line summary and which of N and D it uses, in help order. */
export function topologies(): TopologyInfo[] {
  return topologyList();
}
