/**
 * The floodlab command line: one subcommand per file in src/cli. Bad input of any kind ends
 * in one line on stderr and exit code 2, never a stack trace.
 */
import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { report } from './action.ts';
import { registerCompare } from './compare.ts';
import { registerLaunch } from './launch.ts';
import { registerNode } from './node.ts';
import { registerExplain } from './explain.ts';
import { registerMerge } from './merge.ts';
import { registerSim } from './sim.ts';
import { registerSweep } from './sweep.ts';
import { registerViz } from './viz.ts';
import { registerGrow } from './grow.ts';

// A reader that goes away (`floodlab sim --json | head -c 0`) is no error of ours: stop quietly.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(0);
    throw err;
  });
}

const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

const program = new Command()
  .name('floodlab')
  .version(version, '-V, --version', 'print the version')
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
