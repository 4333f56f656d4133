/**
 * The options every simulating command shares (sim, sweep, ...), declared once so that their
 * names, defaults and help texts cannot drift apart between commands.
 */
import type { Command } from 'commander';
import { protocolList } from '../core/protocols/index.ts';
import { intOption } from './options.ts';

export const DEFAULTS = { nodes: 1000, degree: 4, topology: 'random-regular', protocol: 'flood', latency: 'constant', seed: '1', messages: 1 } as const;

/** Largest N a command accepts (10^7 fits in memory; 5·10^7 is the hard stop). */
export const MAX_NODES = 50_000_000;

/** Adds --topology, --protocol, --latency, --seed and --messages. */
export function addRunOptions(cmd: Command): Command {
  const protocols = protocolList().map((p) => p.usage).join(', ');
  return cmd
    .option('-t, --topology <spec>', 'random-regular, ring, erdos-renyi, watts-strogatz[:BETA], barabasi-albert, complete, a named graph (karate, florentine, ...) or file:PATH (.gexf, .graphml, .json)', DEFAULTS.topology)
    .option('-p, --protocol <name>', `forwarding rule: ${protocols}`, DEFAULTS.protocol)
    .option('-l, --latency <model>', 'constant[:MS], uniform:MIN-MAX, exponential:MEAN, per-link:MIN-MAX (milliseconds)', DEFAULTS.latency)
    .option('-s, --seed <seed>', 'seed for every random choice; the same seed gives the same output', DEFAULTS.seed)
    .option('-m, --messages <K>', 'messages to flood, one after another', intOption('--messages', 1, 1_000_000), DEFAULTS.messages);
}
