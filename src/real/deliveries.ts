/**
 * Who delivered which message when, as reported by the nodes: the launcher's observer. It keeps,
 * per message id, how many times each node delivered it (a correct node delivers once), how
 * many nodes did, the last first-delivery time and the largest hop count.
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

export class DeliveryTracker {
  private readonly byId = new Map<string, MessageDeliveries>();

  constructor(private readonly order: number) {}

  /** The listener to give a cluster. */
  readonly record = (node: number, id: string, at: number, hops: number): void => {
    let d = this.byId.get(id);
    if (!d) {
      d = { perNode: new Uint16Array(this.order), reached: 0, last: at, maxHops: 0 };
      this.byId.set(id, d);
    }
    if (d.perNode[node]! === 0) d.reached++;
    d.perNode[node]!++;
    if (at > d.last) d.last = at;
    if (hops > d.maxHops) d.maxHops = hops;
  };

  /** What is known about message `id` (undefined before any node delivered it). */
  get(id: string): MessageDeliveries | undefined {
    return this.byId.get(id);
  }

  /** Nodes that delivered `id`. */
  reached(id: string): number {
    return this.byId.get(id)?.reached ?? 0;
  }
}
