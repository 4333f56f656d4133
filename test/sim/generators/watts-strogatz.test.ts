import { describe, expect, it, vi } from 'vitest';
import { ring } from '../../../src/sim/generators/ring.ts';
import { wattsStrogatz } from '../../../src/sim/generators/watts-strogatz.ts';
import { seededRng } from '../../../src/sim/random.ts';
import { edgeSet, graphFacts } from './graph-checks.ts';

const build = (order: number, degree: number, beta?: number, seed: string | number = 1) => wattsStrogatz({ order, degree, rng: seededRng(seed, 'graph'), ...(beta === undefined ? {} : { beta }) });

describe('wattsStrogatz', () => {
  it.each([
    [20, 4, 0.1],
    [100, 8, 0.3],
    [1000, 6, 1],
    [10, 8, 0.5],
    [5, 4, 1],
    [3, 2, 1],
  ])('N=%i D=%i beta=%f: N*D/2 edges, simple, over 20 seeds', (order, degree, beta) => {
    for (let seed = 0; seed < 20; seed++) {
      const g = build(order, degree, beta, seed);
      const f = graphFacts(g);
      expect(g.size).toBe((order * degree) / 2);
      expect(f.loops + f.duplicates + f.outOfRange).toBe(0);
    }
  });

  it('is the ring lattice at beta = 0 and rewires about beta of the edges', () => {
    expect(edgeSet(build(50, 4, 0))).toEqual(edgeSet(ring({ order: 50, degree: 4 })));
    const lattice = new Set(edgeSet(ring({ order: 10_000, degree: 8 })));
    const moved = edgeSet(build(10_000, 8, 0.2)).filter((e) => !lattice.has(e)).length;
    expect(moved / 40_000).toBeGreaterThan(0.18);
    expect(moved / 40_000).toBeLessThan(0.22);
  });

  it('uses beta = 0.1 by default, is reproducible and depends on the seed', () => {
    expect(edgeSet(build(200, 6))).toEqual(edgeSet(build(200, 6, 0.1)));
    expect(Array.from(build(200, 6, 0.5, 'a').dst)).toEqual(Array.from(build(200, 6, 0.5, 'a').dst));
    expect(Array.from(build(200, 6, 0.5, 'a').dst)).not.toEqual(Array.from(build(200, 6, 0.5, 'b').dst));
  });

  it('never calls Math.random', () => {
    const spy = vi.spyOn(Math, 'random');
    build(100, 4, 0.5);
    expect(spy).not.toHaveBeenCalled();
    spy.mockRestore();
  });

  it.each([
    [10, 3, undefined, /watts-strogatz: degree 3: the degree must be even/],
    [10, 10, undefined, /watts-strogatz: degree 10 with 10 nodes/],
    [10, 4, 1.5, /watts-strogatz: beta 1\.5/],
    [10, 4, -0.1, /watts-strogatz: beta -0\.1/],
    [1, 2, undefined, /watts-strogatz: 1 nodes/],
  ])('rejects N=%s D=%s beta=%s', (order, degree, beta, message) => {
    expect(() => build(order, degree, beta)).toThrow(message);
  });
});
