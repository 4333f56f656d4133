// The seen ids' table (typed arrays, open addressing) against its bounds (count and age),
// and against a plain Map model through long random runs with evictions by count and by age.
import { describe, expect, it } from 'vitest';
import { SeenIds } from '../../../src/real/trust/seen-ids.ts';

describe('SeenIds', () => {
  it('says true once per id', () => {
    const seen = new SeenIds(10, 1000);
    expect(seen.firstSight(0, 1, 0)).toBe(true);
    expect(seen.firstSight(0, 1, 0)).toBe(false);
    expect(seen.firstSight(1, 0, 0)).toBe(true); // the words are not confused
    expect(seen.firstSight(0, 1, 5)).toBe(false);
    expect(seen.size).toBe(2);
  });

  it('stays bounded by count, evicting the oldest first', () => {
    const seen = new SeenIds(100, 1e9);
    for (let i = 0; i < 10_000; i++) seen.firstSight(0, i, 0);
    expect(seen.size).toBe(100);
    expect(seen.firstSight(0, 9_999, 0)).toBe(false);
    expect(seen.firstSight(0, 9_900, 0)).toBe(false);
    expect(seen.firstSight(0, 9_899, 0)).toBe(true); // the 101st newest was evicted
  });

  it('forgets ids older than maxAge', () => {
    const seen = new SeenIds(1000, 60);
    seen.firstSight(0, 7, 0);
    expect(seen.firstSight(0, 7, 59)).toBe(false);
    seen.firstSight(0, 8, 200);
    expect(seen.size).toBe(1);
    expect(seen.firstSight(0, 7, 200)).toBe(true);
  });

  it('still expires by age after evicting by count', () => {
    const seen = new SeenIds(2, 100);
    seen.firstSight(0, 1, 0);
    seen.firstSight(0, 2, 10);
    seen.firstSight(0, 3, 20); // evicts 1
    expect(seen.size).toBe(2);
    expect(seen.firstSight(0, 3, 115)).toBe(false); // 2 (at 10) has expired, 3 (at 20) has not
    expect(seen.size).toBe(1);
    expect(seen.firstSight(0, 2, 115)).toBe(true);
  });

  it('rejects a zero bound', () => {
    expect(() => new SeenIds(0, 1)).toThrow(/maxEntries 0/);
    expect(() => new SeenIds(1, 0)).toThrow(/maxAge 0/);
  });

  it('answers as a Map in insertion order would, through growth, eviction and expiry', () => {
    for (const [maxEntries, maxAge, space] of [
      [1, 50, 4],
      [7, 30, 20],
      [300, 1e9, 600],
      [1000, 400, 5000],
      [5000, 1e9, 1e9],
    ] as const) {
      const seen = new SeenIds(maxEntries, maxAge);
      const model = new Map<string, number>();
      let now = 0;
      let state = maxEntries * 7919 + 1;
      const rand = (n: number): number => {
        state = (Math.imul(state, 1103515245) + 12345) >>> 0;
        return state % n;
      };
      for (let step = 0; step < 20_000; step++) {
        now += rand(3);
        for (const [key, at] of model) {
          if (now - at < maxAge) break;
          model.delete(key);
        }
        const hi = rand(4);
        const lo = rand(space);
        const key = `${hi}:${lo}`;
        const first = !model.has(key);
        if (first) {
          model.set(key, now);
          if (model.size > maxEntries) model.delete(model.keys().next().value!);
        }
        expect(seen.firstSight(hi, lo, now)).toBe(first);
        expect(seen.size).toBe(model.size);
      }
    }
  });
});
