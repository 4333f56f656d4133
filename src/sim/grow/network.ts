/**
 * Runs a membership protocol on the engine's DynamicTopology: nodes arrive, leave and crash, links
 * are opened and closed at simulated times, and every membership message is counted by type and
 * by bytes. One seeded generator drives latency and every protocol's random choices, and events
 * leave the queue in (time, sequence) order, so a seed fixes the whole run.
 *
 * It keeps the transport guarantees of src/core/membership/seam.ts: one link per pair; each open ends
 * once (link up at both ends, or failed); FIFO per link; messages sent before a close arrive before
 * the far end's link-down (the closing end lets go at once, the far end's half stays until then);
 * the closer gets no link-down. A crashed node's far ends hear of it one link delay later, and
 * hold the link until then. A protocol sees one flyweight port, re-aimed at the node whose event runs.
 */
import type { MembershipMsg } from '../../core/membership/messages.ts';
import { membershipMsgBytes } from '../../core/membership/messages.ts';
import { NO_LINK, type Address, type Membership, type MembershipPort, type OpenFailure } from '../../core/membership/seam.ts';
import { check } from '../../core/errors.ts';
import type { Rng } from '../../core/rng.ts';
import type { TimerToken } from '../../core/seam.ts';
import { ControlCounts } from '../engine/control-counts.ts';
import { HeapQueue } from '../engine/heap-queue.ts';
import { DynamicTopology } from '../topology/dynamic.ts';
import { HOLE } from '../topology/topology.ts';
import { HalfWords } from './half-words.ts';
import { NetPort } from './port.ts';

const OPEN = 1;
const OPEN_FAILED = 2;
const CONTROL = 3;
const CONTROL_TO = 4;
const CLOSE = 5;
const DOWN = 6;
const TIMER = 7;
const START = 8;

export interface NetOptions {
  readonly membership: Membership;
  /** Most nodes that will ever be added. */
  readonly maxNodes: number;
  readonly rng: Rng;
  /** One-way delay range in ms (default 1..10): each link's delay, a dial, a one-shot message. */
  readonly latency?: readonly [number, number];
  /** Told of joins, crashes, links and messages as they happen (the page's recorder); changes nothing. */
  readonly observer?: NetObserver;
}

/**
 * Watches a run without changing it (src/viz/grow-trace.ts records the page's replay with one).
 * Link calls are transport links: up at both ends, down when either end closes it (at once for
 * the closer, on arrival for the far end) or its far end crashed. Which links the overlay admits
 * can change in any handler, so `handled(u)` follows every event, after node u's handler (if any)
 * ran. Crash comes when the node goes; its links go as each far end hears of it (linkDown). A
 * graceful `leave` is not reported.
 */
export interface NetObserver {
  attach(net: MembershipNet): void;
  join(u: number, t: number): void;
  crash(u: number, t: number): void;
  linkUp(u: number, v: number, t: number): void;
  linkDown(u: number, v: number, t: number): void;
  message(type: string, t: number): void;
  handled(u: number, t: number): void;
}

export class MembershipNet {
  readonly topology: DynamicTopology;
  readonly membership: Membership;
  readonly rng: Rng;
  now = 0;
  /** Membership messages sent, by type, and their bytes under the size model. */
  private readonly sent = new ControlCounts();
  bytes = 0;
  /**
   * Bumped whenever the overlay may have changed: a link made, closed or lost, and (for a protocol
   * whose `admitted` decides which links count) every event. A check of the overlay that saw the
   * same version need not look again (repair.ts waits out stranded nodes' timers without rescanning).
   */
  version = 0;
  readonly entries: (Address | undefined)[] = [];
  readonly states: unknown[] = [];
  /** Per node: 1 once it has left gracefully (its links are closing; it handles no more events). */
  private readonly departed: Uint8Array;
  /** Per node: 1 once it crashed or left (one array read for `alive`, the check before every event). */
  private readonly gone: Uint8Array;
  /** Per half-edge: delay, far link index, closing (half-words.ts). */
  private readonly half: HalfWords;
  private readonly queue = new HeapQueue(1024);
  private seq = 0;
  private readonly port: NetPort;
  private readonly lo: number;
  private readonly span: number;
  private readonly observer: NetObserver | undefined;
  /** The protocol decides per link whether it is in the overlay (see `version`). */
  private readonly admits: boolean;

