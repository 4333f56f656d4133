/**
 * `floodlab launch --grow -n N --want K [--overlay blog|hyparview] [--processes [--kill F]]`: real
 * nodes join one by one through the first, by the membership protocol (no generated graph),
 * settle, and flood --messages messages; then the simulator floods the same messages on the graph
 * the real nodes actually built (read from each node's links), and every count must match: the
 * exact flood count 2E − (N − 1) of the origin's component. With --kill F (one process per node),
 * ⌊F·N⌋ random node processes are SIGKILLed at once; the survivors repair, --messages more are
 * flooded from survivors, and every survivor must get every one of them, with counts again equal to
 * the simulator's on the repaired graph. Exits 1 on any mismatch or a survivor left out. --json
 * prints (or writes) the same figures as one object.
 */
import { InputError } from '../core/errors.ts';
import { degreeCounts } from '../core/graph/degrees.ts';
import { makeMembership } from '../core/membership/index.ts';
import { parseProtocol } from '../core/protocols/index.ts';
import type { Protocol } from '../core/seam.ts';
import { growReal, type Round } from '../real/membership/grow-real.ts';
import { MAX_PROCESSES } from '../real/process-cluster.ts';
import { simulate } from '../sim/engine/engine.ts';
import { pickDistinct } from '../sim/grow/reliability.ts';
import { parseLatency } from '../sim/latency.ts';
import { seededRng } from '../sim/random.ts';
import { components } from '../sim/topology/components.ts';
import { toCsr } from '../sim/topology/csr.ts';
import { edgeListFromPairs } from '../sim/topology/edge-list.ts';
import { fail } from './action.ts';
import { interruptible, verboseLog } from './interruptible.ts';
import { checkOutputs, emitTo, type OutputFlag } from './output.ts';
import { countsAreExact } from './render/launch.ts';

/** Largest N grown on real sockets in one process (each joins one after another). */
export const MAX_GROW = 200;

export interface LaunchGrowFlags {
  readonly nodes: number;
  readonly want: number;
  readonly overlay: string;
  readonly messages: number;
  readonly protocol: string;
  readonly seed: string;
  readonly timeout: number;
  readonly processes?: boolean;
  readonly kill?: number;
  readonly json?: OutputFlag;
  readonly verbose?: boolean;
}

export async function launchGrow(flags: LaunchGrowFlags): Promise<void> {
  checkOutputs({ '--json': flags.json });
  const max = flags.processes ? MAX_PROCESSES : MAX_GROW;
  if (flags.nodes > max) throw new InputError('ERR_TOO_MANY_NODES', `launch --grow: --nodes ${flags.nodes} is over ${max} (nodes join one at a time over real sockets)`);
  if (flags.want >= flags.nodes)
    throw new InputError('ERR_BAD_WANT', `launch --grow: --want ${flags.want} must be below --nodes ${flags.nodes} (a node cannot keep more links than there are other nodes)`);
  if (flags.kill !== undefined && !flags.processes) throw new InputError('ERR_BAD_OPTION', `launch --grow: --kill ${flags.kill} needs --processes (a node is killed as an OS process, with SIGKILL)`);
  makeMembership(flags.overlay, flags.want); // a bad overlay is one line before any socket
  const protocol = parseProtocol(flags.protocol);
  const pick = seededRng(flags.seed, 'origins');
  const origins = (among: readonly number[]): number[] => Array.from({ length: flags.messages }, () => among[Math.floor(pick() * among.length)]!);
  const everyone = Array.from({ length: flags.nodes }, (_, i) => i);
  const victims = flags.kill === undefined ? [] : Array.from(pickDistinct(flags.nodes, Math.floor(flags.kill * flags.nodes), seededRng(flags.seed, 'kill')));
  if (flags.kill !== undefined && (victims.length === 0 || victims.length > flags.nodes - 2))
    throw new InputError('ERR_BAD_OPTION', `launch --grow: --kill ${flags.kill} of ${flags.nodes} nodes kills ${victims.length}; it must kill at least 1 and leave at least 2`);
  const survivors = everyone.filter((u) => !victims.includes(u));
  const real = await interruptible(() =>
    growReal({
      nodes: flags.nodes,
      want: flags.want,
      overlay: flags.overlay,
      protocol: protocol.name,
      processes: flags.processes === true,
      origins: origins(everyone),
      ...(victims.length > 0 ? { kill: { victims, origins: origins(survivors) } } : {}),
      timeoutMs: flags.timeout * 1000,
      ...verboseLog(flags.verbose),
    }),
  );
  const grown = checkRound(real.grown, real.order, protocol, flags.seed);
  const repaired = real.repaired ? { killed: real.repaired.killed, ...checkRound(real.repaired, real.order, protocol, flags.seed) } : undefined;
  const bad = [...grown.bad, ...(repaired?.bad.map((b) => `after repair, ${b}`) ?? [])];
  const live = real.order - (repaired?.killed.length ?? 0);
  repaired?.messages.forEach((m, k) => {
    if (m.real.reached !== live) bad.push(`after repair, message ${k + 1} from n${m.origin} reached ${m.real.reached} of the ${live} survivors`);
  });
  const how = flags.processes ? 'node processes' : 'real nodes';
  const json = {
    nodes: real.order,
    want: flags.want,
    overlay: flags.overlay,
    protocol: protocol.name,
    processes: flags.processes === true,
    grown: strip(grown),
    ...(repaired ? { repaired: { survivors: live, repairMs: repaired.settleMs, ...strip(repaired) } } : {}),
    ok: bad.length === 0,
    problems: bad,
  };
  const printedJson = emitTo(flags.json, () => `${JSON.stringify(json, null, 2)}\n`);
  if (!printedJson) {
    const out = [`grew ${real.order} ${how} through one entry by ${flags.overlay} (want ${flags.want}); settled in ${(grown.settleMs / 1000).toFixed(1)} s`, ...roundLines(grown, '')];
    if (repaired)
      out.push(
        '',
        `killed ${repaired.killed.length} of ${real.order} with SIGKILL (${repaired.killed.map((u) => `n${u}`).join(', ')}); the ${live} survivors repaired in ${(repaired.settleMs / 1000).toFixed(1)} s`,
        ...roundLines(repaired, 'after repair, '),
      );
    process.stdout.write(out.join('\n') + '\n');
  }
  if (bad.length > 0) fail(`launch --grow: ${bad.length} check${bad.length === 1 ? '' : 's'} failed:\n  ${bad.join('\n  ')}`, 1);
  if (printedJson) return;
  if (countsAreExact(protocol.name))
    process.stdout.write(
      `OK: on each graph the real nodes built, real ${protocol.name} sent exactly what the simulator predicts, for every message${repaired ? ', and every survivor got every message sent after repair' : ''}.\n`,
    );
  else if (repaired) process.stdout.write('OK: every survivor got every message sent after repair.\n');
}

