/**
 * The link-failure layer: a copy over a link that is down is refused (detected) or, when
 * failures are silent, sent and lost. Links go down between messages, at the message index the
 * fault plan gives each one (both half-edges alike).
 */
import { FaultLayer } from './fault-layer.ts';

export class LinkFaultLayer extends FaultLayer {
  arrival(h: number, to: number, now: number): number {
    return this.down[h] === 1 ? this.failed() : this.next.arrival(h, to, now);
  }
}
