/**
 * Graph figures on graphs whose answers are known in closed form:
 *
 *   ring of 10 (0─1─…─9─0)   complete K6   star: centre 0, leaves 1..5   path 0─1─2─3─4
 *   kite: triangle 0─1─2 with tail 2─3   two triangles 0─1─2, 3─4─5
 */
import { describe, expect, it } from 'vitest';
import { averageClustering, degreeStats, graphFigures, pathStats } from '../../../src/sim/analysis/index.ts';
import { toCsr } from '../../../src/sim/topology/csr.ts';
import { edgeListFromPairs } from '../../../src/sim/topology/edge-list.ts';
import { seededRng } from '../../../src/sim/random.ts';

const graph = (n: number, pairs: [number, number][]) => toCsr(edgeListFromPairs(n, pairs));
const ringOf = (n: number) =>
  graph(
    n,
    Array.from({ length: n }, (_, i) => [i, (i + 1) % n] as [number, number]),
  );
const completeOf = (n: number) => graph(n, Array.from({ length: n }, (_, i) => Array.from({ length: n - i - 1 }, (_, j) => [i, i + j + 1] as [number, number])).flat());
const star = graph(
  6,
  [1, 2, 3, 4, 5].map((v) => [0, v] as [number, number]),
);
const path = graph(5, [
  [0, 1],
  [1, 2],
  [2, 3],
  [3, 4],
]);
const kite = graph(4, [
  [0, 1],
  [1, 2],
  [2, 0],
  [2, 3],
]);
const twoTriangles = graph(6, [
  [0, 1],
  [1, 2],
  [2, 0],
  [3, 4],
  [4, 5],
  [5, 3],
]);

describe('graph figures', () => {
  it('degree stats: ring all 2; star min 1, max 5, mean 2E/N = 10/6, histogram [0, 5, 0, 0, 0, 1]', () => {
    expect(degreeStats(ringOf(10))).toEqual({ min: 2, mean: 2, max: 2, histogram: [0, 0, 10] });
    expect(degreeStats(star)).toEqual({ min: 1, mean: 10 / 6, max: 5, histogram: [0, 5, 0, 0, 0, 1] });
    expect(degreeStats(graph(0, []))).toEqual({ min: 0, mean: 0, max: 0, histogram: [] });
  });

  it('clustering: complete 1, ring and star and path 0, kite (1 + 1 + 1/3 + 0) / 4 = 7/12', () => {
    expect(averageClustering(completeOf(6))).toBe(1);
    expect(averageClustering(ringOf(10))).toBe(0);
    expect(averageClustering(star)).toBe(0);
    expect(averageClustering(path)).toBe(0);
    expect(averageClustering(kite)).toBeCloseTo(7 / 12, 12);
  });

  it('sampled clustering on a complete graph is 1 whatever nodes are drawn, and is reproducible on the kite', () => {
    expect(averageClustering(completeOf(8), { samples: 5, rng: seededRng(1, 'c') })).toBe(1);
    const a = averageClustering(kite, { samples: 3, rng: seededRng(2, 'c') });
    expect(averageClustering(kite, { samples: 3, rng: seededRng(2, 'c') })).toBe(a);
  });

  it('mean shortest path: ring of 10 = (N²/4)/(N−1) = 25/9, complete 1, star 5/3, path of 5 = 2; diameters 5, 1, 2, 4', () => {
    expect(pathStats(ringOf(10))).toEqual({ mean: 25 / 9, sources: 10, diameterLowerBound: 5 });
    expect(pathStats(completeOf(6))).toEqual({ mean: 1, sources: 6, diameterLowerBound: 1 });
    expect(pathStats(star)).toEqual({ mean: 5 / 3, sources: 6, diameterLowerBound: 2 });
    expect(pathStats(path)).toEqual({ mean: 2, sources: 5, diameterLowerBound: 4 });
  });

  it('on a disconnected graph the mean is over pairs that reach each other; sampled sources are distinct and reproducible', () => {
    expect(pathStats(twoTriangles).mean).toBe(1);
    const sampled = pathStats(ringOf(100), { sources: 7, rng: seededRng(3, 'p') });
    expect(sampled.sources).toBe(7);
    expect(sampled.mean).toBe(2500 / 99); // every node of a ring sees the same distances
    expect(sampled.diameterLowerBound).toBe(50);
  });

  it('graphFigures counts components and switches to sampling at exactBelow', () => {
    const f = graphFigures(twoTriangles, { rng: seededRng(1, 'f') });
    expect(f.components).toBe(2);
    expect(f.clustering).toBe(1);
    expect(graphFigures(ringOf(100), { rng: seededRng(1, 'f'), exactBelow: 50, pathSources: 4 }).pathLength.sources).toBe(4);
  });
});
