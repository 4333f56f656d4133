/**
 * The node-failure layer: a copy to a node that is down is refused (a detected failure, like a
 * write to a closed connection: not a transmission) or, when failures are silent, sent and lost.
 * Nodes go down between messages, at the message index the fault plan gives each one.
 */
import { FaultLayer } from './fault-layer.ts';

export class NodeFaultLayer extends FaultLayer {
  arrival(h: number, to: number, now: number): number {
    return this.down[to] === 1 ? this.failed() : this.next.arrival(h, to, now);
  }
}
