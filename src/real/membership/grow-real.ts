/**
 * `launch --grow` on real sockets: N nodes in this process on 127.0.0.1 join one by one through the
 * first (no generated graph), settle, and flood messages one at a time. Returns the graph they
 * built, read from each node's membership links, and each message's real counts, for the CLI to
 * set beside the simulator's run on that same graph (src/real imports nothing from src/sim).
 */
import { labAdmission } from '../../core/admission.ts';
import { parseProtocol } from '../../core/protocols/index.ts';
import { startMemberNode, type MemberNode } from './start.ts';

export interface GrowRealOptions {
  readonly nodes: number;
  readonly want: number;
  readonly overlay: string;
  readonly protocol: string;
  /** Origins of the messages, flooded one after another. */
  readonly origins: readonly number[];
  readonly timeoutMs: number;
  readonly log?: (line: string) => void;
}

export interface GrowRealResult {
  readonly order: number;
  /** Each link once, as (u, v) with u < v, by node index. */
  readonly pairs: readonly (readonly [number, number])[];
  readonly settleMs: number;
  readonly perMessage: readonly { readonly origin: number; readonly sends: number; readonly reached: number }[];
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Polls `ok` every 50 ms; throws after `ms`. */
async function until(ok: () => boolean, ms: number, what: string): Promise<void> {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error(`launch --grow: ${what} within ${ms} ms`);
    await sleep(50);
  }
}

export async function growReal(o: GrowRealOptions): Promise<GrowRealResult> {
  const nodes: MemberNode[] = [];
  const got: Set<string>[] = [];
  const deadline = Date.now() + o.timeoutMs;
  const left = (): number => Math.max(0, deadline - Date.now());
  const protocol = parseProtocol(o.protocol);
  try {
    for (let i = 0; i < o.nodes; i++) {
      got.push(new Set());
      const join = i === 0 ? undefined : `127.0.0.1:${nodes[0]!.node.port}`;
      const options = {
        name: `n${i}`,
        protocol,
        port: 0,
        admission: labAdmission(o.nodes),
        onDeliver: (msg: { id: unknown }) => void got[i]!.add(String(msg.id)),
        ...(o.log ? { log: (line: string) => o.log!(`n${i}: ${line}`) } : {}),
      };
      nodes.push(await startMemberNode(options, { overlay: o.overlay, want: o.want, join }));
    }
    const started = Date.now();
    const address = nodes.map((x) => `127.0.0.1:${x.node.port}`);
    // blog promises K links each; HyParView only at most K (a node among full views may stay short).
    const need = o.overlay === 'hyparview' ? 1 : Math.min(o.want, o.nodes - 1);
    const snapshot = (): string => nodes.map((x) => x.membership.peers().slice().sort().join(',')).join(';');
    // Settled: every node at K (or N − 1; HyParView: at least 1), no link that is not a membership link, and nothing changed for a second.
    const steady = (): boolean => nodes.every((x) => x.membership.peers().length >= need && x.node.stats().peers === x.membership.peers().length);
    let last = '';
    let since = Date.now();
    await until(
      () => {
        const now = snapshot();
        if (now !== last || !steady()) (last = now), (since = Date.now());
        return Date.now() - since >= 1_000;
      },
      left(),
      'the network did not settle',
    );
    const settleMs = Date.now() - started - 1_000;
    const pairs: [number, number][] = [];
    nodes.forEach((x, u) => {
      for (const p of x.membership.peers()) {
        const v = address.indexOf(p);
        if (v > u) pairs.push([u, v]);
      }
    });
    const perMessage = [];
    for (const origin of o.origins) {
      const before = nodes.map((x) => x.node.stats().sent);
      const id = String(nodes[origin]!.node.originate(`grow message from n${origin}`).id);
      // Quiet: no send anywhere for 300 ms after the last delivery.
      let sent = -1;
      let quietSince = Date.now();
      await until(
        () => {
          const now = nodes.reduce((s, x) => s + x.node.stats().sent, 0);
          if (now !== sent) (sent = now), (quietSince = Date.now());
          return Date.now() - quietSince >= 300;
        },
        left(),
        'a flood did not go quiet',
      );
      perMessage.push({ origin, sends: nodes.reduce((s, x, i) => s + x.node.stats().sent - before[i]!, 0), reached: got.filter((g) => g.has(id)).length });
    }
    return { order: o.nodes, pairs, settleMs, perMessage };
  } finally {
    await Promise.all(nodes.map((x) => x.close()));
  }
}
