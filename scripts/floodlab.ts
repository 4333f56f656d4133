/**
 * The floodlab command line: one subcommand per file in scripts/cli. Bad input of any kind ends
 * in one line on stderr and exit code 2, never a stack trace.
 */
import { Command, CommanderError } from 'commander';
import { report } from './cli/action.ts';
import { registerCompare } from './cli/compare.ts';
import { registerLaunch } from './cli/launch.ts';
import { registerNode } from './cli/node.ts';
import { registerExplain } from './cli/explain.ts';
import { registerMerge } from './cli/merge.ts';
import { registerSim } from './cli/sim.ts';
import { registerSweep } from './cli/sweep.ts';
import { registerViz } from './cli/viz.ts';
import { registerGrow } from '../src/cli/grow.ts';

const program = new Command()
  .name('floodlab')
  .description('Shows, measures and reduces the bandwidth that flooding costs a peer-to-peer network.')
  .exitOverride()
  .configureOutput({
    // One line per usage error, like every other bad input.
    writeErr: (text) => process.stderr.write(text.startsWith('error: ') ? `floodlab: ${text.slice(7).trimEnd()} (see --help)\n` : text),
  });

registerSim(program);
registerSweep(program);
registerMerge(program);
registerCompare(program);
registerNode(program);
registerLaunch(program);
registerViz(program);
registerExplain(program);
registerGrow(program);

// Commander's own usage errors (unknown option, missing value) are bad input too: exit 2.
for (const cmd of program.commands) cmd.exitOverride();

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof CommanderError) {
    if (err.exitCode === 0) process.exit(0);
    process.exit(2);
  }
  report(err);
}
