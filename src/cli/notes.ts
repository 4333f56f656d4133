/**
 * One-line notes on stderr when the user's options are not all used: a topology that fixes N or
 * D ignores --nodes / --degree (complete ignores -d; named graphs and files ignore both), and a
 * graph file that had to be cleaned (self-loops, duplicate or directed edges) to become a simple graph.
 */
import type { Command } from 'commander';
import { cleaningNote, type GraphCleaning } from '../sim/generators/graph-file.ts';
import { topologyUses } from '../sim/topology/spec.ts';

/** Says on stderr which of --nodes/--degree `topology` ignores, for the ones the user set. */
export function noteIgnored(command: string, topology: string, cmd: Command): void {
  const uses = topologyUses(topology);
  if (!uses) return; // an unknown spec: the run itself says so
  const given = (['nodes', 'degree'] as const).filter((key) => !uses[key] && cmd.getOptionValueSource(key) === 'cli');
  if (given.length === 0) return;
  const flags = given.map((k) => `--${k}`).join(' and ');
  process.stderr.write(`floodlab ${command}: note: --topology ${topology} ignores ${flags} (the graph fixes ${given.map((k) => (k === 'nodes' ? 'N' : 'D')).join(' and ')})\n`);
}

/** Says on stderr what cleaning a graph file took, when it took anything. */
export function noteCleaned(command: string, topology: string, cleaned: GraphCleaning | undefined): void {
  const note = cleaned ? cleaningNote(cleaned, topology.replace(/^file:/, '')) : undefined;
  if (note) process.stderr.write(`floodlab ${command}: note: ${note}\n`);
}
