/**
 * The floodlab command line: one subcommand per file in src/cli. Bad input of any kind ends
 * in one line on stderr and exit code 2, never a stack trace.
 */
import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { report } from './action.ts';

/** A subcommand's module, imported only when that command runs (or for the full --help). */
type Register = (program: Command) => void;

/**
 * Every subcommand, in help order. Start-up is most of what a short command costs, so only the
 * command named on the line is imported: `floodlab --version` loads commander and nothing else,
 * `floodlab sim` never loads the sweep pool, the TCP nodes or the viz server. With no command
 * named (help, a typo) all are loaded, so the help lists them and commander can suggest one.
 */
const COMMANDS: Readonly<Record<string, () => Promise<Register>>> = {
  sim: async () => (await import('./sim.ts')).registerSim,
  sweep: async () => (await import('./sweep.ts')).registerSweep,
  merge: async () => (await import('./merge.ts')).registerMerge,
  compare: async () => (await import('./compare.ts')).registerCompare,
  node: async () => (await import('./node.ts')).registerNode,
  launch: async () => (await import('./launch.ts')).registerLaunch,
  viz: async () => (await import('./viz.ts')).registerViz,
  explain: async () => (await import('./explain.ts')).registerExplain,
  grow: async () => (await import('./grow.ts')).registerGrow,
};

// A reader that goes away (`floodlab sim --json | head -c 0`) is no error of ours: stop quietly.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(0);
    throw err;
  });
}

const { version: packageVersion } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

const program = new Command()
  .name('floodlab')
  .version(packageVersion, '-V, --version', 'print the version')
  .description('Shows, measures and reduces the bandwidth that flooding costs a peer-to-peer network.')
  .exitOverride()
  .configureOutput({
    // One line per usage error, like every other bad input.
    writeErr: (text) => process.stderr.write(text.startsWith('error: ') ? `floodlab: ${text.slice(7).trimEnd()} (see --help)\n` : text),
  });

const named = process.argv[2];
const version = named === '-V' || named === '--version';
const wanted = named !== undefined && Object.hasOwn(COMMANDS, named) ? [named] : version ? [] : Object.keys(COMMANDS);
for (const register of await Promise.all(wanted.map((name) => COMMANDS[name]!()))) register(program);

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
