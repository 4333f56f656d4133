/**
 * `floodlab viz`: starts the local web server that shows a flood happening (src/viz) and prints
 * its URL. Runs until Ctrl-C. The page replays floods recorded by the simulator's own engine.
 */
import type { Command } from 'commander';
import { OPTIONS, type OptionSpec } from '../options/schema.ts';
import { startVizServer } from '../viz/server.ts';
import { VIZ_FLOOD_OPTIONS } from '../viz/query.ts';
import { growUrlQuery, parseGrowQuery, VIZ_GROW_OPTIONS } from '../viz/grow-query.ts';
import { action } from './action.ts';
import { addOptions } from './options/commander.ts';

interface VizFlags {
  nodes: number;
  degree: number;
  topology: string;
  protocol: string;
  latency: string;
  seed: string;
  origin?: string;
  port: number;
  grow?: boolean;
  want: number;
  overlay: string;
  entry: string;
  kill: number;
}

/** `--grow` and the grow options it takes, as the page's grow query reads them (N and the seed are -n and --seed). */
const GROW_FLAGS: OptionSpec[] = [
  { long: 'grow', help: 'open grow mode: the network grows by joins through a membership protocol, then heals after a kill (floodlab grow, replayed)' },
  ...[VIZ_GROW_OPTIONS.want, VIZ_GROW_OPTIONS.overlay, VIZ_GROW_OPTIONS.entry, VIZ_GROW_OPTIONS.kill].map((s): OptionSpec => ({ ...s, help: `with --grow: ${s.help}` })),
];

/** The page's flood options (src/viz/query.ts, the same entries the page's query reads) and the server's port. */
export const VIZ_OPTIONS = [...Object.values(VIZ_FLOOD_OPTIONS), OPTIONS.port, ...GROW_FLAGS];

/** '' for the flood page; with --grow, the grow mode's query, checked as the page will check it (a bad value stops here). */
function growQuery(flags: VizFlags): string {
  if (!flags.grow) return '';
  const given = { n: String(flags.nodes), seed: flags.seed, want: String(flags.want), overlay: flags.overlay, entry: flags.entry, kill: String(flags.kill) };
  return `?${growUrlQuery(parseGrowQuery(new URLSearchParams(given)))}`;
}

export function registerViz(program: Command): void {
  const cmd = program.command('viz').description('watch a flood in the browser: a local page that animates it and counts along');
  addOptions(cmd, VIZ_OPTIONS)
    .addHelpText(
      'after',
      '\nExamples:\n  floodlab viz\n  floodlab viz -n 500 -d 6 --protocol flood-echo\n  floodlab viz --topology karate\n  floodlab viz --grow -n 60 --want 4 --overlay blog --kill 0.3',
    )
    .action(
      action(async (flags: VizFlags) => {
        const growMode = growQuery(flags);
        const server = await startVizServer({
          port: flags.port,
          defaults: { n: flags.nodes, d: flags.degree, topology: flags.topology, protocol: flags.protocol, latency: flags.latency, seed: flags.seed, origin: flags.origin ?? '' },
        });
        process.stdout.write(`floodlab viz: open ${server.url}${growMode} in a browser (Ctrl-C stops the server)\n`);
        const stop = (): void => {
          void server.close().then(() => process.exit(0));
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      }),
    );
}
