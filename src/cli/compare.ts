/**
 * `floodlab compare`: several protocols on one network, one seed, the same origins and faults,
 * one table: payload and control sends and bytes, RMR, coverage, LDH, time, the busiest node.
 */
import type { Command } from 'commander';
import { OPTIONS, override } from '../options/schema.ts';
import { compareProtocols, type CompareResult } from '../sim/compare.ts';
import { action } from './action.ts';
import { FAULT_OPTIONS } from './fault-options.ts';
import { noteCleaned, noteIgnored } from './notes.ts';
import { addOptions } from './options/commander.ts';
import { checkOutputs, emitTo, type OutputFlag } from './output.ts';
import { compareCsv, renderCompareMarkdown, renderCompareText } from './render/compare.ts';
import { runOptionsOf, type RunFlags } from './run-flags.ts';

/** The protocols compared when --protocols is not given. */
export const DEFAULT_PROTOCOLS = OPTIONS.protocols.default;

/** JSON with non-finite numbers (an undefined RMR or time) as null. */
function compareJson(result: CompareResult): string {
  return JSON.stringify(result, (_key, value: unknown) => (typeof value === 'number' && !Number.isFinite(value) ? null : value), 2) + '\n';
}

interface CompareFlags extends RunFlags {
  protocols: string;
  json?: OutputFlag;
  csv?: OutputFlag;
  markdown?: boolean;
}

/** compare floods 100 messages by default where sim floods 1: plumtree and announce spend their first messages building state. */
export const COMPARE_OPTIONS = [
  OPTIONS.nodes,
  OPTIONS.degree,
  OPTIONS.protocols,
  OPTIONS.topology,
  OPTIONS.latency,
  OPTIONS.seed,
  override(OPTIONS.messages, { default: 100, why: 'not 1 as in sim: plumtree needs a few messages to settle' }),
  OPTIONS.payloadBytes,
  OPTIONS.signed,
  OPTIONS.origin,
  ...FAULT_OPTIONS,
  OPTIONS.json,
  OPTIONS.csv,
  OPTIONS.markdown,
];

export function registerCompare(program: Command): void {
  const cmd = program.command('compare').description('run several dissemination protocols on the same network and seed, healthy or with faults, and print one table');
  addOptions(cmd, COMPARE_OPTIONS)
    .addHelpText(
      'after',
      '\nExamples:\n  floodlab compare\n  floodlab compare -n 1000 -d 8 --protocols flood,gossip:0.7,fanout:3,plumtree,tree,announce --messages 100 --fail 0.1\n  floodlab compare --protocols gossip:0.1,gossip:0.2,gossip:0.5,flood --loss 0.05 --latency uniform:5-50',
    )
    .action(
      action((flags: CompareFlags, command: Command) => {
        checkOutputs({ '--json': flags.json, '--csv': flags.csv });
        noteIgnored('compare', flags.topology, command);
        const result = compareProtocols({
          ...runOptionsOf(flags),
          protocols: flags.protocols
            .split(',')
            .map((s) => s.trim())
            .filter((s) => s !== ''),
        });
        noteCleaned('compare', result.topology, result.graphCleaned);
        const printedJson = emitTo(flags.json, () => compareJson(result));
        const printedCsv = emitTo(flags.csv, () => compareCsv(result));
        if (!printedJson && !printedCsv) process.stdout.write(flags.markdown ? renderCompareMarkdown(result) : renderCompareText(result));
      }),
    );
}
