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

/**
 * The one Fisher–Yates (Durstenfeld) shuffle, in place over the injected generator (unbiased,
 * unlike sort-by-random). It works from the back: position i takes a uniform pick among 0..i.
 * With `count` below the length only the last `count` positions are drawn, in O(count): they then
 * hold a uniform random sample of `count` items in random order (a partial shuffle).
 */
export function shuffleInPlace<T extends { length: number; [i: number]: unknown }>(arr: T, rng: Rng, count: number = arr.length): T {
  const stop = Math.max(1, arr.length - count);
  for (let i = arr.length - 1; i >= stop; i--) {
    const j = Math.floor(rng() * (i + 1));
    const t = arr[i];
    arr[i] = arr[j];
    arr[j] = t;
  }
  return arr;
}
