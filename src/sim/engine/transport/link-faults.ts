/**
 * The link-failure layer: a copy over a link that is down is refused (detected) or, when
 * failures are silent, sent and lost. Links go down between messages, at the message index the
 * fault plan gives each one (both half-edges alike).
 */
import { NEVER } from '../../faults.ts';
import { LOST, REFUSED, type Transport } from './types.ts';

export class LinkFaultLayer implements Transport {
  /** 1 while a half-edge is down. */
  readonly down: Uint8Array;
  /** Message indices at which the set of down ones changes. */
  private readonly epochs = new Set<number>();

  constructor(
    private readonly next: Transport,
    /** Per half-edge: the message index from which the link is down, or NEVER. */
    private readonly downFrom: Int32Array,
    private readonly silent: boolean,
  ) {
    this.down = new Uint8Array(downFrom.length);
    for (const k of downFrom) if (k !== NEVER) this.epochs.add(k);
  }

  arrival(h: number, to: number, now: number): number {
    if (this.down[h] === 1) return this.silent ? LOST : REFUSED;
    return this.next.arrival(h, to, now);
  }

  startMessage(k: number): void {
    const { down, downFrom } = this;
    if (!this.epochs.has(k)) return this.next.startMessage(k);
    for (let h = 0; h < down.length; h++) down[h] = downFrom[h]! <= k ? 1 : 0;
    this.next.startMessage(k);
  }
}
