/**
 * The protocol engine's queue for transmissions (payload and control copies in flight): a
 * calendar queue over integer time like the flood engine's, one bucket per microsecond over a
 * window as wide as the largest link delay, with a kind, an object and a sequence number per
 * event. Timers, whose delays can be far longer than the window, go to a heap instead (see
 * protocol-queue.ts, which merges the two in (time, sequence) order).
 */

export class LinkCalendar {
  length = 0;
  /** The event last popped. */
  time = 0;
  kind = 0;
  node = 0;
  link = 0;
  hop = 0;
  seq = 0;
  obj: unknown = undefined;
  /** No event is earlier than `now`; buckets cover [now, now + window). */
  private now = 0;
  private free = -1;
  private used = 0;
  private readonly window: number;
  private readonly heads: Int32Array;
  private readonly tails: Int32Array;
  private next: Int32Array;
  private kinds: Uint8Array;
  private nodes: Int32Array;
  private links: Int32Array;
  private hops: Int32Array;
  private seqs: Float64Array;
  private objs: unknown[];

  /** `maxDelay`: the largest delay (µs) of any push; `capacity`: initial slots (grows). */
  constructor(maxDelay: number, capacity: number) {
    this.window = maxDelay + 1;
    this.heads = new Int32Array(this.window).fill(-1);
    this.tails = new Int32Array(this.window).fill(-1);
    const cap = Math.max(16, capacity);
    this.next = new Int32Array(cap);
    this.kinds = new Uint8Array(cap);
    this.nodes = new Int32Array(cap);
    this.links = new Int32Array(cap);
    this.hops = new Int32Array(cap);
    this.seqs = new Float64Array(cap);
    this.objs = new Array<unknown>(cap).fill(undefined);
  }

  /** Moves the clock while the queue is empty (a new message starts at 0). */
  reset(now: number): void {
    this.now = now;
  }

  /** `time` must lie in [now, now + maxDelay]. */
  push(time: number, seq: number, kind: number, node: number, link: number, hop: number, obj: unknown): void {
    let slot = this.free;
    if (slot >= 0) this.free = this.next[slot]!;
    else {
      if (this.used === this.next.length) this.grow();
      slot = this.used++;
    }
    this.kinds[slot] = kind;
    this.nodes[slot] = node;
    this.links[slot] = link;
    this.hops[slot] = hop;
    this.seqs[slot] = seq;
    this.objs[slot] = obj;
    this.next[slot] = -1;
    const b = time % this.window;
    const tail = this.tails[b]!;
    if (tail < 0) this.heads[b] = slot;
    else this.next[tail] = slot;
    this.tails[b] = slot;
    this.length++;
  }

  /**
   * Time of the earliest event if it is at most `limit`, else Infinity. Moves the clock up to
   * that time (or to `limit`), which is safe: nothing will be pushed before the next event popped.
   */
  earliest(limit: number): number {
    if (this.length === 0) {
      // The next event popped is the timer at `limit`: the clock must not lag behind it.
      if (limit !== Infinity) this.now = limit;
      return Infinity;
    }
    while (this.heads[this.now % this.window]! < 0) {
      if (this.now >= limit) return Infinity;
      this.now++;
    }
    return this.now <= limit ? this.now : Infinity;
  }

  /** Sequence number of the earliest event; call right after earliest() returned a time. */
  get headSeq(): number {
    return this.seqs[this.heads[this.now % this.window]!]!;
  }

  /** Removes the earliest event (call after earliest() returned its time) into the fields. */
  pop(): void {
    const b = this.now % this.window;
    const slot = this.heads[b]!;
    const after = this.next[slot]!;
    this.heads[b] = after;
    if (after < 0) this.tails[b] = -1;
    this.time = this.now;
    this.kind = this.kinds[slot]!;
    this.node = this.nodes[slot]!;
    this.link = this.links[slot]!;
    this.hop = this.hops[slot]!;
    this.seq = this.seqs[slot]!;
    this.obj = this.objs[slot];
    this.objs[slot] = undefined;
    this.next[slot] = this.free;
    this.free = slot;
    this.length--;
  }

  private grow(): void {
    const cap = this.next.length * 2;
    const widen = <T extends Int32Array | Uint8Array | Float64Array>(a: T, b: T): T => (b.set(a), b);
    this.next = widen(this.next, new Int32Array(cap));
    this.kinds = widen(this.kinds, new Uint8Array(cap));
    this.nodes = widen(this.nodes, new Int32Array(cap));
    this.links = widen(this.links, new Int32Array(cap));
    this.hops = widen(this.hops, new Int32Array(cap));
    this.seqs = widen(this.seqs, new Float64Array(cap));
    const old = this.objs.length;
    this.objs.length = cap;
    this.objs.fill(undefined, old);
  }
}