  constructor(o: NetOptions) {
    this.membership = o.membership;
    this.rng = o.rng;
    this.topology = new DynamicTopology(o.maxNodes, o.membership.linkSlots);
    this.departed = new Uint8Array(o.maxNodes);
    this.gone = new Uint8Array(o.maxNodes);
    const [lo, hi] = o.latency ?? [1, 10];
    check(lo >= 0 && hi >= lo, 'ERR_BAD_OPTION', `membership network: delays ${lo}..${hi} ms; need 0 <= lo <= hi`);
    this.half = new HalfWords(this.topology.slots, hi, o.membership.linkSlots);
    this.lo = lo;
    this.span = hi - lo;
    this.port = new NetPort(this);
    this.admits = o.membership.admitted !== undefined;
    this.observer = o.observer;
    this.observer?.attach(this);
  }

  /** Adds a node that joins through `entry` (none: a first node) at the current time. */
  addNode(entry?: Address): number {
    const u = this.topology.addNode();
    this.entries[u] = entry;
    this.states[u] = this.membership.init(this.at(u));
    this.liveNodes++;
    this.push(this.now, START, u, 0, 0, undefined);
    this.observer?.join(u, this.now);
    return u;
  }

  /** Nodes added and neither crashed nor departed. */
  liveNodes = 0;

  /** Membership messages sent so far. */
  get messages(): number {
    return this.sent.total;
  }

  /** Messages sent per type, types in first-sent order. */
  get counts(): Map<string, number> {
    return new Map(this.sent.entries());
  }

  alive(u: number): boolean {
    return u >= 0 && u < this.topology.order && this.gone[u] === 0;
  }

  /** A graceful departure: the node closes its links (the far ends see them go, after what it sent) and stops. */
  leave(u: number): void {
    if (!this.alive(u)) return;
    for (let l = 0; l < this.topology.linkCount(u); l++) this.close(u, l);
    this.departed[u] = 1;
    this.gone[u] = 1;
    this.liveNodes--;
  }

  /**
   * A crash: the node is gone now; each far end hears of it one link delay later (DOWN) and only then
   * loses its half, as a TCP peer holds its socket until it errors. Until then a far end still
   * counts the link, and what it sends over it is lost: so a node that loses several links at once
   * hears of them one by one, as it would on TCP, and replaces only what it is short of at each.
   */
  crash(u: number): void {
    const t = this.topology;
    if (!t.has(u)) return;
    if (this.departed[u] === 0) this.liveNodes--;
    for (let l = 0; l < t.linkCount(u); l++) {
      const h = u * t.stride + l;
      const v = t.targets[h]!;
      if (v === HOLE) continue;
      const tw = t.twins[h]!;
      // A far end that closed its half already hears nothing; its CLOSE, arriving here, removes the link.
      if (!this.half.closing(tw)) this.push(this.now + this.half.delay(h), DOWN, v, tw - v * t.stride, u, undefined);
      this.half.setClosing(h, true); // u's own half: nothing arrives over it any more (see dispatch)
    }
    t.retire(u);
    this.gone[u] = 1;
    this.version++;
    this.observer?.crash(u, this.now);
  }

  /** Runs events up to simulated time `until` (or until none are left). */
  run(until: number): void {
    const q = this.queue;
    const obs = this.observer;
    while (q.length > 0 && q.topTime <= until) {
      q.pop();
      this.now = q.time;
      const u = q.node;
      if (this.admits) this.version++;
      this.dispatch(q.kind, u, q.link, q.hop, q.obj);
      if (obs !== undefined) obs.handled(u, this.now);
    }
    if (Number.isFinite(until) && until > this.now) this.now = until;
  }

  get pending(): number {
    return this.queue.length;
  }

  /** The port aimed at node u. */
  at(u: number): MembershipPort {
    this.port.u = u;
    return this.port;
  }

  /**
   * The live neighbour over u's link, or undefined (a hole, or a link u has closed). Slots past
   * u's last used one are holes too, so the bound is the block's size, not linkCount (one read less).
   */
  peerOf(u: number, link: number): number | undefined {
    const t = this.topology;
    if (link < 0 || link >= t.stride) return undefined;
    const h = u * t.stride + link;
    const v = t.targets[h]!;
    return v === HOLE || this.half.closing(h) ? undefined : v;
  }

  open(u: number, to: Address): void {
    this.push(this.now + this.delay(), OPEN, u, 0, 0, to);
  }

  close(u: number, link: number): void {
    const t = this.topology;
    if (this.peerOf(u, link) === undefined) return;
    const h = u * t.stride + link;
    const v = t.targets[h]!;
    this.half.setClosing(h, true);
    this.version++;
    this.observer?.linkDown(u, v, this.now);
    this.push(this.now + this.half.delay(h), CLOSE, v, this.half.farLink(h), u, undefined);
  }

