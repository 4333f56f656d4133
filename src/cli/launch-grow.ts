/**
 * `floodlab launch --grow -n N --want K [--overlay blog|hyparview]`: real nodes join one by one
 * through the first, by the membership protocol (no generated graph), settle, and flood
 * --messages messages; then the simulator floods the same messages on the graph the real nodes
 * actually built (read from each node's links), and every count must match: the exact flood
 * count 2E − (N − 1) of the origin's component. Exits 1 on a mismatch.
 */
import { InputError } from '../core/errors.ts';
import { degreeCounts } from '../core/graph/degrees.ts';
import { makeMembership } from '../core/membership/index.ts';
import { parseProtocol } from '../core/protocols/index.ts';
import { growReal } from '../real/membership/grow-real.ts';
import { simulate } from '../sim/engine/engine.ts';
import { parseLatency } from '../sim/latency.ts';
import { seededRng } from '../sim/random.ts';
import { components } from '../sim/topology/components.ts';
import { toCsr } from '../sim/topology/csr.ts';
import { edgeListFromPairs } from '../sim/topology/edge-list.ts';
import { fail } from './action.ts';
import { interruptible, verboseLog } from './interruptible.ts';
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
  readonly verbose?: boolean;
}

export async function launchGrow(flags: LaunchGrowFlags): Promise<void> {
  if (flags.nodes > MAX_GROW) throw new InputError('ERR_TOO_MANY_NODES', `launch --grow: --nodes ${flags.nodes} is over ${MAX_GROW} (nodes join one at a time over real sockets)`);
  if (flags.want >= flags.nodes)
    throw new InputError('ERR_BAD_WANT', `launch --grow: --want ${flags.want} must be below --nodes ${flags.nodes} (a node cannot keep more links than there are other nodes)`);
  makeMembership(flags.overlay, flags.want); // a bad overlay is one line before any socket
  const protocol = parseProtocol(flags.protocol);
  const pick = seededRng(flags.seed, 'origins');
  const origins = Array.from({ length: flags.messages }, () => Math.floor(pick() * flags.nodes));
  const real = await interruptible(() =>
    growReal({
      nodes: flags.nodes,
      want: flags.want,
      overlay: flags.overlay,
      protocol: protocol.name,
      origins,
      timeoutMs: flags.timeout * 1000,
      ...verboseLog(flags.verbose),
    }),
  );
  const graph = edgeListFromPairs(real.order, real.pairs);
  const sim = simulate(toCsr(graph), protocol, { latency: parseLatency('constant'), rng: seededRng(flags.seed, 'engine'), origins });
  const comp = components(graph);
  const degrees = degreeCounts(graph);
  const out: string[] = [];
  out.push(`grew ${real.order} real nodes through one entry by ${flags.overlay} (want ${flags.want}); settled in ${(real.settleMs / 1000).toFixed(1)} s`);
  out.push(`links: ${real.pairs.length}; per node min ${Math.min(...degrees)}, mean ${((2 * real.pairs.length) / real.order).toFixed(2)}, max ${Math.max(...degrees)}; components ${comp.count}`);
  const bad: string[] = [];
  real.perMessage.forEach((m, k) => {
    const s = sim.perMessage[k]!;
    const c = comp.of[m.origin]!;
    const formula = 2 * comp.edges[c]! - (comp.nodes[c]! - 1);
    out.push(`message ${k + 1} from n${m.origin}: real ${m.sends} sends, reached ${m.reached}; simulator ${s.sends}, reached ${s.reached}; 2E − (N − 1) = ${formula}`);
    if (countsAreExact(protocol.name) && (m.sends !== s.sends || m.reached !== s.reached))
      bad.push(`message ${k + 1}: real ${m.sends} sends / ${m.reached} reached, simulator ${s.sends} / ${s.reached}`);
    if (protocol.name === 'flood' && m.sends !== formula) bad.push(`message ${k + 1}: real ${m.sends} sends, the formula ${formula}`);
  });
  process.stdout.write(out.join('\n') + '\n');
  if (bad.length > 0) fail(`launch --grow: real counts differ from the simulator's on the grown graph:\n  ${bad.join('\n  ')}`, 1);
  if (countsAreExact(protocol.name))
    process.stdout.write(`OK: on the graph the real nodes built, real ${protocol.name} sent exactly what the simulator predicts, for each of the ${real.perMessage.length} messages.\n`);
}
