/**
 * A tiny deterministic network for driving membership protocols in tests: a seeded event loop over a
 * simple dynamic adjacency (per-node link slots, free slots reused). It keeps the transport guarantees
 * of src/core/membership/seam.ts (one link per pair, FIFO per link, messages sent before a close
 * arrive before the far end's link-down, the closer gets no link-down) and counts control messages.
 * The real simulator integration runs on the engine's dynamic topology; this stays in test/.
 */
import { membershipMsgBytes, type MembershipMsg } from '../../../src/core/membership/messages.ts';
import { NO_LINK, type Address, type Membership, type MembershipPort } from '../../../src/core/membership/seam.ts';
import type { TimerToken } from '../../../src/core/seam.ts';
import { seededRng } from '../../../src/sim/random.ts';

interface Edge {
  readonly a: number;
  readonly b: number;
  readonly sa: number;
  readonly sb: number;
  lastAB: number;
  lastBA: number;
  closed: boolean;
}
interface Node {
  alive: boolean;
  readonly slots: number[];
  readonly free: number[];
  state: unknown;
  readonly port: MembershipPort;
}
interface Event {
  readonly t: number;
  readonly seq: number;
  readonly fn: () => void;
}

export interface NetOptions {
  readonly seed: string | number;
  readonly membership: Membership;
  /** One-way delay range in ms (default 1..10). */
  readonly latency?: readonly [number, number];
  /** Called after every event (for invariants that must hold at all times). */
  readonly afterEvent?: (net: TestNet) => void;
}

export class TestNet {
  now = 0;
  readonly nodes: Node[] = [];
  readonly edges: Edge[] = [];
  readonly counts = new Map<string, number>();
  bytes = 0;
  private readonly pairs = new Map<number, number>();
  private readonly heap: Event[] = [];
  private seq = 0;
  private readonly rng: () => number;
  private readonly latency: readonly [number, number];

  constructor(readonly options: NetOptions) {
    this.rng = seededRng(options.seed, 'test-net');
    this.latency = options.latency ?? [1, 10];
  }

  get messages(): number {
    let n = 0;
    for (const c of this.counts.values()) n += c;
    return n;
  }

  /** Adds a node that joins through `entry` (none for the first) and starts it now. */
  addNode(entry?: number): number {
    const u = this.nodes.length;
    const net = this;
    const m = this.options.membership;
    const rng = seededRng(this.options.seed, `node-${u}`);
    const node: Node = {
      alive: true,
      slots: [],
      free: [],
      state: undefined,
      port: {
        self: u,
        entry,
        random: rng,
        get links() {
          return node.slots.length;
        },
        get state() {
          return node.state;
        },
        peer: (l) => net.peerOf(u, l),
        open: (to) => net.open(u, to),
        close: (l) => net.close(u, l),
        control: (l, msg) => net.control(u, l, msg),
        controlTo: (to, msg) => net.controlTo(u, to, msg),
        setTimer: (d, token) => net.at(d, () => node.alive && m.onTimer(node.port, token as TimerToken)),
      },
    };
    this.nodes.push(node);
    node.state = m.init(node.port);
    m.onStart(node.port);
    return u;
  }

  /** Crashes `u`: its links go down at the far ends after the messages already in flight. */
  kill(u: number): void {
    const node = this.nodes[u]!;
    node.alive = false;
    for (let l = 0; l < node.slots.length; l++) if (node.slots[l]! >= 0) this.close(u, l);
  }

  /** Runs events until the queue is empty or simulated time passes `until`. */
  run(until: number): void {
    while (this.heap.length > 0 && this.heap[0]!.t <= until) {
      const e = this.pop();
      this.now = e.t;
      e.fn();
      this.options.afterEvent?.(this);
    }
    this.now = Math.max(this.now, until);
  }

  /** Live peers of `u` by link slot. */
  neighbours(u: number): number[] {
    const out: number[] = [];
    const node = this.nodes[u]!;
    for (let l = 0; l < node.slots.length; l++) {
      const p = this.peerOf(u, l);
      if (p !== undefined) out.push(p as number);
    }
    return out;
  }

  /** Live undirected links as [a, b] pairs. */
  links(): [number, number][] {
    return this.edges.filter((e) => !e.closed).map((e) => [e.a, e.b]);
  }

  peerOf(u: number, l: number): Address | undefined {
    const id = this.nodes[u]!.slots[l];
    if (id === undefined || id < 0) return undefined;
    const e = this.edges[id]!;
    return e.a === u ? e.b : e.a;
  }

