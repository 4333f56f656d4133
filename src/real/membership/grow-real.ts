/**
 * `launch --grow` on real sockets: N nodes on 127.0.0.1 (in this process, or one OS process each)
 * join one by one through the first (no generated graph), settle, and flood messages one at a time.
 * With a kill list (processes only), those nodes are then SIGKILLed at once; the survivors repair,
 * and once they have settled again more messages are flooded from survivors. Returns each graph
 * the nodes built, read from their membership links, and each message's real counts, for the CLI
 * to set beside the simulator's run on that same graph (src/real imports nothing from src/sim).
 */
import { labAdmission } from '../../core/admission.ts';
import { parseProtocol } from '../../core/protocols/index.ts';
import type { NodeStats } from '../node.ts';
import { checkProcessCount, closeWorkers, forkWorker } from '../process-cluster.ts';
import { startMemberNode } from './start.ts';

/** What the run needs of one member node, in this process or in a child. */
export interface Member {
  readonly port: number;
  /** Its membership peers, '127.0.0.1:port'. */
  peers(): Promise<string[]>;
  stats(): Promise<NodeStats>;
  originate(text: string): Promise<{ id: string }>;
  /** Ends it with no goodbye (processes only). */
  crash?(): Promise<void>;
}

export interface GrowRealOptions {
  readonly nodes: number;
  readonly want: number;
  readonly overlay: string;
  readonly protocol: string;
  /** One OS process per node (needed for `kill`). */
  readonly processes?: boolean;
  /** Origins of the messages, flooded one after another. */
  readonly origins: readonly number[];
  /** Nodes to SIGKILL after the first messages, and origins (survivors) of the messages after repair. */
  readonly kill?: { readonly victims: readonly number[]; readonly origins: readonly number[] };
  readonly timeoutMs: number;
  readonly log?: (line: string) => void;
}

export interface Flooded {
  readonly origin: number;
  /** The links it was flooded over (unchanged from before it was sent until it went quiet). */
  readonly pairs: readonly (readonly [number, number])[];
  readonly sends: number;
  /** Nodes that delivered it (live ones only after a kill). */
  readonly reached: number;
}

/** One settled network: its links as (u, v), u < v, by node index (the dead have none), as first settled. */
export interface Round {
  readonly pairs: readonly (readonly [number, number])[];
  /** From the joins (or the kill) until the links stopped changing, ms (the last steady second excluded). */
  readonly settleMs: number;
  readonly perMessage: readonly Flooded[];
}

