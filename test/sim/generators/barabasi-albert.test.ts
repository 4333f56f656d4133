import { describe, expect, it } from 'vitest';
import { attachmentsFor, barabasiAlbert } from '../../../src/sim/generators/barabasi-albert.ts';
import { seededRng } from '../../../src/sim/random.ts';
import { components } from '../../../src/sim/topology/components.ts';
import { graphFacts } from './graph-checks.ts';

const build = (order: number, degree: number, seed: string | number = 1) => barabasiAlbert({ order, degree, rng: seededRng(seed, 'graph') });

describe('barabasiAlbert', () => {
  it('brings m = max(1, round(D/2)) edges per new node', () => {
    expect([1, 2, 3, 4, 7, 8].map(attachmentsFor)).toEqual([1, 1, 2, 2, 4, 4]);
  });

  it.each([
    [2, 1],
    [10, 1],
    [100, 2],
    [1000, 8],
    [5, 8],
    [6, 8],
    [500, 7],
  ])('N=%i D=%i: m(m+1)/2 + (N-m-1)m edges, simple, connected, min degree m', (order, degree) => {
    const m = attachmentsFor(degree);
    for (let seed = 0; seed < 10; seed++) {
      const g = build(order, degree, seed);
      const f = graphFacts(g);
      expect(g.size).toBe((m * (m + 1)) / 2 + (order - m - 1) * m);
      expect(f.loops + f.duplicates + f.outOfRange).toBe(0);
      expect(components(g).count).toBe(1);
      expect(Math.min(...f.degrees)).toBe(m);
    }
  });

  it('has mean degree close to D for even D, and hubs', () => {
    const g = build(20_000, 8);
    expect((2 * g.size) / g.order).toBeCloseTo(8, 1);
    expect(Math.max(...graphFacts(g).degrees)).toBeGreaterThan(100);
  });

  it('is reproducible and depends on the seed', () => {
    expect(Array.from(build(300, 4, 'a').dst)).toEqual(Array.from(build(300, 4, 'a').dst));
    expect(Array.from(build(300, 4, 'a').dst)).not.toEqual(Array.from(build(300, 4, 'b').dst));
  });

  it.each([
    [4, 8, /barabasi-albert: 4 nodes with degree 8 \(m = 4 edges per new node\): .* >= 5/],
    [1, 1, /barabasi-albert: 1 nodes/],
    [10, 0, /barabasi-albert: degree 0/],
    [10, 1.5, /barabasi-albert: degree 1\.5/],
  ])('rejects N=%s D=%s', (order, degree, message) => {
    expect(() => build(order, degree)).toThrow(message);
  });
});