  private delay(): number {
    const [lo, hi] = this.latency;
    return lo + this.rng() * (hi - lo);
  }

  private at(d: number, fn: () => void): void {
    this.push({ t: this.now + d, seq: this.seq++, fn });
  }

  private count(msg: MembershipMsg): void {
    this.counts.set(msg.type, (this.counts.get(msg.type) ?? 0) + 1);
    this.bytes += membershipMsgBytes(msg);
  }

  private key(a: number, b: number): number {
    return Math.min(a, b) * 2 ** 22 + Math.max(a, b);
  }

  private slot(u: number, id: number): number {
    const node = this.nodes[u]!;
    const l = node.free.pop();
    if (l !== undefined) {
      node.slots[l] = id;
      return l;
    }
    node.slots.push(id);
    return node.slots.length - 1;
  }

  private open(u: number, to: Address): void {
    const m = this.options.membership;
    const v = to as number;
    this.at(this.delay(), () => {
      const node = this.nodes[u]!;
      if (!node.alive) return;
      const far = this.nodes[v];
      if (far === undefined || !far.alive || v === u) {
        this.at(this.delay(), () => node.alive && m.onOpenFailed(node.port, to, 'unreachable'));
        return;
      }
      if (this.pairs.has(this.key(u, v))) return m.onOpenFailed(node.port, to, 'linked');
      const id = this.edges.length;
      const sa = this.slot(u, id);
      const sb = this.slot(v, id);
      this.edges.push({ a: u, b: v, sa, sb, lastAB: 0, lastBA: 0, closed: false });
      this.pairs.set(this.key(u, v), id);
      m.onLinkUp(far.port, sb, u);
      m.onLinkUp(node.port, sa, v);
    });
  }

  private close(u: number, l: number): void {
    const node = this.nodes[u]!;
    const id = node.slots[l];
    if (id === undefined || id < 0) return;
    const e = this.edges[id]!;
    node.slots[l] = -1;
    node.free.push(l);
    if (e.closed) return; // the far end closed first and has already let go
    e.closed = true;
    this.pairs.delete(this.key(e.a, e.b));
    const [v, sv] = e.a === u ? [e.b, e.sb] : [e.a, e.sa];
    const t = Math.max(this.now + this.delay(), e.a === u ? e.lastAB : e.lastBA);
    this.push({
      t,
      seq: this.seq++,
      fn: () => {
        const far = this.nodes[v]!;
        if (far.slots[sv] !== id) return;
        far.slots[sv] = -1;
        far.free.push(sv);
        if (far.alive) this.options.membership.onLinkDown(far.port, sv, u);
      },
    });
  }

  private control(u: number, l: number, msg: MembershipMsg): void {
    const id = this.nodes[u]!.slots[l];
    if (id === undefined || id < 0) throw new Error(`node ${u} sent ${msg.type} on free link ${l}`);
    this.count(msg);
    const e = this.edges[id]!;
    const fwd = e.a === u;
    const t = Math.max(this.now + this.delay(), fwd ? e.lastAB : e.lastBA);
    if (fwd) e.lastAB = t;
    else e.lastBA = t;
    const [v, sv] = fwd ? [e.b, e.sb] : [e.a, e.sa];
    this.push({
      t,
      seq: this.seq++,
      fn: () => {
        const far = this.nodes[v]!;
        if (far.alive && far.slots[sv] === id) this.options.membership.onControl(far.port, sv, msg);
      },
    });
  }

  private controlTo(u: number, to: Address, msg: MembershipMsg): void {
    this.count(msg);
    const far = this.nodes[to as number];
    this.at(this.delay(), () => far?.alive && this.options.membership.onControl(far.port, NO_LINK, msg));
  }

  private push(e: Event): void {
    const h = this.heap;
    h.push(e);
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!before(h[i]!, h[p]!)) break;
      [h[i], h[p]] = [h[p]!, h[i]!];
      i = p;
    }
  }

  private pop(): Event {
    const h = this.heap;
    const top = h[0]!;
    const last = h.pop()!;
    if (h.length > 0) {
      h[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && before(h[l]!, h[m]!)) m = l;
        if (r < h.length && before(h[r]!, h[m]!)) m = r;
        if (m === i) break;
        [h[i], h[m]] = [h[m]!, h[i]!];
        i = m;
      }
    }
    return top;
  }
}

const before = (x: Event, y: Event): boolean => x.t < y.t || (x.t === y.t && x.seq < y.seq);
