/**
 * Who delivered which message when, as reported by the nodes: the launcher's observer. It keeps,
 * per message id, how many times each node delivered it (a correct node delivers once), how
 * many nodes did, the last first-delivery time and the largest hop count.
 *
 * Kept in flat typed arrays, not objects per message: those live through the run, so each is
 * copied and promoted by young collections, which makes V8 grow its young generation.
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
export class DeliveryTracker {
  // Each message id's number k, in the order they were first delivered.
  private readonly numbers = new Map<string, number>();
  // Deliveries of message k by node u at [k * order + u].
  private counts: Uint16Array;
  // Of message k, at 3k, 3k + 1, 3k + 2: nodes that delivered it, its latest delivery, its largest hop count.
  private facts: Float64Array;

  constructor(private readonly order: number) {
    this.counts = new Uint16Array(64 * order);
    this.facts = new Float64Array(64 * 3);
  }

  /** The listener to give a cluster. */
  readonly record = (node: number, id: string, at: number, hops: number): void => {
    let k = this.numbers.get(id);
    if (k === undefined) {
      k = this.numbers.size;
      if (3 * k === this.facts.length) this.grow();
      this.numbers.set(id, k);
      this.facts[3 * k + 1] = at;
    }
    const f = this.facts;
    if (node >= 0 && node < this.order && this.counts[k * this.order + node]!++ === 0) f[3 * k]!++;
    if (at > f[3 * k + 1]!) f[3 * k + 1] = at;
    if (hops > f[3 * k + 2]!) f[3 * k + 2] = hops;
  };

  /** What is known about message `id` now (undefined before any node delivered it). */
  get(id: string): MessageDeliveries | undefined {
    const k = this.numbers.get(id);
    if (k === undefined) return undefined;
    const f = this.facts;
    return { perNode: this.counts.slice(k * this.order, (k + 1) * this.order), reached: f[3 * k]!, last: f[3 * k + 1]!, maxHops: f[3 * k + 2]! };
  }

  /** Nodes that delivered `id`. */
  reached(id: string): number {
    const k = this.numbers.get(id);
    return k === undefined ? 0 : this.facts[3 * k]!;
  }

  private grow(): void {
    const counts = new Uint16Array(this.counts.length * 2);
    counts.set(this.counts);
    this.counts = counts;
    const facts = new Float64Array(this.facts.length * 2);
    facts.set(this.facts);
    this.facts = facts;
  }
}
