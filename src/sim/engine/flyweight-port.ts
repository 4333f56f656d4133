/**
 * The Port the engine hands to protocols: one object for the whole graph, rebound to the node
 * being served before each call. A class (not a closure per run) so that the protocols' call
 * sites see one hidden class and one set of method identities across runs and stay inlined.
 * It is also where sends are counted and put on the event queue.
 */
import type { Msg } from '../../core/message.ts';
import type { Rng } from '../../core/rng.ts';
import type { Port } from '../../core/seam.ts';
import type { Csr } from '../topology/csr.ts';
import type { EngineObserver } from './engine.ts';
import type { EventQueue } from './event-queue.ts';

/** Draws the delay (µs) of a transmission over half-edge h. */
export type DelayFn = (h: number) => number;

/** What a node's byte in `seen` says about the message in flight. */
export const UNSEEN = 0;
/** A copy is on its way (hop-synchronous shortcut only): it is certain to be the first. */
export const QUEUED = 1;
export const SEEN = 2;

export class FlyweightPort implements Port {
  /** Links of the node being served. */
  links = 0;
  /** The node being served, its first half-edge, and the hop and time it is served at. */
  node = 0;
  base = 0;
  hop = 0;
  time = 0;
  /** Index of the message in flight (messages run one after another). */
  message = 0;
  /** Counts for the message in flight. */
  sends = 0;
  reached = 0;
  /** Duplicates counted at send time (see `shortcut`). */
  early = 0;
  /** UNSEEN, QUEUED or SEEN per node; one byte so it stays in cache at 10^6 nodes. */
  readonly seen: Uint8Array;
  readonly duplicatesPerNode: Uint32Array;
  readonly firstHop: Int32Array;
  readonly firstTime: Float64Array;
  readonly sendsPerNode: Uint32Array;
  /**
   * For the shortcut when delays vary: the earliest arrival queued (or served) per node,
   * +Infinity when none. Both queues serve events of equal time in push order, so a copy
   * arriving no earlier than that one is certain to find the message seen: a duplicate, known
   * at send time. With a constant delay every later copy arrives no earlier, so the QUEUED
   * mark in `seen` says the same with one byte. Either way about one event per node is queued.
   */
  private readonly earliest: Float64Array;
  private readonly targets: Int32Array;
  private readonly twins: Int32Array;

  constructor(
    csr: Csr,
    private readonly queue: EventQueue,
    /** Constant delay in µs, or 0 when `delay` must be drawn. */
    private readonly fixed: number,
    private readonly delay: DelayFn,
    readonly random: Rng,
    private readonly observer: EngineObserver | undefined,
    /**
     * When the protocol ignores duplicates and nobody watches events, a copy that cannot be the
     * first to reach its node is counted as a duplicate at once instead of being queued: it
     * could only ever be dropped. This keeps the queue to the copies that can matter.
     */
    private readonly shortcut: boolean,
  ) {
    this.targets = csr.targets;
    this.twins = csr.twins;
    this.seen = new Uint8Array(csr.order);
    this.firstHop = new Int32Array(csr.order);
    this.firstTime = new Float64Array(csr.order);
    this.sendsPerNode = new Uint32Array(csr.order);
    this.duplicatesPerNode = new Uint32Array(csr.order);
    this.earliest = new Float64Array(shortcut && fixed === 0 ? csr.order : 0);
  }

  /** Clears the per-message state before message k. */
  startMessage(k: number): void {
    this.message = k;
    this.sends = 0;
    this.reached = 0;
    this.early = 0;
    this.seen.fill(UNSEEN);
    this.firstHop.fill(-1);
    this.firstTime.fill(-1);
    this.earliest.fill(Infinity);
  }

  /** Points the port at node u (first half-edge base, `links` links) at a hop and time. */
  bind(u: number, base: number, links: number, hop: number, time: number): void {
    this.node = u;
    this.base = base;
    this.links = links;
    this.hop = hop;
    this.time = time;
  }

  send(link: number, _msg: Msg): void {
    const h = this.base + link;
    const to = this.targets[h]!;
    // The delay is drawn whether or not the copy is queued, so the random stream (and every
    // later time) is the same either way: a run watched by an observer gives the same figures.
    const arrive = this.time + (this.fixed > 0 ? this.fixed : this.delay(h));
    if (this.shortcut) {
      if (this.fixed > 0 ? this.seen[to] !== UNSEEN : this.earliest[to]! <= arrive) {
        this.sends++;
        this.sendsPerNode[this.node]!++;
        this.early++;
        this.duplicatesPerNode[to]!++;
        return;
      }
      if (this.fixed > 0) this.seen[to] = QUEUED;
      else this.earliest[to] = arrive;
    }
    // The event carries the receiver's half-edge; its link index is found when it is served.
    this.queue.push(arrive, to, this.twins[h]!, this.hop + 1);
    this.sends++;
    this.sendsPerNode[this.node]!++;
    if (this.observer) this.observer.send(this.message, this.time, arrive, this.node, to);
  }

  deliver(_msg: Msg): void {
    this.reached++;
    this.firstHop[this.node] = this.hop;
    this.firstTime[this.node] = this.time;
  }

  firstSight(): boolean {
    const u = this.node;
    if (this.seen[u] === SEEN) return false;
    this.seen[u] = SEEN;
    // The origin is seen without a queued copy: nothing can arrive before now.
    if (this.earliest.length > 0) this.earliest[u] = this.time;
    return true;
  }
}
