/**
 * `floodlab launch`: N real nodes on 127.0.0.1 wired as a generated graph, K messages flooded
 * from the simulator's seeded origins, the waste table from real counts, and the simulator's
 * run on the same graph and seed beside it. Exits 1 when a rule with exact counts (flood,
 * flood-echo) sends a different number of messages on real sockets than in the simulator.
 */
import type { Command } from 'commander';
import { check } from '../core/errors.ts';
import { parseProtocol } from '../core/protocols/index.ts';
import { intIn } from '../options/parse.ts';
import { OPTIONS, override } from '../options/schema.ts';
import { assertCapabilities } from '../core/protocols/requires.ts';
import { nameProblem } from '../real/codec.ts';
import { REAL_NODE_CAPABILITIES } from '../real/node.ts';
import { MAX_PROCESSES } from '../real/process-cluster.ts';
import { runLaunch } from '../real/run-launch.ts';
import { pickOrigins } from '../sim/origins.ts';
import { seededRng } from '../sim/random.ts';
import { runSimulation } from '../sim/run.ts';
import { buildTopology } from '../sim/topology/spec.ts';
import { action, fail } from './action.ts';
import { interruptible, verboseLog } from './interruptible.ts';
import type { LaunchFlags } from './launch-flags.ts';
import { launchWithGo } from './launch-go.ts';
import { noteCleaned, noteIgnored } from './notes.ts';
import { launchGrow } from './launch-grow.ts';
import { addOptions } from './options/commander.ts';
import { checkOutputs, emitTo } from './output.ts';
import { countsAreExact, launchJson, mismatches, renderLaunch } from './render/launch.ts';

/** Largest N in one process (each node holds a listener and D sockets). */
export const MAX_IN_PROCESS = 2000;

/** launch's own ranges and defaults, each with its reason: real sockets cost far more than simulated sends. */
export const LAUNCH_OPTIONS = [
  override(OPTIONS.nodes, { default: 20, parse: intIn(2, MAX_IN_PROCESS), why: `20, not 1,000 as in sim, and at most ${MAX_IN_PROCESS}: each node holds a listener and D sockets` }),
  override(OPTIONS.degree, { parse: intIn(1, 1000), why: 'at most 1,000 sockets per node' }),
  OPTIONS.topology,
  OPTIONS.seed,
  override(OPTIONS.messages, { default: 5, parse: intIn(1, 10_000), why: '5, not 1 as in sim, and at most 10,000: each message waits for the real network to go quiet' }),
  OPTIONS.protocol,
  { ...OPTIONS.processes, help: `one OS process per node (at most ${MAX_PROCESSES}) instead of all in this one` },
  OPTIONS.timeout,
  OPTIONS.go,
  OPTIONS.goBin,
  { ...OPTIONS.json, help: 'JSON (real and simulated counts): alone, printed instead of the tables; with FILE, written there' },
  OPTIONS.verbose,
  { long: 'grow', help: 'no generated graph: nodes join one by one from the first through --overlay, keeping --want links; the simulator then floods the graph they built' },
  OPTIONS.want,
  OPTIONS.overlay,
  { ...OPTIONS.kill, help: 'with --grow --processes: SIGKILL a fraction F of the node processes once grown, wait for repair, flood again and check every survivor gets every message' },
];

export function registerLaunch(program: Command): void {
  const cmd = program.command('launch').description('start N real nodes on 127.0.0.1 wired as a generated graph, flood messages, and compare the counts with the simulator');
  addOptions(cmd, LAUNCH_OPTIONS)
    .addHelpText(
      'after',
      '\nExamples:\n  floodlab launch -n 20 -d 4\n  floodlab launch -n 50 -d 6 --topology watts-strogatz --messages 10 --protocol flood-echo\n  floodlab launch -n 20 -d 4 --processes\n  floodlab launch -n 8 -d 3 --go 2 --messages 3 --go-bin /path/to/seednode\n  floodlab launch --grow -n 30 --want 3 --overlay blog\n  floodlab launch --grow -n 12 --want 3 --processes --kill 0.3',
    )
    .action(
      action(async (flags: LaunchFlags, command: Command) => {
        if (flags.grow) return launchGrow(flags);
        check(flags.kill === undefined, 'ERR_BAD_OPTION', `launch: --kill ${flags.kill} needs --grow (only a network that keeps itself by membership can repair)`);
        checkOutputs({ '--json': flags.json });
        noteIgnored('launch', flags.topology, command);
        const protocol = parseProtocol(flags.protocol);
        assertCapabilities(protocol, REAL_NODE_CAPABILITIES, 'launch');
        check(
          !flags.processes || flags.nodes <= MAX_PROCESSES,
          'ERR_TOO_MANY_PROCESSES',
          `launch: --processes starts one OS process per node; --nodes ${flags.nodes} is over the limit of ${MAX_PROCESSES} (drop --processes to run them in one process)`,
        );
        const topo = buildTopology(flags.topology, { nodes: flags.nodes, degree: flags.degree, seed: flags.seed });
        const graph = topo.edges;
        noteCleaned('launch', topo.name, topo.cleaned);
        check(
          graph.order <= (flags.processes ? MAX_PROCESSES : MAX_IN_PROCESS),
          'ERR_TOO_MANY_NODES',
          `launch: the graph '${topo.name}' has ${graph.order} nodes; at most ${flags.processes ? MAX_PROCESSES : MAX_IN_PROCESS} here`,
        );
        const origins = pickOrigins(graph.order, flags.messages, undefined, graph.labels, seededRng(flags.seed, 'origins'));
        const sim = runSimulation({ nodes: flags.nodes, degree: flags.degree, topology: flags.topology, protocol: protocol.name, latency: 'constant', seed: flags.seed, messages: flags.messages });
        const names = Array.from({ length: graph.order }, (_, i) => {
          const label = graph.labels?.[i];
          return label !== undefined && nameProblem(label) === undefined ? label : `n${i}`;
        });
        if (flags.go !== undefined) return launchWithGo(flags, graph, names, origins, protocol.name, topo.name);
        const real = await interruptible((signal) =>
          runLaunch({
            graph,
            names,
            origins,
            protocol: protocol.name,
            processes: flags.processes === true,
            timeoutMs: flags.timeout * 1000,
            signal,
            ...verboseLog(flags.verbose),
          }),
        );
        const bad = countsAreExact(protocol.name) ? mismatches(real, sim) : [];
        const printedJson = emitTo(flags.json, () => launchJson(real, sim, bad));
        if (!printedJson) process.stdout.write(renderLaunch(real, sim));
        if (bad.length > 0) fail(`launch: real transmission counts differ from the simulator's for ${protocol.name}:\n  ${bad.join('\n  ')}`, 1);
        if (!printedJson && countsAreExact(protocol.name))
          process.stdout.write(`OK: real ${protocol.name} sent exactly what the simulator and the formula predict, for each of the ${real.perMessage.length} messages.\n`);
      }),
    );
}
