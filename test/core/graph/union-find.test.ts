import { describe, expect, it } from 'vitest';
import { UnionFind } from '../../../src/core/graph/union-find.ts';

describe('UnionFind', () => {
  it('starts with singletons and joins sets, the lowest node becoming the root', () => {
    const sets = new UnionFind(6);
    expect([0, 1, 2, 3, 4, 5].map((x) => sets.find(x))).toEqual([0, 1, 2, 3, 4, 5]);
    expect(sets.union(4, 5)).toBe(true);
    expect(sets.union(5, 2)).toBe(true);
    expect(sets.union(2, 4)).toBe(false); // already together
    expect(sets.union(3, 1)).toBe(true);
    expect([0, 1, 2, 3, 4, 5].map((x) => sets.find(x))).toEqual([0, 1, 2, 1, 2, 2]);
  });

  it('counts N - 1 joins along a long path in any order, and the root is node 0', () => {
    const n = 100_000;
    const sets = new UnionFind(n);
    let joins = 0;
    for (let i = n - 1; i > 0; i--) if (sets.union(i, i - 1)) joins++;
    expect(joins).toBe(n - 1);
    expect(sets.find(n - 1)).toBe(0);
    expect(sets.union(0, n - 1)).toBe(false);
  });
});
