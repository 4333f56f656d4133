import { describe, expect, it, vi } from 'vitest';
import { erdosRenyi } from '../../../src/sim/generators/erdos-renyi.ts';
import { seededRng } from '../../../src/sim/random.ts';
import { edgeSet, graphFacts, isSimple } from './graph-checks.ts';

const build = (order: number, degree: number, seed: string | number) => erdosRenyi({ order, degree, rng: seededRng(seed, 'graph') });

describe('erdosRenyi', () => {
  it('draws simple graphs: no self-loops, no repeated edges, endpoints in range', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const g = build(3000, 8, seed);
      expect(graphFacts(g)).toMatchObject({ loops: 0, duplicates: 0, outOfRange: 0 });
      expect(g.labels).toBeUndefined();
    }
  });

  it('has E ~ Binomial(N(N-1)/2, p): the mean and the variance over 300 seeds within 4 standard errors', () => {
    const order = 1000;
    const degree = 8;
    const seeds = 300;
    const pairs = (order * (order - 1)) / 2;
    const p = degree / (order - 1);
    const sizes = Array.from({ length: seeds }, (_, s) => build(order, degree, `mean-${s}`).size);
    // Sum of sizes ~ Binomial(seeds * pairs, p).
    const total = sizes.reduce((a, b) => a + b, 0);
    const expected = seeds * pairs * p; // = seeds * N * D / 2 = 1,200,000
    expect(expected).toBeCloseTo((seeds * order * degree) / 2, 6);
    expect(Math.abs(total - expected)).toBeLessThan(4 * Math.sqrt(seeds * pairs * p * (1 - p)));
    // Sample variance of E against pairs * p * (1 - p); its relative standard error is about sqrt(2 / (seeds - 1)).
    const mean = total / seeds;
    const variance = sizes.reduce((a, x) => a + (x - mean) ** 2, 0) / (seeds - 1);
    const want = pairs * p * (1 - p);
    expect(Math.abs(variance / want - 1)).toBeLessThan(4 * Math.sqrt(2 / (seeds - 1)));
  });

  it('links every pair with the same probability p (each of the 15 pairs of K6 over 4000 seeds)', () => {
    const order = 6;
    const p = 0.4; // D = p * (N - 1) = 2
    const seeds = 4000;
    const hits = new Map<string, number>();
    for (let s = 0; s < seeds; s++) for (const pair of edgeSet(build(order, 2, `pair-${s}`))) hits.set(pair, (hits.get(pair) ?? 0) + 1);
    expect(hits.size).toBe(15);
    const sd = Math.sqrt(seeds * p * (1 - p));
    for (const count of hits.values()) expect(Math.abs(count - seeds * p)).toBeLessThan(4.5 * sd);
  });

  it('gives the complete graph at D = N-1 and no edges at D = 0', () => {
    const full = build(40, 39, 1);
    expect(full.size).toBe((40 * 39) / 2);
    expect(isSimple(full)).toBe(true);
    expect(build(40, 0, 1).size).toBe(0);
  });

  it('depends on the seed only: the same seed gives the same edges in the same order, another seed others', () => {
    const a = build(5000, 6, 'a');
    const again = build(5000, 6, 'a');
    expect(again.size).toBe(a.size);
    expect(Array.from(again.src.subarray(0, again.size))).toEqual(Array.from(a.src.subarray(0, a.size)));
    expect(Array.from(again.dst.subarray(0, again.size))).toEqual(Array.from(a.dst.subarray(0, a.size)));
    expect(edgeSet(build(5000, 6, 'b'))).not.toEqual(edgeSet(a));
  });

  it('never calls Math.random', () => {
    const spy = vi.spyOn(Math, 'random');
    build(100, 4, 1);
    expect(spy).not.toHaveBeenCalled();
    spy.mockRestore();
  });

  it.each([
    [10, 12, /erdos-renyi: degree 12 with 10 nodes: the mean degree must be from 0 to N-1 = 9/],
    [1, 1, /erdos-renyi: 1 nodes/],
    [10, -1, /erdos-renyi: degree -1/],
    [2 ** 30, 4, /erdos-renyi: degree 4 with 1073741824 nodes: N\*D = 4294967296 is above the limit 2147483647/],
  ])('rejects N=%s D=%s', (order, degree, message) => {
    expect(() => build(order, degree, 1)).toThrow(message);
  });
});

describe('erdosRenyi against graphology-generators', () => {
  it('gives edge for edge the graph graphology’s sparse sampler gives for the same draws, so seeds keep their graphs', async () => {
    const { UndirectedGraph } = await import('graphology');
    type Sparse = { sparse: (graph: typeof UndirectedGraph, options: object) => InstanceType<typeof UndirectedGraph> };
    const mod = (await import('graphology-generators/random/erdos-renyi.js')) as unknown as Sparse & { default?: Sparse };
    const { sparse } = mod.default ?? mod;
    for (const [order, degree, seed] of [
      [500, 4, 1],
      [2000, 8, 'x'],
      [30, 29, 2],
    ] as const) {
      const ours = build(order, degree, seed);
      const theirs: string[] = [];
      sparse(UndirectedGraph, { order, probability: degree / (order - 1), rng: seededRng(seed, 'graph') }).forEachEdge((_e, _a, s, t) => {
        theirs.push(`${s}-${t}`);
      });
      const mine = Array.from({ length: ours.size }, (_, e) => `${ours.src[e]}-${ours.dst[e]}`);
      expect(mine).toEqual(theirs);
    }
  });
});
