/**
 * The Port the engine hands to protocols: one object for the whole graph, rebound to the node
 * being served before each call (a class, so the protocols' call sites see one hidden class and
 * stay inlined). It has every seam member, and it is where transmissions are counted: payload
 * sends, control messages by type, copies lost. What becomes of a copy (its arrival time, or
 * refused, or lost) the transport stack decides (transport/); the port counts by its answer.
 */
import type { MessageId, Msg } from '../../core/message.ts';
import type { Rng } from '../../core/rng.ts';
import type { Control, FullPort, TimerToken } from '../../core/seam.ts';
import { HOLE, type Topology } from '../topology/topology.ts';
import { ControlCounts } from './control-counts.ts';
import { NodeSlots } from './node-slots.ts';
import type { EventQueue } from './event-queue.ts';
import { LOST, type Transport } from './transport/types.ts';
import { CONTROL, PAYLOAD, QUEUED, SEEN, TIMER, UNSEEN, type EngineObserver } from './types.ts';

export class SimPort implements FullPort {
  /** Links of the node being served. */
  links = 0;
  /** The node being served, its first half-edge, and the hop and time it is served at. */
  node = 0;
  base = 0;
  hop = 0;
  time = 0;
  state: unknown = undefined;
  /** Index of the message in flight (messages run one after another), and the message. */
  message = 0;
  private msg: Msg | undefined = undefined;
  /** Counts for the message in flight. */
  sends = 0;
  lost = 0;
  reached = 0;
  /** Duplicates counted at send time (see `shortcut`). */
  early = 0;
  readonly controls = new ControlCounts();
  /** UNSEEN, QUEUED or SEEN per node; one byte so it stays in cache at 10^6 nodes. */
  readonly seen: Uint8Array;
  readonly firstHop: Int32Array;
  readonly firstTime: Float64Array;
  readonly sendsPerNode: Uint32Array;
  readonly controlPerNode: Uint32Array;
  readonly duplicatesPerNode: Uint32Array;
  /**
   * For the shortcut when delays vary: the earliest arrival queued (or served) per node,
   * +Infinity when none. The queues serve events of equal time in push order, so a copy
   * arriving no earlier than that one is certain to find the message seen: a duplicate, known
   * at send time. With a constant delay every later copy arrives no earlier, so the QUEUED
   * mark in `seen` says the same with one byte. Either way about one event per node is queued.
   */
  private readonly earliest: Float64Array;
  private readonly targets: Int32Array;
  private readonly twins: Int32Array;
  /** States made by Protocol.init, per node; empty when the protocol keeps none. */
  states: unknown[] = [];
  /** Per-node slots for the message in flight ('slots'); none unless the protocol requires them. */
  private slots = new NodeSlots(0, 0);
  ints = this.slots.ints;

  constructor(
    topo: Topology,
    private readonly queue: EventQueue,
    private readonly transport: Transport,
    /** True when every copy takes the same time (events then leave in push order). */
    private readonly constant: boolean,
    readonly random: Rng,
    private readonly observer: EngineObserver | undefined,
    /**
     * When the protocol ignores duplicates and nobody watches events, a copy that cannot be the
     * first to reach its node is counted as a duplicate at once instead of being queued: it
     * could only ever be dropped. This keeps the queue to the copies that can matter.
     */
    private readonly shortcut: boolean,
    /** Per half-edge, 1 on the configured spanning tree (protocols that require 'tree'). */
    private readonly tree: Uint8Array | undefined,
  ) {
    const n = topo.nodeSlots;
    this.targets = topo.targets;
    this.twins = topo.twins;
    this.seen = new Uint8Array(n);
    this.firstHop = new Int32Array(n);
    this.firstTime = new Float64Array(n);
    this.sendsPerNode = new Uint32Array(n);
    this.controlPerNode = new Uint32Array(n);
    this.duplicatesPerNode = new Uint32Array(n);
    this.earliest = new Float64Array(shortcut && !constant ? n : 0);
  }

  /** Gives every one of `nodes` nodes a slot of `width` ints (protocols that require 'slots'). */
  makeSlots(width: number, nodes: number): void {
    this.slots = new NodeSlots(width, nodes);
    this.ints = this.slots.ints;
  }

  /** Clears the per-message state before message k, `msg`. */
  startMessage(k: number, msg: Msg): void {
    this.message = k;
    this.msg = msg;
    this.sends = this.lost = this.reached = this.early = 0;
    this.controls.clear();
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
    if (this.states.length > 0) this.state = this.states[u];
  }

  send(link: number, _msg: Msg): void {
    const h = this.base + link;
    const to = this.targets[h]!;
    if (to === HOLE) return; // a removed link: nothing to send over
    // The delay is drawn whether or not the copy is queued, so the random stream (and every
    // later time) is the same either way: a run watched by an observer gives the same figures.
    const arrive = this.transport.arrival(h, to, this.time);
    if (arrive < 0) {
      if (arrive === LOST) this.count(), this.lost++;
      return; // refused: not a transmission
    }
    this.count();
    if (this.shortcut) {
      if (this.constant ? this.seen[to] !== UNSEEN : this.earliest[to]! <= arrive) {
        this.early++;
        this.duplicatesPerNode[to]!++;
        return;
      }
      if (this.constant) this.seen[to] = QUEUED;
      else this.earliest[to] = arrive;
    }
    // The event carries the receiver's half-edge; its link index is found when it is served.
    this.queue.push(arrive, PAYLOAD, to, this.twins[h]!, this.hop + 1, undefined);
    if (this.observer) this.observer.send(this.message, this.time, arrive, this.node, to);
  }

  private count(): void {
    this.sends++;
    this.sendsPerNode[this.node]!++;
  }

  control(link: number, ctrl: Control): void {
    const h = this.base + link;
    const to = this.targets[h]!;
    if (to === HOLE) return;
    const arrive = this.transport.arrival(h, to, this.time);
    if (arrive < 0 && arrive !== LOST) return;
    this.controls.add(ctrl.type);
    this.controlPerNode[this.node]!++;
    if (arrive === LOST) this.lost++;
    else this.queue.push(arrive, CONTROL, to, this.twins[h]!, 0, ctrl);
  }

  setTimer(delayMs: number, token: TimerToken): void {
    const micros = Math.max(1, Math.round(delayMs * 1000));
    this.queue.push(this.time + micros, TIMER, this.node, -1, 0, token);
  }

  treeLink(link: number): boolean {
    return this.tree !== undefined && this.tree[this.base + link] === 1;
  }

  deliver(_msg: Msg): void {
    this.reached++;
    this.firstHop[this.node] = this.hop;
    this.firstTime[this.node] = this.time;
  }

  /**
   * Every node that delivered the message in flight holds it (`firstHop` says which did), and
   * only it: messages run one after another, and the queue drains before the next starts.
   */
  payload(id: MessageId): Msg | undefined {
    const m = this.msg;
    return m !== undefined && m.id === id && this.firstHop[this.node]! >= 0 ? m : undefined;
  }

  /** Only the message in flight has slots: any other id gets the spare one, zeroed (forgotten). */
  slot(id: MessageId): number {
    return this.msg !== undefined && this.msg.id === id ? this.slots.of(this.node, this.message) : this.slots.spare();
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
