/**
 * Every topology the generators offer, as data: usage, summary and which of --nodes and --degree
 * each one uses, in the order help lists them. The one place these facts are kept; the topology
 * spec parser and the CLI's help and warnings read them from here.
 */
import { COMPLETE_MAX_ORDER } from './complete.ts';
import { GRAPH_FILE_EXTENSIONS } from './graph-file.ts';
import { isNamedGraph, namedGraphList } from './graphology.ts';
import type { TopologyInfo, TopologyUses } from './topology-info.ts';
import { WATTS_STROGATZ_DEFAULT_BETA } from './watts-strogatz.ts';

export type { TopologyInfo, TopologyUses } from './topology-info.ts';

const BOTH: TopologyUses = { nodes: true, degree: true };

/** The generated graphs, keyed by name. */
const GENERATED: Readonly<Record<string, TopologyInfo>> = {
  'random-regular': { usage: 'random-regular', summary: 'random connected graph, every node of degree D (default)', uses: BOTH },
  ring: { usage: 'ring', summary: 'ring lattice: node i linked to i±1 .. i±D/2 (odd D: plus the opposite node)', uses: BOTH },
  'erdos-renyi': { usage: 'erdos-renyi', summary: 'G(N, p): each pair linked with p = D/(N-1); mean degree D, may be disconnected', uses: BOTH },
  'watts-strogatz': {
    usage: 'watts-strogatz[:BETA]',
    summary: `small world: ring lattice (even D), each edge rewired with probability BETA (default ${WATTS_STROGATZ_DEFAULT_BETA})`,
    uses: BOTH,
  },
  'barabasi-albert': { usage: 'barabasi-albert', summary: 'preferential attachment, round(D/2) edges per new node: scale-free, mean degree about D', uses: BOTH },
  complete: { usage: 'complete', summary: `every pair linked (degree N-1; N up to ${COMPLETE_MAX_ORDER})`, uses: { nodes: true, degree: false } },
};

/** A user's graph file: neither N nor D applies. */
const GRAPH_FILE: TopologyInfo = {
  usage: 'file:PATH',
  summary: `graph file: ${GRAPH_FILE_EXTENSIONS.join(', ')} or any name by content (a bare PATH with one of these extensions works too)`,
  uses: { nodes: false, degree: false },
};

/** Every topology with usage, summary and uses, in the order help lists them. */
export function topologyCatalog(): TopologyInfo[] {
  return [...Object.values(GENERATED), ...namedGraphList(), GRAPH_FILE];
}

/** True when a --topology spec names a graph file: 'file:PATH', or a bare path with a known extension. */
export function isGraphFileSpec(spec: string): boolean {
  const text = spec.trim();
  return text.startsWith('file:') || GRAPH_FILE_EXTENSIONS.some((ext) => text.toLowerCase().endsWith(ext));
}

/**
 * Which of --nodes and --degree the topology a spec names takes from the user ('complete' ->
 * nodes only; 'karate', 'caveman:4:5', 'file:g.txt' -> neither), or undefined for an unknown spec.
 */
export function topologyUses(spec: string): TopologyUses | undefined {
  if (isGraphFileSpec(spec)) return GRAPH_FILE.uses;
  const text = spec.trim();
  const name = text.split(':')[0]!;
  if (Object.hasOwn(GENERATED, name)) return GENERATED[name]!.uses;
  if (isNamedGraph(text)) return namedGraphList().find((g) => g.usage.split(':')[0] === name)?.uses;
  return undefined;
}
