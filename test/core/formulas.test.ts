import { describe, expect, it } from 'vitest';
import { exactSends, floodFormulas, rmr } from '../../src/core/formulas.ts';

describe('floodFormulas', () => {
  it('gives N·D = 2E and N(D−1)+1 = 2E−(N−1) on a D-regular graph', () => {
    for (const [n, d] of [
      [10, 3],
      [1000, 4],
      [12345, 8],
    ] as const) {
      const e = (n * d) / 2;
      const f = floodFormulas(n, e, d);
      expect(f.echo).toBe(f.nd);
      expect(f.noEcho).toBe(n * (d - 1) + 1);
      expect(f.noEcho).toBe(f.textbookWaste + 1);
      expect(f.tree).toBe(n - 1);
    }
  });

  it('knows the exact sends of flood, flood-echo and tree only', () => {
    expect(exactSends('flood', 5, 7)).toBe(14 - 4);
    expect(exactSends('flood-echo', 5, 7)).toBe(14);
    expect(exactSends('tree', 5, 7)).toBe(4);
    expect(exactSends('gossip:0.5', 5, 7)).toBeUndefined();
  });

  it('RMR is 0 for a tree and NaN when nobody new was reached', () => {
    expect(rmr(9, 9)).toBe(0);
    expect(rmr(20, 10)).toBe(1);
    expect(rmr(5, 0)).toBeNaN();
  });
});
