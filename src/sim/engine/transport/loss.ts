/**
 * The loss layer: each copy is lost with probability `loss`, drawn from its own seeded stream so
 * that the latencies (drawn from the engine's stream) are the same with and without loss.
 */
import type { Rng } from '../../../core/rng.ts';
import { LOST, type Transport } from './types.ts';

export class LossLayer implements Transport {
  constructor(
    private readonly next: Transport,
    private readonly loss: number,
    private readonly rng: Rng,
  ) {}

  arrival(h: number, to: number, now: number): number {
    return this.rng() < this.loss ? LOST : this.next.arrival(h, to, now);
  }

  startMessage(k: number): void {
    this.next.startMessage(k);
  }
}
