/**
 * Control messages of one message counted by type ('ihave', 'graft', ...). A protocol uses a
 * handful of types, so a short list searched by identity first beats a Map per call.
 */
export class ControlCounts {
  total = 0;
  private readonly types: string[] = [];
  private readonly counts: number[] = [];

  clear(): void {
    this.total = 0;
    this.types.length = 0;
    this.counts.length = 0;
  }

  add(type: string): void {
    this.total++;
    const i = this.types.indexOf(type);
    if (i >= 0) this.counts[i]!++;
    else {
      this.types.push(type);
      this.counts.push(1);
    }
  }

  /** [type, count] pairs, types in first-counted order. */
  entries(): [string, number][] {
    return this.types.map((t, i) => [t, this.counts[i]!]);
  }

  /** Counts by type, types in alphabetical order. */
  byType(): Record<string, number> {
    const order = this.types.map((_, i) => i).sort((a, b) => (this.types[a]! < this.types[b]! ? -1 : 1));
    return Object.fromEntries(order.map((i) => [this.types[i]!, this.counts[i]!]));
  }
}
