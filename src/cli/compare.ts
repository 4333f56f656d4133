/**
 * `floodlab compare`: several protocols on one network, one seed, the same origins and faults,
 * one table: payload and control sends and bytes, RMR, coverage, LDH, time, the busiest node.
 */
import type { Command } from 'commander';
import { protocolList } from '../core/protocols/index.ts';
import { DEFAULT_PAYLOAD_BYTES } from '../core/sizes.ts';
import { compareProtocols, type CompareResult } from '../sim/compare.ts';
import { action } from './action.ts';
import { DEFAULTS, MAX_NODES } from './common-options.ts';
import { addFaultOptions, faultSpec, type FaultFlags } from './fault-options.ts';
import { intOption } from './options.ts';
import { renderCompareMarkdown, renderCompareText } from './render/compare.ts';

/** The protocols compared when --protocols is not given. */
export const DEFAULT_PROTOCOLS = 'flood,gossip:0.7,fanout:3,plumtree,tree,announce';

/** JSON with non-finite numbers (an undefined RMR or time) as null. */
function compareJson(result: CompareResult): string {
  return JSON.stringify(result, (_key, value: unknown) => (typeof value === 'number' && !Number.isFinite(value) ? null : value), 2) + '\n';
}

interface CompareFlags extends FaultFlags {
  nodes: number;
  degree: number;
  topology: string;
  latency: string;
  seed: string;
  messages: number;
  protocols: string;
  payloadBytes: number;
  origin?: string;
  json?: boolean;
  markdown?: boolean;
}

export function registerCompare(program: Command): void {
  const protocols = protocolList().map((p) => p.usage).join(', ');
  const cmd = program
    .command('compare')
    .description('run several dissemination protocols on the same network and seed, healthy or with faults, and print one table')
    .option('-n, --nodes <N>', 'number of nodes', intOption('--nodes', 2, MAX_NODES), DEFAULTS.nodes)
    .option('-d, --degree <D>', 'links per node', intOption('--degree', 1, 100_000), 8)
    .option('-p, --protocols <list>', `comma-separated protocols, from: ${protocols}`, DEFAULT_PROTOCOLS)
    .option('-t, --topology <spec>', 'as for sim: random-regular, ring, erdos-renyi, watts-strogatz[:BETA], barabasi-albert, complete, a named graph or file:PATH', DEFAULTS.topology)
    .option('-l, --latency <model>', 'constant[:MS], uniform:MIN-MAX, exponential:MEAN, per-link:MIN-MAX (milliseconds)', DEFAULTS.latency)
    .option('-s, --seed <seed>', 'seed for every random choice; the same seed gives the same output', DEFAULTS.seed)
    .option('-m, --messages <K>', 'messages, one after another (plumtree needs a few to settle)', intOption('--messages', 1, 1_000_000), 100)
    .option('-b, --payload-bytes <B>', 'bytes of content per message, for the byte columns', intOption('--payload-bytes', 0, 100_000_000), DEFAULT_PAYLOAD_BYTES)
    .option('-o, --origin <node>', 'start every message at this node (index or name); default: seeded random live nodes');
  addFaultOptions(cmd)
    .option('--json', 'print the comparison as one JSON object')
    .option('--markdown', 'print the table as markdown')
    .addHelpText(
      'after',
      '\nExamples:\n  floodlab compare\n  floodlab compare -n 1000 -d 8 --protocols flood,gossip:0.7,fanout:3,plumtree,tree,announce --messages 100 --fail 0.1\n  floodlab compare --protocols gossip:0.1,gossip:0.2,gossip:0.5,flood --loss 0.05 --latency uniform:5-50',
    )
    .action(
      action((flags: CompareFlags) => {
        const result = compareProtocols({
          nodes: flags.nodes,
          degree: flags.degree,
          topology: flags.topology,
          latency: flags.latency,
          seed: flags.seed,
          messages: flags.messages,
          protocols: flags.protocols.split(',').map((s) => s.trim()).filter((s) => s !== ''),
          payloadBytes: flags.payloadBytes,
          faults: faultSpec(flags),
          ...(flags.origin !== undefined ? { origin: flags.origin } : {}),
        });
        process.stdout.write(flags.json ? compareJson(result) : flags.markdown ? renderCompareMarkdown(result) : renderCompareText(result));
      }),
    );
}