  control(u: number, link: number, msg: MembershipMsg): void {
    const t = this.topology;
    const v = this.peerOf(u, link);
    if (v === undefined) return; // a link that went down under the protocol: nothing leaves
    this.count(msg);
    const h = u * t.stride + link;
    this.push(this.now + this.half.delay(h), CONTROL, v, this.half.farLink(h), u, msg);
  }

  controlTo(_u: number, to: Address, msg: MembershipMsg): void {
    this.count(msg);
    this.push(this.now + this.delay(), CONTROL_TO, to as number, 0, 0, msg);
  }

  setTimer(u: number, delayMs: number, token: TimerToken): void {
    this.push(this.now + delayMs, TIMER, u, 0, 0, token);
  }

  private dispatch(kind: number, u: number, link: number, from: number, obj: unknown): void {
    const m = this.membership;
    // A message on a link, the common event, first: the link check also rules out a crashed or
    // departed receiver (its own halves are closing from then on), so it needs no `alive` read.
    if (kind === CONTROL) {
      if (this.peerOf(u, link) === from) m.onControl(this.at(u), link, obj as MembershipMsg);
      return;
    }
    if (kind === CLOSE || kind === DOWN) return this.farClose(u, link, from);
    if (!this.alive(u)) return;
    switch (kind) {
      case START:
        return m.onStart(this.at(u));
      case TIMER:
        return m.onTimer(this.at(u), obj as TimerToken);
      case OPEN:
        return this.completeOpen(u, obj as Address);
      case OPEN_FAILED: {
        const f = obj as { to: Address; why: OpenFailure };
        return m.onOpenFailed(this.at(u), f.to, f.why);
      }
      case CONTROL_TO:
        return m.onControl(this.at(u), NO_LINK, obj as MembershipMsg);
    }
  }

  /**
   * The far end of a link lets go: `from` closed it (CLOSE) or crashed (DOWN). The link goes at both
   * ends; u's protocol hears of it unless u is gone or had closed its own half (a closer gets no
   * link-down). A link already gone, or a slot reused since, is left alone.
   */
  private farClose(u: number, link: number, from: number): void {
    const t = this.topology;
    if (t.neighbour(u, link) !== from) return;
    const h = u * t.stride + link;
    const mine = this.half.closing(h);
    this.half.setClosing(h, false);
    this.half.setClosing(t.twins[h]!, false);
    t.removeLink(u, link);
    this.version++;
    this.observer?.linkDown(u, from, this.now);
    if (this.alive(u) && !mine) this.membership.onLinkDown(this.at(u), link, from);
  }

  private completeOpen(u: number, to: Address): void {
    const t = this.topology;
    const v = to as number;
    const fail = (why: OpenFailure, d: number): void => this.push(this.now + d, OPEN_FAILED, u, 0, 0, { to, why });
    if (typeof to !== 'number' || !this.alive(v) || v === u) return fail('unreachable', this.delay());
    if (this.linked(u, v) || this.linked(v, u)) return fail('linked', 0);
    const slots = this.membership.linkSlots;
    if (t.liveLinks(u) >= slots || t.liveLinks(v) >= slots) return fail('refused', this.delay());
    const [lu, lv] = t.addLink(u, v);
    this.version++;
    const d = this.delay();
    this.half.set(u * t.stride + lu, d, lv);
    this.half.set(v * t.stride + lv, d, lu);
    this.observer?.linkUp(u, v, this.now);
    this.membership.onLinkUp(this.at(v), lv, u);
    if (this.alive(u) && this.peerOf(u, lu) === v) this.membership.onLinkUp(this.at(u), lu, v);
  }

  /** True when u holds a link to v that it has not closed. */
  private linked(u: number, v: number): boolean {
    const t = this.topology;
    for (let l = 0; l < t.linkCount(u); l++) {
      const h = u * t.stride + l;
      if (t.targets[h] === v && !this.half.closing(h)) return true;
    }
    return false;
  }

  private count(msg: MembershipMsg): void {
    this.sent.add(msg.type);
    this.bytes += membershipMsgBytes(msg);
    this.observer?.message(msg.type, this.now);
  }

  private delay(): number {
    return this.lo + this.rng() * this.span;
  }

  private push(time: number, kind: number, node: number, link: number, hop: number, obj: unknown): void {
    this.queue.push(time, this.seq++, kind, node, link, hop, obj);
  }
}
