/**
 * The facts help text and the CLI need about a topology without building it: how to write it,
 * one line on what it is, and which of --nodes and --degree it takes from the user (so the CLI can
 * say when an option is ignored). Types only, shared by catalog.ts and graphology.ts.
 */

/** Which of the user's N and D shape the graph; false means ignored or overridden. */
export interface TopologyUses {
  /** False when the topology fixes the number of nodes (karate, caveman:L:K, a file). */
  readonly nodes: boolean;
  /** False when the degree follows from the graph (complete: N-1; named graphs, files). */
  readonly degree: boolean;
}

/** One entry of the topology list. */
export interface TopologyInfo {
  /** How to write it, e.g. 'watts-strogatz[:BETA]' or 'caveman:L:K'. */
  readonly usage: string;
  /** One line for help text. */
  readonly summary: string;
  readonly uses: TopologyUses;
}
