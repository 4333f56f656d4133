/**
 * The engine's event queues. An event is (time, kind, node, the receiver's half-edge it arrives
 * on, hop, an object). The two queues here carry payload copies only (a protocol with no control
 * messages and no timers): they keep events in typed arrays, store neither kind nor object (every
 * payload in flight is the message being run) and allocate nothing per event. ProtocolQueue
 * (protocol-queue.ts) carries every kind.
 *
 * - FifoQueue: when every delay is the same, events are pushed in time order, so a ring buffer
 *   already is a priority queue (hop-synchronous rounds, the fastest case).
 * - CalendarQueue: the calendar over integer time (calendar.ts): O(1) push and pop, events at the
 *   same time in the order they were pushed, which the seed fixes.
 */
import { Calendar, widen } from './calendar.ts';
import { PAYLOAD } from './types.ts';

export interface EventQueue {
  readonly length: number;
  push(time: number, kind: number, node: number, link: number, hop: number, obj: unknown): void;
  /** Removes the earliest event; read it from the fields below. Call only when length > 0. */
  pop(): void;
  /** Restarts the clock at `now` for a new message; only while empty. */
  reset(now: number): void;
  time: number;
  kind: number;
  node: number;
  link: number;
  hop: number;
  obj: unknown;
}

/** The fields of the event a queue popped last (every queue has them). */
export type Popped = Pick<EventQueue, 'time' | 'kind' | 'node' | 'link' | 'hop' | 'obj'>;

/** Copies the event `from` popped last into `to`: a queue that merges other queues hands it on. */
export function takePopped(to: Popped, from: Popped): void {
  to.time = from.time;
  to.kind = from.kind;
  to.node = from.node;
  to.link = from.link;
  to.hop = from.hop;
  to.obj = from.obj;
}

export class FifoQueue implements EventQueue {
  length = 0;
  time = 0;
  readonly kind = PAYLOAD;
  readonly obj = undefined;
  node = 0;
  link = 0;
  hop = 0;
  private head = 0;
  private readonly cap: number;
  private readonly times: Float64Array;
  private readonly nodes: Int32Array;
  private readonly links: Int32Array;
  private readonly hops: Int32Array;

  /** `capacity`: the most events pending at once (2E suffices for one message). */
  constructor(capacity: number) {
    this.cap = Math.max(1, capacity);
    this.times = new Float64Array(this.cap);
    this.nodes = new Int32Array(this.cap);
    this.links = new Int32Array(this.cap);
    this.hops = new Int32Array(this.cap);
  }

  reset(_now: number): void {}

  push(time: number, _kind: number, node: number, link: number, hop: number, _obj: unknown): void {
    if (this.length === this.cap) throw new RangeError('event queue: capacity exceeded');
    let i = this.head + this.length;
    if (i >= this.cap) i -= this.cap;
    this.times[i] = time;
    this.nodes[i] = node;
    this.links[i] = link;
    this.hops[i] = hop;
    this.length++;
  }

  pop(): void {
    const i = this.head;
    this.time = this.times[i]!;
    this.node = this.nodes[i]!;
    this.link = this.links[i]!;
    this.hop = this.hops[i]!;
    this.head = i + 1 === this.cap ? 0 : i + 1;
    this.length--;
  }
}

export class CalendarQueue extends Calendar implements EventQueue {
  time = 0;
  readonly kind = PAYLOAD;
  readonly obj = undefined;
  node = 0;
  link = 0;
  hop = 0;
  private nodes: Int32Array;
  private links: Int32Array;
  private hops: Int32Array;

  /** `maxDelay`: the largest time step between now and any push; `capacity`: initial slots. */
  constructor(maxDelay: number, capacity: number) {
    super(maxDelay, capacity);
    this.nodes = new Int32Array(this.capacity);
    this.links = new Int32Array(this.capacity);
    this.hops = new Int32Array(this.capacity);
  }

  push(time: number, _kind: number, node: number, link: number, hop: number, _obj: unknown): void {
    const slot = this.place(time);
    this.nodes[slot] = node;
    this.links[slot] = link;
    this.hops[slot] = hop;
  }

  pop(): void {
    const slot = this.take();
    this.time = this.clock;
    this.node = this.nodes[slot]!;
    this.link = this.links[slot]!;
    this.hop = this.hops[slot]!;
  }

  protected override grow(cap: number): void {
    this.nodes = widen(this.nodes, new Int32Array(cap));
    this.links = widen(this.links, new Int32Array(cap));
    this.hops = widen(this.hops, new Int32Array(cap));
    super.grow(cap);
  }
}
