/**
 * The latency layer: adds the delay of the latency model to every copy. Per-link delays are drawn
 * once, the same both ways. It sits just above the base, below the fault and loss layers, so a
 * copy they refuse or lose draws no delay, and a seed fixes every time.
 */
import type { Rng } from '../../../core/rng.ts';
import type { LatencyModel } from '../../latency.ts';
import type { Topology } from '../../topology/topology.ts';
import type { DelayFn } from '../types.ts';
import type { Transport } from './types.ts';

/** One delay (µs) per half-edge; a half-edge and its twin share the draw. */
export function perLinkDelays(topo: Topology, min: number, max: number, rng: Rng): Int32Array {
  const { twins, targets } = topo;
  const delays = new Int32Array(twins.length);
  const span = max - min + 1;
  for (let h = 0; h < twins.length; h++) {
    const t = twins[h]!;
    if (targets[h]! >= 0 && h < t) {
      const d = min + Math.floor(rng() * span);
      delays[h] = d;
      delays[t] = d;
    }
  }
  return delays;
}

/** The per-transmission delay function of a model. */
export function makeDelay(model: LatencyModel, topo: Topology, rng: Rng): DelayFn {
  switch (model.kind) {
    case 'constant': {
      const d = model.micros;
      return () => d;
    }
    case 'uniform': {
      const lo = model.min;
      const span = model.max - model.min + 1;
      return () => lo + Math.floor(rng() * span);
    }
    case 'exponential': {
      const { mean, max } = model;
      return () => {
        const d = Math.round(-mean * Math.log(1 - rng()));
        return d < 1 ? 1 : d > max ? max : d;
      };
    }
    case 'per-link': {
      // Links a dynamic topology adds later draw on first use.
      const delays = perLinkDelays(topo, model.min, model.max, rng);
      const { twins } = topo;
      const span = model.max - model.min + 1;
      return (h) => {
        let d = delays[h]!;
        if (d === 0) delays[h] = delays[twins[h]!] = d = model.min + Math.floor(rng() * span);
        return d;
      };
    }
  }
}

export class DelayLayer implements Transport {
  constructor(
    private readonly next: Transport,
    private readonly delay: DelayFn,
  ) {}

  arrival(h: number, to: number, now: number): number {
    return this.next.arrival(h, to, now + this.delay(h));
  }

  startMessage(k: number): void {
    this.next.startMessage(k);
  }
}

/** The hop-synchronous case: every copy takes the same time, no draw. */
export class ConstantDelayLayer implements Transport {
  constructor(
    private readonly next: Transport,
    private readonly micros: number,
  ) {}

  arrival(h: number, to: number, now: number): number {
    return this.next.arrival(h, to, now + this.micros);
  }

  startMessage(k: number): void {
    this.next.startMessage(k);
  }
}
