/**
 * The --topology option: parses a spec ('random-regular', 'watts-strogatz:0.2', 'caveman:4:5',
 * 'file:g.gexf', ...) and runs the matching generator. Every random graph draws from the seed's
 * 'graph' stream only, so the graph depends on seed + spec + N + D and on nothing else.
 */
import { InputError } from '../../core/errors.ts';
import { barabasiAlbert } from '../generators/barabasi-albert.ts';
import { complete } from '../generators/complete.ts';
import { GRAPH_FILE_EXTENSIONS, readGraphFile } from '../generators/graph-file.ts';
import { erdosRenyi, isNamedGraph, namedGraph, namedGraphList } from '../generators/graphology.ts';
import { randomRegular } from '../generators/random-regular.ts';
import { ring } from '../generators/ring.ts';
import { WATTS_STROGATZ_DEFAULT_BETA, wattsStrogatz } from '../generators/watts-strogatz.ts';
import { seededRng } from '../random.ts';
import type { EdgeList } from './edge-list.ts';

export interface Topology {
  /** Canonical spec, e.g. 'watts-strogatz:0.1' for 'watts-strogatz'. */
  readonly name: string;
  readonly edges: EdgeList;
  /** The D the user asked for, or the mean degree 2E/N for graphs whose degree is not chosen. */
  readonly nominalDegree: number;
  /** True when every node has the same degree. */
  readonly regular: boolean;
}

export interface TopologyOptions {
  /** N: an integer from 2 to MAX_NODES (graphs of fixed size ignore it). */
  readonly nodes: number;
  /** D: an integer >= 1 (graphs whose degree is not chosen ignore it). */
  readonly degree: number;
  /** The run's --seed; the graph uses its 'graph' stream. */
  readonly seed: string | number;
}

/** Largest N accepted. */
export const MAX_NODES = 50_000_000;

/** The topology used when none is given. */
export const DEFAULT_TOPOLOGY = 'random-regular';

/** What a topology spec reads of the run's options: an option it does not use is ignored (and the CLI says so). */
export interface TopologyUses {
  readonly nodes: boolean;
  readonly degree: boolean;
}

export interface TopologyUsage {
  readonly usage: string;
  readonly summary: string;
  readonly uses: TopologyUses;
}

type Build = (params: readonly string[], o: { spec: string; nodes: number; degree: number; rng: () => number }) => [name: string, edges: EdgeList];

interface Generated extends TopologyUsage {
  /** The name before the first colon. */
  readonly name: string;
  /** Whether D is the degree the user asked for (else the graph's mean degree is shown). */
  readonly chosenDegree: boolean;
  readonly build: Build;
}

const noParams = (make: (o: { nodes: number; degree: number; rng: () => number }) => EdgeList): Build => (params, o) => {
  if (params.length > 0) throw new InputError('ERR_BAD_TOPOLOGY', `topology: '${o.spec}': ${o.spec.split(':')[0]} takes no parameter`);
  return [o.spec, make(o)];
};

const BOTH: TopologyUses = { nodes: true, degree: true };

/** The generated graphs: help, parsing and building all come from this one list. */
const GENERATED: readonly Generated[] = [
  { name: 'random-regular', usage: 'random-regular', summary: 'random connected graph, every node of degree D (default)', uses: BOTH, chosenDegree: true, build: noParams(({ nodes, degree, rng }) => randomRegular({ order: nodes, degree, rng })) },
  { name: 'ring', usage: 'ring', summary: 'ring lattice: node i linked to i±1 .. i±D/2 (odd D: plus the opposite node)', uses: BOTH, chosenDegree: true, build: noParams(({ nodes, degree }) => ring({ order: nodes, degree })) },
  { name: 'erdos-renyi', usage: 'erdos-renyi', summary: 'G(N, p): each pair linked with p = D/(N-1); mean degree D, may be disconnected', uses: BOTH, chosenDegree: true, build: noParams(({ nodes, degree, rng }) => erdosRenyi({ order: nodes, degree, rng })) },
  {
    name: 'watts-strogatz',
    usage: 'watts-strogatz[:BETA]',
    summary: `small world: ring lattice (even D), each edge rewired with probability BETA (default ${WATTS_STROGATZ_DEFAULT_BETA})`,
    uses: BOTH,
    chosenDegree: true,
    build: (params, { spec, nodes, degree, rng }) => {
      if (params.length > 1) throw new InputError('ERR_BAD_TOPOLOGY', `topology: '${spec}': write it as watts-strogatz[:BETA]`);
      const beta = parseBeta(spec, params[0]);
      return [`watts-strogatz:${beta}`, wattsStrogatz({ order: nodes, degree, beta, rng })];
    },
  },
  { name: 'barabasi-albert', usage: 'barabasi-albert', summary: 'preferential attachment, round(D/2) edges per new node: scale-free, mean degree about D', uses: BOTH, chosenDegree: true, build: noParams(({ nodes, degree, rng }) => barabasiAlbert({ order: nodes, degree, rng })) },
  { name: 'complete', usage: 'complete', summary: 'every pair linked (degree N-1; N up to 20000)', uses: { nodes: true, degree: false }, chosenDegree: false, build: noParams(({ nodes }) => complete({ order: nodes })) },
];
const FILE: TopologyUsage = { usage: 'file:PATH', summary: `graph file: ${GRAPH_FILE_EXTENSIONS.join(', ')} (a bare PATH with one of these extensions works too)`, uses: { nodes: false, degree: false } };

