/**
 * Replay protection: a message is refused when older than the window, too far ahead, or at or
 * below the floor left by evictions, so an id the cache forgot can never be delivered again.
 */
import { describe, expect, it } from 'vitest';
import { ReplayGuard, freshness } from '../../src/core/replay-guard.ts';

describe('freshness', () => {
  it('accepts [now − window, now + skew] and nothing else', () => {
    expect(freshness(1000, 1000, 100, 10)).toBe('fresh');
    expect(freshness(900, 1000, 100, 10)).toBe('fresh');
    expect(freshness(899, 1000, 100, 10)).toBe('old');
    expect(freshness(1010, 1000, 100, 10)).toBe('fresh');
    expect(freshness(1011, 1000, 100, 10)).toBe('future');
  });
});

describe('ReplayGuard', () => {
  it('says first sight once per id', () => {
    const g = new ReplayGuard({ maxEntries: 10, windowMs: 1000, skewMs: 0 });
    expect(g.firstSight('a', 5, 5)).toBe(true);
    expect(g.firstSight('a', 5, 6)).toBe(false);
  });

  it('refuses a replay after the id expired by age', () => {
    const g = new ReplayGuard({ maxEntries: 10, windowMs: 1000, skewMs: 0 });
    g.firstSight('a', 0, 0);
    expect(g.size).toBe(1);
    g.firstSight('b', 2000, 2000); // expires 'a'
    expect(g.size).toBe(1);
    expect(g.check(0, 2000)).toBe('old'); // forgotten, but refused: too old
  });

  it('refuses a replay after the id was evicted by count, within the window', () => {
    const g = new ReplayGuard({ maxEntries: 100, windowMs: 1e9, skewMs: 0 });
    for (let i = 0; i < 1000; i++) expect(g.firstSight(`m${i}`, i, 1000)).toBe(true);
    expect(g.size).toBe(100);
    // 900 ids were evicted, oldest timestamps first: the floor is the newest of them, 899.
    expect(g.floor).toBe(899);
    for (let i = 0; i < 900; i++) expect(g.check(i, 1000)).toBe('old');
    for (let i = 900; i < 1000; i++) {
      expect(g.check(i, 1000)).toBe('fresh');
      expect(g.firstSight(`m${i}`, i, 1000)).toBe(false); // still remembered: a duplicate
    }
  });

  it('evicts the oldest timestamp first, whatever the arrival order', () => {
    const g = new ReplayGuard({ maxEntries: 3, windowMs: 1e9, skewMs: 0 });
    for (const ts of [50, 10, 40, 30, 20]) g.firstSight(`t${ts}`, ts, 100);
    expect(g.floor).toBe(20);
    expect(g.firstSight('t50', 50, 100)).toBe(false);
    expect(g.firstSight('t40', 40, 100)).toBe(false);
    expect(g.firstSight('t30', 30, 100)).toBe(false);
  });

  it('refuses future timestamps beyond the skew', () => {
    const g = new ReplayGuard({ maxEntries: 3, windowMs: 1000, skewMs: 30 });
    expect(g.check(1030, 1000)).toBe('fresh');
    expect(g.check(1031, 1000)).toBe('future');
  });

  it('heap order holds over many random timestamps (against a sorted oracle)', () => {
    let x = 12345;
    const next = (): number => (x = (x * 1103515245 + 12345) % 2 ** 31);
    const g = new ReplayGuard({ maxEntries: 50, windowMs: 1e12, skewMs: 0 });
    const all: number[] = [];
    for (let i = 0; i < 2000; i++) {
      const ts = next() % 1_000_000;
      if (g.firstSight(`id${i}`, ts, 2e6)) all.push(ts);
    }
    all.sort((a, b) => a - b);
    expect(g.floor).toBe(all[all.length - 51]);
  });
});
