import { describe, expect, it } from 'vitest';
import { type Rng, shuffleInPlace } from '../../src/core/rng.ts';
import { seededRng } from '../../src/sim/random.ts';

/** A generator that replays fixed numbers and counts its draws. */
function scripted(values: readonly number[]): Rng & { draws: number } {
  const rng = Object.assign(() => values[rng.draws++ % values.length]!, { draws: 0 });
  return rng;
}

describe('shuffleInPlace', () => {
  it('works from the back, position i swapping with floor(r * (i + 1)): the stream random-regular depends on', () => {
    // r = 0 always: i = 3 swaps with 0, then i = 2 with 0, then i = 1 with 0.
    expect(shuffleInPlace(['a', 'b', 'c', 'd'], scripted([0]))).toEqual(['b', 'c', 'd', 'a']);
    // r = 0.99: j = i every time, nothing moves; n - 1 draws for n items.
    const rng = scripted([0.99]);
    expect(shuffleInPlace(Int32Array.of(5, 6, 7, 8, 9), rng)).toEqual(Int32Array.of(5, 6, 7, 8, 9));
    expect(rng.draws).toBe(4);
  });

  it('gives each of the 6 orders of 3 items equally often (6000 shuffles, within 4.5 standard deviations)', () => {
    const rng = seededRng(1, 'shuffle');
    const counts = new Map<string, number>();
    for (let t = 0; t < 6000; t++) {
      const key = shuffleInPlace([0, 1, 2], rng).join('');
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    expect([...counts.keys()].sort()).toEqual(['012', '021', '102', '120', '201', '210']);
    const sd = Math.sqrt(6000 * (1 / 6) * (5 / 6));
    for (const c of counts.values()) expect(Math.abs(c - 1000)).toBeLessThan(4.5 * sd);
  });

  it('with a count draws only that many times and leaves a uniform ordered sample in the last positions', () => {
    const once = scripted([0.5]);
    const arr = shuffleInPlace(Int32Array.of(0, 1, 2, 3, 4), once, 2);
    expect(once.draws).toBe(2);
    expect([...arr].sort()).toEqual([0, 1, 2, 3, 4]);
    const rng = seededRng(2, 'shuffle');
    const counts = new Map<string, number>();
    for (let t = 0; t < 20_000; t++) {
      const a = shuffleInPlace(Int32Array.of(0, 1, 2, 3, 4), rng, 2);
      const key = `${a[3]}${a[4]}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    expect(counts.size).toBe(20); // 5 * 4 ordered pairs of distinct items
    const sd = Math.sqrt(20_000 * (1 / 20) * (19 / 20));
    for (const c of counts.values()) expect(Math.abs(c - 1000)).toBeLessThan(4.5 * sd);
  });

  it('does nothing for a count of 0 or a single item', () => {
    const rng = scripted([0]);
    expect(shuffleInPlace([1, 2, 3], rng, 0)).toEqual([1, 2, 3]);
    expect(shuffleInPlace([7], rng)).toEqual([7]);
    expect(rng.draws).toBe(0);
  });
});
