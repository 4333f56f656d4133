/** The grid: how many cells, in which order, with which seeds; and when two sweeps differ. */
import { describe, expect, it } from 'vitest';
import { cellSeed, sweepCells, sweepDifference, type SweepOptions } from '../../../src/sim/sweep.ts';

const options: SweepOptions = { nodes: [100, 1000], degrees: [4, 6, 8], seeds: 3, seed: '5', topology: 'random-regular', protocol: 'flood', latency: 'constant', messages: 1 };

describe('sweepCells', () => {
  it('has |N| · |D| · seeds cells numbered N-major, then D, then seed', () => {
    const cells = sweepCells(options);
    expect(cells).toHaveLength(2 * 3 * 3);
    expect(cells.map((c) => c.index)).toEqual([...Array(18).keys()]);
    expect(cells[0]).toEqual({ index: 0, nodes: 100, degree: 4, seed: '5' });
    expect(cells[4]).toEqual({ index: 4, nodes: 100, degree: 6, seed: '6' });
    expect(cells[17]).toEqual({ index: 17, nodes: 1000, degree: 8, seed: '7' });
  });

  it('counts numeric seeds up and suffixes others', () => {
    expect([0, 1, 2].map((i) => cellSeed('41', i))).toEqual(['41', '42', '43']);
    expect([0, 1, 2].map((i) => cellSeed('abc', i))).toEqual(['abc', 'abc-1', 'abc-2']);
  });

  it('refuses a seed count outside 1..10000', () => {
    expect(() => sweepCells({ ...options, seeds: 0 })).toThrow(/sweep: seeds 0 must be an integer from 1 to 10000/);
  });
});

describe('sweepDifference', () => {
  it('is null for the same sweep and names the first differing flag otherwise', () => {
    expect(sweepDifference(options, { ...options, nodes: [100, 1000] })).toBeNull();
    expect(sweepDifference(options, { ...options, degrees: [4, 8] })).toEqual({ flag: '--degree', a: '4,6,8', b: '4,8' });
    expect(sweepDifference(options, { ...options, protocol: 'flood-echo' })).toEqual({ flag: '--protocol', a: 'flood', b: 'flood-echo' });
  });
});
