/**
 * A calendar over integer time, the order behind the engine's transmission queues: one bucket
 * per microsecond over a window as wide as the largest delay (every pending event lies within
 * it), a linked list of slots per bucket, freed slots reused. Push and pop are O(1), where a
 * binary heap's log factor is what makes event-driven floods slow; events of equal time leave in
 * the order they were pushed, which the seed fixes.
 *
 * It holds only the order. A queue built on it (CalendarQueue for payload-only runs, LinkCalendar
 * inside ProtocolQueue) keeps its events' fields in typed arrays indexed by slot, writes them
 * after `place()` and reads them after `take()`.
 */
export abstract class Calendar {
  length = 0;
  /** No event is earlier than `now`; buckets cover [now, now + window). */
  private now = 0;
  private free = -1;
  private used = 0;
  private readonly window: number;
  private readonly heads: Int32Array;
  private readonly tails: Int32Array;
  private next: Int32Array;

  /** `maxDelay`: the largest time step (µs) between now and any push; `capacity`: initial slots. */
  constructor(maxDelay: number, capacity: number) {
    this.window = maxDelay + 1;
    this.heads = new Int32Array(this.window).fill(-1);
    this.tails = new Int32Array(this.window).fill(-1);
    this.next = new Int32Array(Math.max(16, capacity));
  }

  /** Slots the fields arrays must hold. */
  protected get capacity(): number {
    return this.next.length;
  }

  /** Moves the clock while the queue is empty (a new message starts at 0). */
  reset(now: number): void {
    this.now = now;
  }

  /**
   * Time of the earliest event if it is at most `limit`, else Infinity. Moves the clock up to
   * that time (or to `limit`), which is safe: nothing will be pushed before the next event popped.
   */
  earliest(limit: number): number {
    if (this.length === 0) {
      // The next event popped is one at `limit` from elsewhere: the clock must not lag behind it.
      if (limit !== Infinity) this.now = limit;
      return Infinity;
    }
    while (this.heads[this.now % this.window]! < 0) {
      if (this.now >= limit) return Infinity;
      this.now++;
    }
    return this.now <= limit ? this.now : Infinity;
  }

  /** Slot of the earliest event; call right after earliest() returned a time. */
  protected headSlot(): number {
    return this.heads[this.now % this.window]!;
  }

  /** A slot for an event at `time`, in [now, now + maxDelay], last of its bucket. */
  protected place(time: number): number {
    let slot = this.free;
    if (slot >= 0) this.free = this.next[slot]!;
    else {
      if (this.used === this.next.length) this.grow(2 * this.next.length);
      slot = this.used++;
    }
    this.next[slot] = -1;
    const b = time % this.window;
    const tail = this.tails[b]!;
    if (tail < 0) this.heads[b] = slot;
    else this.next[tail] = slot;
    this.tails[b] = slot;
    this.length++;
    return slot;
  }

  /**
   * Unlinks the earliest event, moves the clock to its time (read it from `clock`) and frees its
   * slot, whose fields stay as they are until the next place(). Call only when length > 0.
   */
  protected take(): number {
    let b = this.now % this.window;
    while (this.heads[b]! < 0) {
      this.now++;
      b = b + 1 === this.window ? 0 : b + 1;
    }
    const slot = this.heads[b]!;
    const after = this.next[slot]!;
    this.heads[b] = after;
    if (after < 0) this.tails[b] = -1;
    this.next[slot] = this.free;
    this.free = slot;
    this.length--;
    return slot;
  }

  /** The time of the event last taken. */
  protected get clock(): number {
    return this.now;
  }

  /** Widens the slot links to `cap`; a subclass widens its fields arrays too, then calls this. */
  protected grow(cap: number): void {
    this.next = widen(this.next, new Int32Array(cap));
  }
}

/** Copies `from` into the larger `to` and returns `to`. */
export function widen<T extends Int32Array | Uint8Array | Float64Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
