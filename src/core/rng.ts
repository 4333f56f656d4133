/**
 * Randomness as a parameter: core and sim never use the unseeded global generator. A simulation builds one seeded
 * generator (see src/sim/random.ts) and passes it down; real nodes pass a crypto-backed one.
 */

/** A source of uniform numbers in [0, 1). */
export type Rng = () => number;

/** A uniform integer in [0, n). */
export function randomInt(rng: Rng, n: number): number {
  return Math.floor(rng() * n);
}

/** Fisher–Yates shuffle in place over the injected generator (unbiased, unlike sort-by-random). */
export function shuffleInPlace<T extends { length: number; [i: number]: unknown }>(arr: T, rng: Rng): T {
  for (let i = arr.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    const t = arr[i];
    arr[i] = arr[j];
    arr[j] = t;
  }
  return arr;
}
