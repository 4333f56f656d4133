import { describe, expect, it } from 'vitest';
import { RecentMap } from '../../src/core/protocols/recent.ts';

describe('RecentMap', () => {
  it('keeps entries in order, replaces in place, forgets the oldest past its limit', () => {
    const m = new RecentMap<string, number>(3);
    expect([m.size, m.get('a'), m.has('a')]).toEqual([0, undefined, false]);
    m.set('a', 1);
    m.set('b', 2);
    m.set('a', 10); // replaced, still the oldest
    m.set('c', 3);
    m.set('d', 4); // evicts 'a'
    expect([m.size, m.get('a'), m.get('b'), m.get('c'), m.get('d')]).toEqual([3, undefined, 2, 3, 4]);
    m.delete('c');
    m.delete('zz');
    expect([m.size, m.has('c'), m.get('d')]).toEqual([2, false, 4]);
  });
});