/** What a named graph reads: only 'path' is sized by --nodes; none reads --degree. */
function namedUses(usage: string): TopologyUses {
  return { nodes: usage === 'path', degree: false };
}

/** Every topology spec with a one-line summary, in the order help lists them. */
export function topologyList(): TopologyUsage[] {
  const generated = GENERATED.map(({ usage, summary, uses }) => ({ usage, summary, uses }));
  return [...generated, ...namedGraphList().map((g) => ({ ...g, uses: namedUses(g.usage) })), FILE];
}

/**
 * Which of --nodes and --degree the topology a spec names takes from the user ('complete' ->
 * nodes only; 'karate', 'file:g.gexf' -> neither), or undefined for an unknown spec. (Same shape
 * as the generators' catalog on the gen branch, so the CLI's note reads either.)
 */
export function topologyUses(spec: string): TopologyUses | undefined {
  const text = spec.trim();
  const name = text.split(':')[0]!;
  if (text.startsWith('file:') || GRAPH_FILE_EXTENSIONS.some((ext) => text.toLowerCase().endsWith(ext))) return FILE.uses;
  return GENERATED.find((g) => g.name === name)?.uses ?? (isNamedGraph(text) ? namedUses(name) : undefined);
}

function validate(nodes: number, degree: number): void {
  if (!Number.isInteger(nodes) || nodes < 2 || nodes > MAX_NODES) {
    throw new InputError('ERR_BAD_NODES', `topology: N = ${nodes}: the number of nodes must be an integer from 2 to ${MAX_NODES}`);
  }
  if (!Number.isInteger(degree) || degree < 1) {
    throw new InputError('ERR_BAD_DEGREE', `topology: D = ${degree}: the degree must be an integer >= 1`);
  }
}

function parseBeta(spec: string, text: string | undefined): number {
  if (text === undefined) return WATTS_STROGATZ_DEFAULT_BETA;
  const beta = Number(text);
  if (text.trim() === '' || !(beta >= 0 && beta <= 1)) {
    throw new InputError('ERR_BAD_TOPOLOGY', `topology: '${spec}': BETA '${text}' must be a number from 0 to 1`);
  }
  return beta;
}

/** Whether all degrees of an edge list are equal. */
function isRegular(edges: EdgeList): boolean {
  const deg = new Int32Array(edges.order);
  for (let e = 0; e < edges.size; e++) {
    deg[edges.src[e]!]!++;
    deg[edges.dst[e]!]!++;
  }
  return deg.every((d) => d === deg[0]);
}

function unknown(spec: string): InputError {
  const allowed = topologyList().map((t) => t.usage).join(', ');
  return new InputError('ERR_BAD_TOPOLOGY', `topology: unknown topology '${spec}'; allowed: ${allowed}`);
}

/** Generated graphs: [canonical name, edges, whether D is the user's]. */
function generate(spec: string, nodes: number, degree: number, seed: string | number): [string, EdgeList, boolean] {
  const [name = '', ...params] = spec.split(':');
  const g = GENERATED.find((x) => x.name === name);
  if (g) {
    const [canonical, edges] = g.build(params, { spec, nodes, degree, rng: seededRng(seed, 'graph') });
    return [canonical, edges, g.chosenDegree];
  }
  if (!isNamedGraph(spec)) throw unknown(spec);
  const named = namedGraph(spec, { order: nodes });
  return [named.name, named.edges, false];
}

/**
 * Builds the graph a --topology spec names (see topologyList()). Throws InputError for an unknown
 * spec, bad parameters, N outside 2..MAX_NODES, D < 1, and whatever the generator refuses.
 */
export function buildTopology(spec: string, opts: TopologyOptions): Topology {
  const { nodes, degree, seed } = opts;
  validate(nodes, degree);
  const text = spec.trim();
  if (text === '') throw unknown(spec);
  let result: [string, EdgeList, boolean];
  if (text.startsWith('file:')) {
    result = [text, readGraphFile(text.slice('file:'.length)), false];
  } else if (GRAPH_FILE_EXTENSIONS.some((ext) => text.toLowerCase().endsWith(ext))) {
    result = [`file:${text}`, readGraphFile(text), false];
  } else {
    result = generate(text, nodes, degree, seed);
  }
  const [name, edges, chosen] = result;
  const mean = edges.order > 0 ? (2 * edges.size) / edges.order : 0;
  // Counted only when asked: a cache miss per edge end at 10^7 nodes, and the simulation does not need it.
  let regular: boolean | undefined;
  return {
    name,
    edges,
    nominalDegree: chosen ? degree : mean,
    get regular(): boolean {
      return (regular ??= isRegular(edges));
    },
  };
}
