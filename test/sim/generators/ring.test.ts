import { describe, expect, it } from 'vitest';
import { complete } from '../../../src/sim/generators/complete.ts';
import { ring } from '../../../src/sim/generators/ring.ts';
import { components } from '../../../src/sim/topology/components.ts';
import { edgeSet, graphFacts } from './graph-checks.ts';

describe('ring', () => {
  it.each([
    [10, 2],
    [10, 4],
    [11, 4],
    [10, 3],
    [12, 5],
    [2, 1],
    [3, 2],
    [8, 7],
    [1000, 8],
  ])('N=%i D=%i: N*D/2 edges, every degree D, simple, connected', (order, degree) => {
    const g = ring({ order, degree });
    const f = graphFacts(g);
    expect(g.size).toBe((order * degree) / 2);
    expect(f.loops + f.duplicates + f.outOfRange).toBe(0);
    expect(f.degrees.every((d) => d === degree)).toBe(true);
    expect(components(g).count).toBe(1);
  });

  it('links i to i±1..i±D/2 and, for odd D, to i+N/2', () => {
    expect(edgeSet(ring({ order: 6, degree: 3 }))).toEqual(['0-1', '0-3', '0-5', '1-2', '1-4', '2-3', '2-5', '3-4', '4-5']);
    expect(edgeSet(ring({ order: 5, degree: 4 }))).toEqual(edgeSet(complete({ order: 5 })));
  });

  it.each([
    [7, 3, /ring: degree 3 with 7 nodes: an odd degree needs an even number of nodes/],
    [5, 5, /ring: degree 5 with 5 nodes: degree must be below the number of nodes/],
    [5, 0, /ring: degree 0/],
    [1, 1, /ring: 1 nodes/],
    [5.5, 2, /ring: 5\.5 nodes/],
  ])('rejects N=%s D=%s', (order, degree, message) => {
    expect(() => ring({ order, degree })).toThrow(message);
  });
});

describe('complete', () => {
  it.each([2, 3, 10, 200])('K_%i has N(N-1)/2 edges and degree N-1', (order) => {
    const g = complete({ order });
    const f = graphFacts(g);
    expect(g.size).toBe((order * (order - 1)) / 2);
    expect(f.loops + f.duplicates).toBe(0);
    expect(f.degrees.every((d) => d === order - 1)).toBe(true);
  });

  it.each([
    [1, /complete: 1 nodes/],
    [20_001, /complete: 20001 nodes: .*from 2 to 20000/],
    [3.5, /complete: 3\.5 nodes/],
  ])('rejects N=%s', (order, message) => {
    expect(() => complete({ order })).toThrow(message);
  });
});
