/**
 * `floodlab viz`: starts the local web server that shows a flood happening (src/viz) and prints
 * its URL. Runs until Ctrl-C. The page replays floods recorded by the simulator's own engine.
 */
import type { Command } from 'commander';
import { OPTIONS } from '../options/schema.ts';
import { startVizServer } from '../viz/server.ts';
import { VIZ_FLOOD_OPTIONS } from '../viz/query.ts';
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
}

/** The page's flood options (src/viz/query.ts, the same entries the page's query reads) and the server's port. */
export const VIZ_OPTIONS = [...Object.values(VIZ_FLOOD_OPTIONS), OPTIONS.port];

export function registerViz(program: Command): void {
  const cmd = program.command('viz').description('watch a flood in the browser: a local page that animates it and counts along');
  addOptions(cmd, VIZ_OPTIONS)
    .addHelpText('after', '\nExamples:\n  floodlab viz\n  floodlab viz -n 500 -d 6 --protocol flood-echo\n  floodlab viz --topology karate')
    .action(
      action(async (flags: VizFlags) => {
        const server = await startVizServer({
          port: flags.port,
          defaults: { n: flags.nodes, d: flags.degree, topology: flags.topology, protocol: flags.protocol, latency: flags.latency, seed: flags.seed, origin: flags.origin ?? '' },
        });
        process.stdout.write(`floodlab viz: open ${server.url} in a browser (Ctrl-C stops the server)\n`);
        const stop = (): void => {
          void server.close().then(() => process.exit(0));
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      }),
    );
}
