/**
 * Who delivered which message when, as reported by the nodes: the launcher's observer. It keeps,
 * per message id, how many times each node delivered it (a correct node delivers once), how
 * many nodes did, the last first-delivery time and the largest hop count.
 *
 * Kept in flat typed arrays indexed by the message's number, not in an object and a typed array
 * per message: a burst's records all live as long as the run, so each object would be copied by
 * young collections and promoted, and enough of that makes V8 double its young generation.
 */

export interface MessageDeliveries {
  /** Deliveries per node index (1 each when all is well). */
  readonly perNode: Uint16Array;
  /** Distinct nodes that delivered. */
  reached: number;
  /** Latest delivery time (wallClock ms) and largest hop count seen. */
  last: number;
  maxHops: number;
}

/** Messages the arrays hold at first; they double as needed. */
const FIRST_CAPACITY = 64;

export class DeliveryTracker {
  /** Each message id's number, in the order they were first delivered. */
  private readonly numbers = new Map<string, number>();
  private capacity = FIRST_CAPACITY;
  /** Deliveries of message k by node u at [k * order + u]. */
  private counts: Uint16Array;
  private reachedBy: Uint32Array;
  private lastAt: Float64Array;
  private hops: Uint32Array;

  constructor(private readonly order: number) {
    this.counts = new Uint16Array(FIRST_CAPACITY * order);
    this.reachedBy = new Uint32Array(FIRST_CAPACITY);
    this.lastAt = new Float64Array(FIRST_CAPACITY);
    this.hops = new Uint32Array(FIRST_CAPACITY);
  }

  /** The listener to give a cluster. */
  readonly record = (node: number, id: string, at: number, hops: number): void => {
    let k = this.numbers.get(id);
    if (k === undefined) {
      k = this.numbers.size;
      if (k === this.capacity) this.grow();
      this.numbers.set(id, k);
      this.lastAt[k] = at;
    }
    if (node >= 0 && node < this.order) {
      const c = k * this.order + node;
      if (this.counts[c] === 0) this.reachedBy[k]!++;
      this.counts[c]!++;
    }
    if (at > this.lastAt[k]!) this.lastAt[k] = at;
    if (hops > this.hops[k]!) this.hops[k] = hops;
  };

  /** What is known about message `id` now (undefined before any node delivered it). */
  get(id: string): MessageDeliveries | undefined {
    const k = this.numbers.get(id);
    if (k === undefined) return undefined;
    return { perNode: this.counts.slice(k * this.order, (k + 1) * this.order), reached: this.reachedBy[k]!, last: this.lastAt[k]!, maxHops: this.hops[k]! };
  }

  /** Nodes that delivered `id`. */
  reached(id: string): number {
    const k = this.numbers.get(id);
    return k === undefined ? 0 : this.reachedBy[k]!;
  }

  /** Twice the room, the records kept. */
  private grow(): void {
    this.capacity *= 2;
    const counts = new Uint16Array(this.capacity * this.order);
    counts.set(this.counts);
    this.counts = counts;
    this.reachedBy = grown(this.reachedBy, new Uint32Array(this.capacity));
    this.lastAt = grown(this.lastAt, new Float64Array(this.capacity));
    this.hops = grown(this.hops, new Uint32Array(this.capacity));
  }
}

function grown<T extends Uint32Array | Float64Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
