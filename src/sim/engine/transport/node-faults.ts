/**
 * The node-failure layer: a copy to a node that is down is refused (a detected failure, like a
 * write to a closed connection: not a transmission) or, when failures are silent, sent and lost.
 * Nodes go down between messages, at the message index the fault plan gives each one.
 */
import { NEVER } from '../../faults.ts';
import { LOST, REFUSED, type Transport } from './types.ts';

export class NodeFaultLayer implements Transport {
  /** 1 while a node is down. */
  readonly down: Uint8Array;
  /** Message indices at which the set of down ones changes. */
  private readonly epochs = new Set<number>();

  constructor(
    private readonly next: Transport,
    /** Per node: the message index from which it is down, or NEVER. */
    private readonly downFrom: Int32Array,
    private readonly silent: boolean,
  ) {
    this.down = new Uint8Array(downFrom.length);
    for (const k of downFrom) if (k !== NEVER) this.epochs.add(k);
  }

  arrival(h: number, to: number, now: number): number {
    if (this.down[to] === 1) return this.silent ? LOST : REFUSED;
    return this.next.arrival(h, to, now);
  }

  startMessage(k: number): void {
    const { down, downFrom } = this;
    if (!this.epochs.has(k)) return this.next.startMessage(k);
    for (let u = 0; u < down.length; u++) down[u] = downFrom[u]! <= k ? 1 : 0;
    this.next.startMessage(k);
  }
}