/** One settled network, checked: its links, and each message's real counts beside the simulator's and the formula. */
interface CheckedRound {
  readonly links: number;
  readonly degree: { readonly min: number; readonly mean: number; readonly max: number };
  readonly components: number;
  readonly settleMs: number;
  readonly messages: readonly {
    readonly origin: number;
    readonly real: { readonly sends: number; readonly reached: number };
    readonly simulator: { readonly sends: number; readonly reached: number };
    /** 2E − (N − 1) of the origin's component, on the graph this message spread over. */
    readonly formula: number;
  }[];
  readonly bad: readonly string[];
}

const strip = ({ bad: _bad, ...rest }: CheckedRound): Omit<CheckedRound, 'bad'> => rest;

/** Runs the simulator on the graph each message spread over and compares; `bad` lists the mismatches. */
function checkRound(round: Round, order: number, protocol: Protocol, seed: string): CheckedRound {
  const graph = edgeListFromPairs(order, round.pairs);
  const comp0 = components(graph);
  const degrees = degreeCounts(graph).filter((d) => d > 0);
  const bad: string[] = [];
  const messages = round.perMessage.map((m, k) => {
    // Each message on the graph it spread over (the same as the round's unless links changed between messages).
    const g = m.pairs === round.pairs ? graph : edgeListFromPairs(order, m.pairs);
    const s = simulate(toCsr(g), protocol, { latency: parseLatency('constant'), rng: seededRng(seed, 'engine'), origins: [m.origin] }).perMessage[0]!;
    const comp = g === graph ? comp0 : components(g);
    const c = comp.of[m.origin]!;
    const formula = 2 * comp.edges[c]! - (comp.nodes[c]! - 1);
    if (countsAreExact(protocol.name) && (m.sends !== s.sends || m.reached !== s.reached))
      bad.push(`message ${k + 1}: real ${m.sends} sends / ${m.reached} reached, simulator ${s.sends} / ${s.reached}`);
    if (protocol.name === 'flood' && m.sends !== formula) bad.push(`message ${k + 1}: real ${m.sends} sends, the formula ${formula}`);
    return { origin: m.origin, real: { sends: m.sends, reached: m.reached }, simulator: { sends: s.sends, reached: s.reached }, formula };
  });
  return {
    links: round.pairs.length,
    degree: { min: Math.min(...degrees), mean: (2 * round.pairs.length) / degrees.length, max: Math.max(...degrees) },
    components: comp0.nodes.filter((n) => n > 1).length,
    settleMs: round.settleMs,
    messages,
    bad,
  };
}

function roundLines(r: CheckedRound, when: string): string[] {
  return [
    `links: ${r.links}; per node min ${r.degree.min}, mean ${r.degree.mean.toFixed(2)}, max ${r.degree.max}; components ${r.components}`,
    ...r.messages.map(
      (m, k) =>
        `${when}message ${k + 1} from n${m.origin}: real ${m.real.sends} sends, reached ${m.real.reached}; simulator ${m.simulator.sends}, reached ${m.simulator.reached}; 2E − (N − 1) = ${m.formula}`,
    ),
  ];
}
