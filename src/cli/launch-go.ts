/**
 * `floodlab launch --go K`: the mixed launch's CLI end. It finds the Go program (--go-bin, or
 * seednode on PATH; exit 2 with how to build it when neither), places K Go nodes with no two
 * linked, makes sure a Go node originates at least one message, runs the launch with Ctrl-C and
 * --timeout stopping every node, prints what every node showed, and exits 1 unless every node
 * showed every message exactly once. There is no simulator beside it: Go nodes follow their own
 * rule and floodlab's paced writes skip what a Go node already sent, so counts are not the formula's.
 */
import { check } from '../core/errors.ts';
import { runMixedLaunch } from '../real/go-launch.ts';
import { pickGoNodes } from '../real/go-plan.ts';
import { findGoBinary } from '../real/go-process.ts';
import type { LaunchGraph } from '../real/graph.ts';
import { seededRng } from '../sim/random.ts';
import { fail } from './action.ts';
import { interruptible, verboseLog } from './interruptible.ts';
import type { LaunchFlags } from './launch-flags.ts';
import { emitTo } from './output.ts';
import { renderGoLaunch } from './render/go-launch.ts';

/** The floodlab nodes' rules that a mixed launch runs: the ones that reach every node. */
const GO_PROTOCOLS = ['flood', 'flood-echo'];

export async function launchWithGo(flags: LaunchFlags, graph: LaunchGraph, names: readonly string[], origins: readonly number[], protocol: string, topology: string): Promise<void> {
  check(!flags.processes, 'ERR_GO_PROCESSES', 'launch: --go runs the floodlab nodes in this process; drop --processes');
  check(GO_PROTOCOLS.includes(protocol), 'ERR_GO_PROTOCOL', `launch: --go needs --protocol flood or flood-echo (the Go nodes flood; other rules do not reach every node), not ${protocol}`);
  const goBinary = findGoBinary(flags.goBin);
  const goNodes = pickGoNodes(graph, flags.go!, seededRng(flags.seed, 'go'));
  const from = [...origins];
  // Messages typed at a Go node are half of what a mixed launch shows: have at least one.
  if (from.length >= 2 && !from.some((o) => goNodes.includes(o))) from[from.length - 1] = goNodes[0]!;
  const report = await interruptible((signal) =>
    runMixedLaunch({
      graph,
      names,
      origins: from,
      protocol,
      goNodes,
      goBinary,
      timeoutMs: flags.timeout * 1000,
      signal,
      ...verboseLog(flags.verbose),
    }),
  );
  const printedJson = emitTo(flags.json, () => JSON.stringify(report, null, 2) + '\n');
  if (!printedJson) process.stdout.write(renderGoLaunch(report, { protocol, topology, seed: flags.seed }));
  if (!report.allOnce) fail('launch: some node did not show some message exactly once (see above)', 1);
}
