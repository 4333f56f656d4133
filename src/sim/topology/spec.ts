/**
 * The --topology option: parses a spec ('random-regular', 'watts-strogatz:0.2', 'caveman:4:5',
 * 'file:g.gexf', ...) and runs the matching generator. Every random graph draws from the seed's
 * 'graph' stream only, so the graph depends on seed + spec + N + D and on nothing else.
 * What each topology is called, says and uses lives in the generators' catalog; this file keeps
 * only how each generated graph is built, keyed by the same names.
 */
import { InputError } from '../../core/errors.ts';
import { isRegular } from '../../core/graph/degrees.ts';
import { barabasiAlbert } from '../generators/barabasi-albert.ts';
import { type TopologyInfo, isGraphFileSpec, topologyCatalog } from '../generators/catalog.ts';
import { complete } from '../generators/complete.ts';
import { erdosRenyi } from '../generators/erdos-renyi.ts';
import { type GraphCleaning, readGraphFile } from '../generators/graph-file.ts';
import { isNamedGraph, namedGraph } from '../generators/graphology.ts';
import { randomRegular } from '../generators/random-regular.ts';
import { ring } from '../generators/ring.ts';
import { WATTS_STROGATZ_DEFAULT_BETA, wattsStrogatz } from '../generators/watts-strogatz.ts';
import { seededRng } from '../random.ts';
import type { EdgeList } from './edge-list.ts';

export { topologyUses, type TopologyInfo, type TopologyUses } from '../generators/catalog.ts';

export interface Topology {
  /** Canonical spec, e.g. 'watts-strogatz:0.1' for 'watts-strogatz'. */
  readonly name: string;
  readonly edges: EdgeList;
  /** The D the user asked for, or the mean degree 2E/N for graphs whose degree is not chosen. */
  readonly nominalDegree: number;
  /** True when every node has the same degree. */
  readonly regular: boolean;
  /** For a graph file: what making it undirected and simple changed (see cleaningNote()). */
  readonly cleaned?: GraphCleaning;
}

export interface TopologyOptions {
  /** N: an integer from 2 to MAX_NODES (graphs of fixed size ignore it). */
  readonly nodes: number;
  /** D: an integer >= 1 (graphs whose degree is not chosen ignore it). */
  readonly degree: number;
  /** The run's seed; the graph uses its 'graph' stream. */
  readonly seed: string | number;
}

/** Largest N accepted. */
export const MAX_NODES = 50_000_000;

/** The topology used when none is given. */
export const DEFAULT_TOPOLOGY = 'random-regular';

type Build = (params: readonly string[], o: { spec: string; nodes: number; degree: number; rng: () => number }) => [name: string, edges: EdgeList];

interface Builder {
  /** Whether D is the degree the user asked for (else the graph's mean degree is shown). */
  readonly chosenDegree: boolean;
  readonly build: Build;
}

const noParams =
  (make: (o: { nodes: number; degree: number; rng: () => number }) => EdgeList): Build =>
  (params, o) => {
    if (params.length > 0) throw new InputError('ERR_BAD_TOPOLOGY', `topology: '${o.spec}': ${o.spec.split(':')[0]} takes no parameter`);
    return [o.spec.split(':')[0]!, make(o)];
  };

/** How each generated graph of the catalog is built (the catalog test checks the names agree). */
export const GENERATED_BUILDERS: Readonly<Record<string, Builder>> = {
  'random-regular': { chosenDegree: true, build: noParams(({ nodes, degree, rng }) => randomRegular({ order: nodes, degree, rng })) },
  ring: { chosenDegree: true, build: noParams(({ nodes, degree }) => ring({ order: nodes, degree })) },
  'erdos-renyi': { chosenDegree: true, build: noParams(({ nodes, degree, rng }) => erdosRenyi({ order: nodes, degree, rng })) },
  'watts-strogatz': {
    chosenDegree: true,
    build: (params, { spec, nodes, degree, rng }) => {
      if (params.length > 1) throw new InputError('ERR_BAD_TOPOLOGY', `topology: '${spec}': write it as watts-strogatz[:BETA]`);
      const beta = parseBeta(spec, params[0]);
      return [`watts-strogatz:${beta}`, wattsStrogatz({ order: nodes, degree, beta, rng })];
    },
  },
  'barabasi-albert': { chosenDegree: true, build: noParams(({ nodes, degree, rng }) => barabasiAlbert({ order: nodes, degree, rng })) },
  complete: { chosenDegree: false, build: noParams(({ nodes }) => complete({ order: nodes })) },
};

/** Every topology spec with a one-line summary and the options it uses, in the order help lists them. */
export function topologyList(): TopologyInfo[] {
  return topologyCatalog();
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

function unknown(spec: string): InputError {
  const allowed = topologyList()
    .map((t) => t.usage)
    .join(', ');
  return new InputError('ERR_BAD_TOPOLOGY', `topology: unknown topology '${spec}'; allowed: ${allowed}`);
}

/** Generated graphs: [canonical name, edges, whether D is the user's]. */
function generate(spec: string, nodes: number, degree: number, seed: string | number): [string, EdgeList, boolean] {
  const [name = '', ...params] = spec.split(':');
  const g = Object.hasOwn(GENERATED_BUILDERS, name) ? GENERATED_BUILDERS[name] : undefined;
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
  let cleaned: GraphCleaning | undefined;
  if (isGraphFileSpec(text)) {
    const path = text.startsWith('file:') ? text.slice('file:'.length) : text;
    const file = readGraphFile(path);
    cleaned = file.cleaned;
    result = [`file:${path}`, file, false];
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
    ...(cleaned ? { cleaned } : {}),
    nominalDegree: chosen ? degree : mean,
    get regular(): boolean {
      return (regular ??= isRegular(edges));
    },
  };
}
