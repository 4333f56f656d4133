/**
 * The hop at which this node first got each message, kept beside the seen cache and bounded like
 * it (the oldest ids go first), so that during a control message or a timer about a message the
 * Port's `hop` means what it means in the simulator: the hop of first receipt (0 at the origin,
 * -1 for an id this node has not got).
 */
export class HopMemory {
  private readonly hops = new Map<string | number, number>();

  constructor(private readonly limit: number) {}

  /** Records the hop of first receipt of `id`. */
  set(id: string | number, hop: number): void {
    if (this.hops.size >= this.limit) {
      const oldest = this.hops.keys().next();
      if (!oldest.done) this.hops.delete(oldest.value);
    }
    this.hops.set(id, hop);
  }

  /** The hop at which `id` first arrived here, or -1. */
  get(id: string | number): number {
    return this.hops.get(id) ?? -1;
  }

  get size(): number {
    return this.hops.size;
  }
}
