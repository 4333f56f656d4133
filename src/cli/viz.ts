/**
 * `floodlab viz`: starts the local web server that shows a flood happening (src/viz) and prints
 * its URL. Runs until Ctrl-C. The page replays floods recorded by the simulator's own engine.
 */
import type { Command } from 'commander';
import { InputError } from '../core/errors.ts';
import { startVizServer } from '../viz/server.ts';
import { VIZ_LIMITS } from '../viz/query.ts';
import { action } from './action.ts';
import { DEFAULTS } from './common-options.ts';
import { intOption } from './options.ts';

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

/** --nodes, with the reason for the page's limit in the error. */
function vizNodes(text: string): number {
  try {
    return intOption('--nodes', 2, VIZ_LIMITS.maxNodes)(text);
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    throw new InputError(err.code, `${err.message} (the page draws at most ${VIZ_LIMITS.maxNodes} nodes; floodlab sim measures larger floods)`);
  }
}

export function registerViz(program: Command): void {
  program
    .command('viz')
    .description('watch a flood in the browser: a local page that animates it and counts along')
    .option('-n, --nodes <N>', 'number of nodes', vizNodes, 60)
    .option('-d, --degree <D>', 'links per node', intOption('--degree', 1, VIZ_LIMITS.maxNodes - 1), DEFAULTS.degree)
    .option('-t, --topology <spec>', 'random-regular, ring, erdos-renyi, watts-strogatz[:BETA], barabasi-albert, complete, a named graph, file:PATH', DEFAULTS.topology)
    .option('-p, --protocol <name>', 'forwarding rule (see floodlab sim --help)', DEFAULTS.protocol)
    .option('-l, --latency <model>', 'constant[:MS], uniform:MIN-MAX, exponential:MEAN, per-link:MIN-MAX (milliseconds)', DEFAULTS.latency)
    .option('-s, --seed <seed>', 'seed for every random choice', DEFAULTS.seed)
    .option('-o, --origin <node>', 'where the flood starts (index or name); default: a seeded random node')
    .option('--port <port>', 'port on 127.0.0.1 (0: any free port)', intOption('--port', 0, 65535), 0)
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
