/**
 * Seeded randomness for simulations. One --seed feeds every random choice through seedrandom;
 * each consumer gets its own named stream so that, e.g., changing the protocol does not change
 * the graph drawn for the same seed.
 */
import seedrandom from 'seedrandom';
import type { Rng } from '../core/rng.ts';

/**
 * A seeded generator for one purpose ('graph', 'latency', 'origins', ...). Alea is seedrandom's
 * fast generator: the engine draws one number per transmission under random latency.
 */
export function seededRng(seed: string | number, stream: string): Rng {
  return seedrandom.alea(`${seed}/${stream}`);
}
