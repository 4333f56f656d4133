import { describe, expect, it } from 'vitest';
import { degreeCounts, isRegular } from '../../../src/core/graph/degrees.ts';

const graph = (order: number, pairs: [number, number][]) => ({ order, size: pairs.length, src: pairs.map((p) => p[0]), dst: pairs.map((p) => p[1]) });

describe('degreeCounts', () => {
  it('counts edge ends per node, a self-loop twice, so they sum to 2E', () => {
    const g = graph(5, [
      [0, 1],
      [1, 2],
      [2, 0],
      [3, 3],
    ]);
    const deg = degreeCounts(g);
    expect(deg).toEqual(Int32Array.of(2, 2, 2, 2, 0));
    expect(deg.reduce((a, b) => a + b, 0)).toBe(2 * g.size);
  });

  it('ignores array entries past size and adds into a given array (how the CSR fills its offsets)', () => {
    const g = { order: 3, size: 1, src: Int32Array.of(0, 2), dst: Int32Array.of(1, 2) };
    const offsets = new Int32Array(4);
    degreeCounts(g, offsets.subarray(1));
    expect(offsets).toEqual(Int32Array.of(0, 1, 1, 0));
  });
});

describe('isRegular', () => {
  it('is true only when every node has the same degree', () => {
    expect(
      isRegular(
        graph(3, [
          [0, 1],
          [1, 2],
          [2, 0],
        ]),
      ),
    ).toBe(true);
    expect(
      isRegular(
        graph(3, [
          [0, 1],
          [1, 2],
        ]),
      ),
    ).toBe(false);
    expect(isRegular(graph(0, []))).toBe(true);
  });
});
