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
  readonly seen: Uint8Array;
  readonly duplicatesPerNode: Uint32Array;
  readonly firstHop: Int32Array;
  readonly firstTime: Float64Array;
  readonly sendsPerNode: Uint32Array;
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
     * When the protocol ignores duplicates and nobody watches events, a copy sent to a node that
     * has already seen the message is counted as a duplicate at once instead of being queued:
     * it could only ever be dropped. This keeps the queue to the copies that can matter.
     */
    private readonly shortcut: boolean,
  ) {
    this.targets = csr.targets;
    this.twins = csr.twins;
    // One byte per node, cleared per message: small enough to stay in cache at 10^6 nodes.
    this.seen = new Uint8Array(csr.order);
    this.firstHop = new Int32Array(csr.order);
    this.firstTime = new Float64Array(csr.order);
    this.sendsPerNode = new Uint32Array(csr.order);
    this.duplicatesPerNode = new Uint32Array(csr.order);
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
    if (this.shortcut && this.seen[to] === 1) {
      // Still draw the delay, so the random stream (and every later time) is the same as when
      // the copy is queued: a run watched by an observer gives the same figures as one that is not.
      if (this.fixed === 0) this.delay(h);
      this.sends++;
      this.sendsPerNode[this.node]!++;
      this.early++;
      this.duplicatesPerNode[to]!++;
      return;
    }
    const arrive = this.time + (this.fixed > 0 ? this.fixed : this.delay(h));
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
    if (this.seen[u] === 1) return false;
    this.seen[u] = 1;
    return true;
  }
}