export interface GrowRealResult {
  readonly order: number;
  readonly grown: Round;
  /** After the kill: the killed nodes and the repaired network (absent without `kill`). */
  readonly repaired?: Round & { readonly killed: readonly number[] };
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Polls `ok` every 50 ms; throws after `ms`. */
async function until(ok: () => Promise<boolean>, ms: number, what: string): Promise<void> {
  const end = Date.now() + ms;
  while (!(await ok())) {
    if (Date.now() > end) throw new Error(`launch --grow: ${what} within ${ms} ms`);
    await sleep(50);
  }
}

export async function growReal(o: GrowRealOptions): Promise<GrowRealResult> {
  if (o.processes) checkProcessCount(o.nodes);
  const members: Member[] = [];
  const closers: (() => Promise<void>)[] = [];
  const got: Set<string>[] = Array.from({ length: o.nodes }, () => new Set());
  const deadline = Date.now() + o.timeoutMs;
  const left = (): number => Math.max(0, deadline - Date.now());
  const live = new Set(Array.from({ length: o.nodes }, (_, i) => i));
  try {
    for (let i = 0; i < o.nodes; i++) {
      const join = i === 0 ? undefined : members[0]!.port;
      const onDeliver = (id: string): void => void got[i]!.add(id);
      const m = o.processes ? await startChild(o, i, join, onDeliver, closers) : await startHere(o, i, join, onDeliver, closers);
      members.push(m);
    }
    const address = members.map((x) => `127.0.0.1:${x.port}`);
    const round = async (origins: readonly number[]): Promise<Round> => {
      const started = Date.now();
      await settle(members, live, address, o, left());
      const settleMs = Date.now() - started - 1_000;
      const perMessage: Flooded[] = [];
      for (const origin of origins) perMessage.push(await floodOnStillGraph(members, live, address, got, origin, o, left));
      return { pairs: perMessage[0]?.pairs ?? (await linkPairs(members, live, address)).pairs, settleMs, perMessage };
    };
    const grown = await round(o.origins);
    if (!o.kill) return { order: o.nodes, grown };
    await Promise.all(o.kill.victims.map((v) => members[v]!.crash!()));
    for (const v of o.kill.victims) live.delete(v);
    return { order: o.nodes, grown, repaired: { ...(await round(o.kill.origins)), killed: o.kill.victims } };
  } finally {
    await Promise.all(closers.map((c) => c()));
  }
}

/**
 * Waits until every live node's links are membership links to live nodes, each node has K of
 * them (HyParView promises only at most K: at least 1), and nothing changed for a second.
 */
async function settle(members: readonly Member[], live: ReadonlySet<number>, address: readonly string[], o: GrowRealOptions, ms: number): Promise<void> {
  const need = o.overlay === 'hyparview' ? 1 : Math.min(o.want, live.size - 1);
  const liveAddress = new Set([...live].map((u) => address[u]!));
  let last = '';
  let since = Date.now();
  let short: string[] = [];
  try {
    await until(
      async () => {
        const views = await Promise.all([...live].map(async (u) => ({ u, peers: (await members[u]!.peers()).sort(), links: (await members[u]!.stats()).peers })));
        const now = views.map((v) => v.peers.join(',')).join(';');
        short = views
          .filter((v) => v.peers.length < need || v.links !== v.peers.length || !v.peers.every((p) => liveAddress.has(p)))
          .map((v) => `n${v.u} (${v.peers.filter((p) => liveAddress.has(p)).length} of ${need} links)`);
        if (now !== last || short.length > 0) (last = now), (since = Date.now());
        return Date.now() - since >= 1_000;
      },
      ms,
      'the network did not settle',
    );
  } catch (err) {
    // Say who was short: under blog, a survivor whose neighbours and learned addresses all died stays so.
    throw short.length > 0 ? new Error(`${(err as Error).message}; still short: ${short.slice(0, 8).join(', ')}${short.length > 8 ? ', …' : ''}`) : err;
  }
}

/** The live nodes' links as (u, v), u < v, and a key that also changes when a node holds a link that is not a membership link. */
async function linkPairs(members: readonly Member[], live: ReadonlySet<number>, address: readonly string[]): Promise<{ pairs: [number, number][]; key: string }> {
  const pairs: [number, number][] = [];
  const extra: number[] = [];
  for (const u of live) {
    const peers = await members[u]!.peers();
    extra.push((await members[u]!.stats()).peers - peers.length);
    for (const p of peers) {
      const v = address.indexOf(p);
      if (v > u) pairs.push([u, v]);
    }
  }
  pairs.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  return { pairs, key: `${pairs.join(';')}|${extra.join(',')}` };
}

/** Tries to flood a message over a graph that stays still while it spreads (HyParView may still be changing links). */
const STILL_TRIES = 5;

/**
 * Floods one message from `origin` over links that did not change while it spread: if they did
 * (a link made or dropped mid-flood, so no single graph explains the counts), the network settles
 * again and a new message is sent, up to STILL_TRIES times.
 */
async function floodOnStillGraph(
  members: readonly Member[],
  live: ReadonlySet<number>,
  address: readonly string[],
  got: readonly Set<string>[],
  origin: number,
  o: GrowRealOptions,
  left: () => number,
): Promise<Flooded> {
  for (let tries = 1; ; tries++) {
    const before = await linkPairs(members, live, address);
    const sent = await floodOne(members, live, got, origin, left());
    const after = await linkPairs(members, live, address);
    if (before.key === after.key) return { ...sent, pairs: before.pairs };
    if (tries === STILL_TRIES) throw new Error(`launch --grow: the links kept changing while messages spread (${STILL_TRIES} tries from n${origin})`);
    o.log?.(`launch --grow: links changed while a message from n${origin} spread; settling and sending another`);
    await settle(members, live, address, o, left());
  }
}

/** Floods one message from `origin` and waits until no live node has sent anything for 300 ms. */
async function floodOne(members: readonly Member[], live: ReadonlySet<number>, got: readonly Set<string>[], origin: number, ms: number): Promise<Omit<Flooded, 'pairs'>> {
  const sentNow = async (): Promise<number[]> => Promise.all([...live].map(async (u) => (await members[u]!.stats()).sent));
  const before = await sentNow();
  const { id } = await members[origin]!.originate(`grow message from n${origin}`);
  let sent = -1;
  let quietSince = Date.now();
  let after = before;
  await until(
    async () => {
      after = await sentNow();
      const total = after.reduce((s, x) => s + x, 0);
      if (total !== sent) (sent = total), (quietSince = Date.now());
      return Date.now() - quietSince >= 300;
    },
    ms,
    'a flood did not go quiet',
  );
  const sends = after.reduce((s, x, i) => s + x - before[i]!, 0);
  return { origin, sends, reached: [...live].filter((u) => got[u]!.has(id)).length };
}

type Start = (o: GrowRealOptions, i: number, join: number | undefined, onDeliver: (id: string) => void, closers: (() => Promise<void>)[]) => Promise<Member>;

const startHere: Start = async (o, i, join, onDeliver, closers) => {
  const options = {
    name: `n${i}`,
    protocol: parseProtocol(o.protocol),
    port: 0,
    admission: labAdmission(o.nodes),
    onDeliver: (msg: { id: unknown }) => onDeliver(String(msg.id)),
    ...(o.log ? { log: (line: string) => o.log!(`n${i}: ${line}`) } : {}),
  };
  const x = await startMemberNode(options, { overlay: o.overlay, want: o.want, join: join === undefined ? undefined : `127.0.0.1:${join}` });
  closers.push(() => x.close());
  return {
    port: x.node.port,
    peers: () => Promise.resolve(x.membership.peers()),
    stats: () => Promise.resolve(x.node.stats()),
    originate: (text) => Promise.resolve({ id: String(x.node.originate(text).id) }),
  };
};

const startChild: Start = async (o, i, join, onDeliver, closers) => {
  const w = forkWorker(`n${i}`, o.protocol, onDeliver, o.log, { overlay: o.overlay, want: o.want, join });
  closers.push(() => closeWorkers([w.child]));
  return w.started;
};
