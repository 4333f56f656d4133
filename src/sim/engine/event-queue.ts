/**
 * The engine's event queues. An event is one transmission in flight: (time, receiver, the
 * receiver's link it arrives on, hop). Both queues keep events in typed arrays and allocate
 * nothing per event.
 *
 * - FifoQueue: when every delay is the same, events are pushed in time order, so a ring buffer
 *   already is a priority queue (hop-synchronous rounds, the fastest case).
 * - CalendarQueue: integer time, one bucket per microsecond over a window as wide as the largest
 *   delay (every pending event lies within it), a linked list per bucket. Push and pop are O(1)
 *   (a binary heap's log factor is what makes event-driven floods slow); events at the same time
 *   leave in the order they were pushed, which the seed fixes.
 */

export interface EventQueue {
  readonly length: number;
  push(time: number, node: number, link: number, hop: number): void;
  /** Removes the earliest event; read it from the fields below. Call only when length > 0. */
  pop(): void;
  time: number;
  node: number;
  link: number;
  hop: number;
}

export class FifoQueue implements EventQueue {
  length = 0;
  time = 0;
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

  push(time: number, node: number, link: number, hop: number): void {
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

export class CalendarQueue implements EventQueue {
  length = 0;
  time = 0;
  node = 0;
  link = 0;
  hop = 0;
  private now = 0;
  private free = -1;
  private used = 0;
  private readonly window: number;
  private readonly heads: Int32Array;
  private readonly tails: Int32Array;
  private readonly next: Int32Array;
  private readonly nodes: Int32Array;
  private readonly links: Int32Array;
  private readonly hops: Int32Array;

  /** `maxDelay`: the largest time step between now and any push; `capacity`: events at once. */
  constructor(maxDelay: number, capacity: number) {
    this.window = maxDelay + 1;
    this.heads = new Int32Array(this.window).fill(-1);
    this.tails = new Int32Array(this.window).fill(-1);
    const cap = Math.max(1, capacity);
    this.next = new Int32Array(cap);
    this.nodes = new Int32Array(cap);
    this.links = new Int32Array(cap);
    this.hops = new Int32Array(cap);
  }

  /** Moves the clock; events must lie in [now, now + maxDelay]. Only while the queue is empty. */
  reset(now: number): void {
    this.now = now;
  }

  push(time: number, node: number, link: number, hop: number): void {
    let slot = this.free;
    if (slot >= 0) this.free = this.next[slot]!;
    else {
      if (this.used === this.next.length) throw new RangeError('event queue: capacity exceeded');
      slot = this.used++;
    }
    this.nodes[slot] = node;
    this.links[slot] = link;
    this.hops[slot] = hop;
    this.next[slot] = -1;
    const b = time % this.window;
    const tail = this.tails[b]!;
    if (tail < 0) this.heads[b] = slot;
    else this.next[tail] = slot;
    this.tails[b] = slot;
    this.length++;
  }

  pop(): void {
    let b = this.now % this.window;
    while (this.heads[b]! < 0) {
      this.now++;
      b = b + 1 === this.window ? 0 : b + 1;
    }
    const slot = this.heads[b]!;
    const after = this.next[slot]!;
    this.heads[b] = after;
    if (after < 0) this.tails[b] = -1;
    this.time = this.now;
    this.node = this.nodes[slot]!;
    this.link = this.links[slot]!;
    this.hop = this.hops[slot]!;
    this.next[slot] = this.free;
    this.free = slot;
    this.length--;
  }
}
