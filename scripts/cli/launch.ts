/**
 * `floodlab launch`: N real nodes on 127.0.0.1 wired as a generated graph, K messages flooded
 * from the simulator's seeded origins, the waste table from real counts, and the simulator's
 * run on the same graph and seed beside it. Exits 1 when a rule with exact counts (flood,
 * flood-echo) sends a different number of messages on real sockets than in the simulator.
 */
import type { Command } from 'commander';
import { check } from '../../src/core/errors.ts';
import { parseProtocol, protocolList } from '../../src/core/protocols/index.ts';
import { assertCapabilities } from '../../src/core/protocols/requires.ts';
import { nameProblem } from '../../src/real/codec.ts';
import { REAL_NODE_CAPABILITIES } from '../../src/real/node.ts';
import { MAX_PROCESSES } from '../../src/real/process-cluster.ts';
import { runLaunch } from '../../src/real/run-launch.ts';
import { pickOrigins } from '../../src/sim/origins.ts';
import { seededRng } from '../../src/sim/random.ts';
import { runSimulation } from '../../src/sim/run.ts';
import { buildTopology } from '../../src/sim/topology/spec.ts';
import { action, fail } from './action.ts';
import { intOption } from './options.ts';
import { countsAreExact, mismatches, renderLaunch } from './render-launch.ts';

/** Largest N in one process (each node holds a listener and D sockets). */
export const MAX_IN_PROCESS = 2000;

interface LaunchFlags {
  nodes: number;
  degree: number;
  topology: string;
  seed: string;
  messages: number;
  processes?: boolean;
  protocol: string;
  timeout: number;
  json?: boolean;
  verbose?: boolean;
}

export function registerLaunch(program: Command): void {
  const protocols = protocolList().map((p) => p.usage).join(', ');
  program
    .command('launch')
    .description('start N real nodes on 127.0.0.1 wired as a generated graph, flood messages, and compare the counts with the simulator')
    .option('-n, --nodes <N>', 'number of nodes', intOption('--nodes', 2, MAX_IN_PROCESS), 20)
    .option('-d, --degree <D>', 'links per node', intOption('--degree', 1, 1000), 4)
    .option('-t, --topology <spec>', 'random-regular, ring, erdos-renyi, watts-strogatz[:BETA], barabasi-albert, complete, a named graph or file:PATH', 'random-regular')
    .option('-s, --seed <seed>', 'seed for the graph and the origins (the same as `floodlab sim --seed`)', '1')
    .option('-m, --messages <K>', 'messages to flood, one after another', intOption('--messages', 1, 10_000), 5)
    .option('-p, --protocol <name>', `forwarding rule: ${protocols}`, 'flood')
    .option('--processes', `one OS process per node (at most ${MAX_PROCESSES}) instead of all in this one`)
    .option('--timeout <seconds>', 'stop every node and fail after this long', intOption('--timeout', 1, 3600), 120)
    .option('--json', 'print one JSON object (real and simulated counts) instead of the tables')
    .option('-v, --verbose', 'print what nodes log (drops, bad frames) on stderr')
    .addHelpText('after', '\nExamples:\n  floodlab launch -n 20 -d 4\n  floodlab launch -n 50 -d 6 --topology watts-strogatz --messages 10 --protocol flood-echo\n  floodlab launch -n 20 -d 4 --processes')
    .action(
      action(async (flags: LaunchFlags) => {
        const protocol = parseProtocol(flags.protocol);
        assertCapabilities(protocol, REAL_NODE_CAPABILITIES, 'launch');
        check(!flags.processes || flags.nodes <= MAX_PROCESSES, 'ERR_TOO_MANY_PROCESSES', `launch: --processes starts one OS process per node; --nodes ${flags.nodes} is over the limit of ${MAX_PROCESSES} (drop --processes to run them in one process)`);
        const topo = buildTopology(flags.topology, { nodes: flags.nodes, degree: flags.degree, seed: flags.seed });
        const graph = topo.edges;
        check(graph.order <= (flags.processes ? MAX_PROCESSES : MAX_IN_PROCESS), 'ERR_TOO_MANY_NODES', `launch: the graph '${topo.name}' has ${graph.order} nodes; at most ${flags.processes ? MAX_PROCESSES : MAX_IN_PROCESS} here`);
        const origins = pickOrigins(graph.order, flags.messages, undefined, graph.labels, seededRng(flags.seed, 'origins'));
        const sim = runSimulation({ nodes: flags.nodes, degree: flags.degree, topology: flags.topology, protocol: protocol.name, latency: 'constant', seed: flags.seed, messages: flags.messages });
        const names = Array.from({ length: graph.order }, (_, i) => {
          const label = graph.labels?.[i];
          return label !== undefined && nameProblem(label) === undefined ? label : `n${i}`;
        });
        const abort = new AbortController();
        const interrupt = (): void => abort.abort();
        process.once('SIGINT', interrupt);
        process.once('SIGTERM', interrupt);
        let real;
        try {
          real = await runLaunch({ graph, names, origins, protocol: protocol.name, processes: flags.processes === true, timeoutMs: flags.timeout * 1000, signal: abort.signal, ...(flags.verbose ? { log: (line: string) => process.stderr.write(`${line}\n`) } : {}) });
        } catch (err) {
          fail(err instanceof Error ? err.message : String(err), abort.signal.aborted ? 130 : 1);
        } finally {
          process.off('SIGINT', interrupt);
          process.off('SIGTERM', interrupt);
        }
        const bad = countsAreExact(protocol.name) ? mismatches(real, sim) : [];
        if (flags.json) process.stdout.write(JSON.stringify({ real, simulator: { transmissionsTotal: sim.transmissionsTotal, perMessage: sim.perMessage, expectedTransmissionsTotal: sim.expectedTransmissionsTotal }, mismatches: bad }, null, 2) + '\n');
        else process.stdout.write(renderLaunch(real, sim));
        if (bad.length > 0) fail(`launch: real transmission counts differ from the simulator's for ${protocol.name}:\n  ${bad.join('\n  ')}`, 1);
        if (!flags.json && countsAreExact(protocol.name)) process.stdout.write(`OK: real ${protocol.name} sent exactly what the simulator and the formula predict, for each of the ${real.perMessage.length} messages.\n`);
      }),
    );
}
