import { afterEach, describe, expect, it, vi } from 'vitest';
import { randomRegular } from '../../../src/sim/generators/random-regular.ts';
import { seededRng } from '../../../src/sim/random.ts';
import { components } from '../../../src/sim/topology/components.ts';
import { graphFacts } from './graph-checks.ts';

const build = (order: number, degree: number, seed: string | number = 1) => randomRegular({ order, degree, rng: seededRng(seed, 'graph') });

describe('randomRegular', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  // Includes D = 2, 3, 7, 8; odd N with even D; dense cases drawn as complements (2D > N-1).
  const cases: [number, number][] = [
    [3, 2],
    [5, 2],
    [7, 2],
    [50, 2],
    [1001, 2],
    [4, 3],
    [6, 3],
    [10, 3],
    [102, 3],
    [1000, 3],
    [8, 7],
    [10, 7],
    [30, 7],
    [500, 7],
    [9, 8],
    [11, 8],
    [17, 8],
    [101, 8],
    [2001, 8],
    [2, 1],
    [5, 4],
    [6, 5],
    [20, 10],
    [21, 10],
    [64, 40],
  ];
  it.each(cases)('N=%i D=%i: every node of degree D, simple, connected, over 20 seeds', (order, degree) => {
    for (let seed = 0; seed < 20; seed++) {
      const g = build(order, degree, `${order}/${degree}/${seed}`);
      const f = graphFacts(g);
      expect(g.order).toBe(order);
      expect(g.size).toBe((order * degree) / 2);
      expect(f.outOfRange).toBe(0);
      expect(f.loops).toBe(0);
      expect(f.duplicates).toBe(0);
      expect(f.degrees.every((d) => d === degree)).toBe(true);
      expect(components(g).count).toBe(1);
    }
  });

  it('repairs graphs whose pairing is only self-loops (N=5, D=2 over 300 seeds)', () => {
    for (let seed = 0; seed < 300; seed++) {
      const f = graphFacts(build(5, 2, seed));
      expect(f.loops + f.duplicates).toBe(0);
    }
  });

  it('joins many small components (D = 2 and 3 on 15 and 12 nodes over 500 seeds)', () => {
    for (let seed = 0; seed < 500; seed++) {
      expect(components(build(15, 2, seed)).count).toBe(1);
      expect(components(build(12, 3, seed)).count).toBe(1);
    }
  });

  it('makes D = 2 a single Hamiltonian cycle', () => {
    const g = build(10_000, 2, 'cycle');
    expect(components(g).count).toBe(1);
    expect(graphFacts(g).degrees.every((d) => d === 2)).toBe(true);
  });

  it('builds N = 10^5, D = 8 regular, simple and connected', () => {
    const g = build(100_000, 8, 'big');
    const f = graphFacts(g);
    expect(f.loops + f.duplicates).toBe(0);
    expect(f.degrees.every((d) => d === 8)).toBe(true);
    expect(components(g).count).toBe(1);
  });

  it('gives identical arrays for the same seed and a different graph for another seed', () => {
    const a = build(1000, 8, 'seed-a');
    const b = build(1000, 8, 'seed-a');
    const c = build(1000, 8, 'seed-b');
    expect(Array.from(a.src)).toEqual(Array.from(b.src));
    expect(Array.from(a.dst)).toEqual(Array.from(b.dst));
    expect(Array.from(a.src)).not.toEqual(Array.from(c.src));
  });

  it('never calls Math.random', () => {
    const spy = vi.spyOn(Math, 'random');
    build(1000, 8);
    build(20, 15);
    expect(spy).not.toHaveBeenCalled();
  });

  it.each([
    [11, 5, /degree 5 with 11 nodes: N\*D must be even/],
    [10, 12, /degree 12 with 10 nodes: degree must be below the number of nodes/],
    [10, 10, /degree 10 with 10 nodes: degree must be below/],
    [10, 0, /degree 0: the degree must be an integer >= 1/],
    [10, 2.5, /degree 2\.5: the degree must be an integer/],
    [1, 1, /1 nodes: the number of nodes must be an integer >= 2/],
    [10.5, 2, /10\.5 nodes/],
    [10, 1, /degree 1 with 10 nodes cannot be connected/],
    [4001, 2000, /degree 2000 with 4001 nodes: too dense/],
  ])('rejects N=%s D=%s with a message naming the value', (order, degree, message) => {
    expect(() => build(order, degree)).toThrow(message);
    try {
      build(order, degree);
    } catch (err) {
      expect((err as Error).name).toBe('InputError');
      expect((err as Error).message).toMatch(/^random-regular: /);
    }
  });
});
