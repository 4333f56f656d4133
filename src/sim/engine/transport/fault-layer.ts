/**
 * What the node- and link-failure layers share: a down mask per element (node or half-edge) that
 * changes only between messages, at the message indices the fault plan gives, and the answer for
 * a copy that meets a failure: refused when failures are detected, sent and lost when silent.
 * Each layer says only which element a copy depends on.
 */
import { NEVER } from '../../faults.ts';
import { LOST, REFUSED, type Transport } from './types.ts';

export abstract class FaultLayer implements Transport {
  /** 1 while the element is down. */
  readonly down: Uint8Array;
  /** Message indices at which the set of down elements changes. */
  private readonly epochs = new Set<number>();

  constructor(
    protected readonly next: Transport,
    /** Per element: the message index from which it is down, or NEVER. */
    private readonly downFrom: Int32Array,
    private readonly silent: boolean,
  ) {
    this.down = new Uint8Array(downFrom.length);
    for (const k of downFrom) if (k !== NEVER) this.epochs.add(k);
  }

  abstract arrival(h: number, to: number, now: number): number;

  /** What a copy that meets a failure becomes. */
  protected failed(): number {
    return this.silent ? LOST : REFUSED;
  }

  startMessage(k: number): void {
    const { down, downFrom } = this;
    if (this.epochs.has(k)) for (let i = 0; i < down.length; i++) down[i] = downFrom[i]! <= k ? 1 : 0;
    this.next.startMessage(k);
  }
}
