/**
 * The simulator's side of the 'slots' capability: messages run one after another, so each node
 * needs a slot for the message in flight only. One Int32Array holds them all (`width` ints per
 * node, then one spare slot), and a node's slot is zeroed lazily, the first time it asks during a
 * message, so a message costs nothing at the nodes that never ask. At 10^6 nodes and 11 ints
 * that is 44 MB, where an object and a map per node cost several times that and a cache miss each.
 */
export class NodeSlots {
  readonly ints: Int32Array;
  /** The message each node's slot was last zeroed for (-1: never). */
  private readonly stamps: Int32Array;

  constructor(
    private readonly width: number,
    nodes: number,
  ) {
    this.ints = new Int32Array(width * (nodes + 1));
    this.stamps = new Int32Array(nodes).fill(-1);
  }

  /** Offset of node u's slot during message k: zeroed the first time it is asked for during k. */
  of(u: number, k: number): number {
    const at = u * this.width;
    if (this.stamps[u] !== k) {
      this.stamps[u] = k;
      this.zero(at);
    }
    return at;
  }

  /** Offset of the spare slot, zeroed: for an id that is not the message in flight (kept by no node). */
  spare(): number {
    const at = this.stamps.length * this.width;
    this.zero(at);
    return at;
  }

  private zero(at: number): void {
    const ints = this.ints;
    for (let i = at, end = at + this.width; i < end; i++) ints[i] = 0;
  }
}
