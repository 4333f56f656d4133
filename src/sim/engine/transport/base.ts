/**
 * The bottom of every transport stack: a copy arrives when it was sent. The delay layer above it
 * adds the latency; on its own it is an instantaneous network.
 */
import type { Transport } from './types.ts';

export class BaseTransport implements Transport {
  arrival(_h: number, _to: number, now: number): number {
    return now;
  }

  startMessage(_k: number): void {}
}
