/**
 * Turns a latency model into the function the engine calls per transmission: the delay in µs of
 * a copy sent over half-edge h. Per-link delays are drawn once here, the same both ways.
 */
import type { Rng } from '../../core/rng.ts';
import type { LatencyModel } from '../latency.ts';
import type { Csr } from '../topology/csr.ts';
import type { DelayFn } from './flyweight-port.ts';

/** One delay (µs) per half-edge; a half-edge and its twin share the draw. */
export function perLinkDelays(csr: Csr, min: number, max: number, rng: Rng): Int32Array {
  const { twins } = csr;
  const delays = new Int32Array(twins.length);
  const span = max - min + 1;
  for (let h = 0; h < twins.length; h++) {
    const t = twins[h]!;
    if (h < t) {
      const d = min + Math.floor(rng() * span);
      delays[h] = d;
      delays[t] = d;
    }
  }
  return delays;
}

/** The per-transmission delay function of a model. */
export function makeDelay(model: LatencyModel, csr: Csr, rng: Rng): DelayFn {
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
      const delays = perLinkDelays(csr, model.min, model.max, rng);
      return (h) => delays[h]!;
    }
  }
}
