import { describe, expect, it } from 'vitest';
import { BoundedSeenCache } from '../../src/core/seen.ts';

describe('BoundedSeenCache', () => {
  it('says true once per id', () => {
    let now = 0;
    const seen = new BoundedSeenCache({ maxEntries: 10, maxAge: 1000, now: () => now });
    expect(seen.firstSight('a')).toBe(true);
    expect(seen.firstSight('a')).toBe(false);
    expect(seen.firstSight('b')).toBe(true);
    now = 5;
    expect(seen.firstSight('a')).toBe(false);
  });

  it('stays bounded by count, evicting the oldest first', () => {
    const seen = new BoundedSeenCache({ maxEntries: 100, maxAge: 1e9, now: () => 0 });
    for (let i = 0; i < 10_000; i++) seen.firstSight(i);
    expect(seen.size).toBe(100);
    expect(seen.firstSight(9_999)).toBe(false);
    expect(seen.firstSight(0)).toBe(true);
  });

  it('forgets ids older than maxAge', () => {
    let now = 0;
    const seen = new BoundedSeenCache({ maxEntries: 1000, maxAge: 60, now: () => now });
    seen.firstSight('x');
    now = 59;
    expect(seen.firstSight('x')).toBe(false);
    now = 200;
    seen.firstSight('y');
    expect(seen.size).toBe(1);
  });

  it('rejects a zero bound', () => {
    expect(() => new BoundedSeenCache({ maxEntries: 0, maxAge: 1, now: () => 0 })).toThrow(/maxEntries 0/);
  });

  it('still expires by age after evicting by count', () => {
    let now = 0;
    const seen = new BoundedSeenCache({ maxEntries: 2, maxAge: 100, now: () => now });
    seen.firstSight('a');
    now = 10;
    seen.firstSight('b');
    now = 20;
    seen.firstSight('c'); // evicts a
    expect(seen.size).toBe(2);
    now = 115; // b (10) has expired, c (20) has not
    expect(seen.firstSight('c')).toBe(false);
    expect(seen.size).toBe(1);
    expect(seen.firstSight('b')).toBe(true);
  });
});
