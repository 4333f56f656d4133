/**
 * Shards: K slices that hold every cell exactly once, agree on every machine, and cost about the
 * same. Dealing largest first to the least-loaded shard guarantees that the most- and the
 * least-loaded shard differ by at most one cell's cost (when the most-loaded one received its
 * last cell it was the least loaded).
 */
import { describe, expect, it } from 'vitest';
import { cellCost, parseShard, shardCells, sweepCells, type SweepOptions } from '../../../src/sim/sweep.ts';

const options: SweepOptions = {
  nodes: [100, 1000, 10000, 100000],
  degrees: [2, 3, 4, 5, 6, 7, 8],
  seeds: 3,
  seed: '1',
  topology: 'random-regular',
  protocol: 'flood',
  latency: 'constant',
  messages: 1,
};
const cells = sweepCells(options);

describe('parseShard', () => {
  it('reads I/K with 1 ≤ I ≤ K', () => {
    expect(parseShard('1/4')).toEqual({ index: 1, count: 4 });
    expect(parseShard(' 4 / 4 ')).toEqual({ index: 4, count: 4 });
  });

  it.each(['0/4', '5/4', '1/0', '2', 'a/b', '1/4/2', '-1/4', '1/10001'])('refuses %s naming the value and the rule', (text) => {
    expect(() => parseShard(text)).toThrow(new RegExp(`'${text}' is not allowed; expected I/K with 1 ≤ I ≤ K`));
  });
});

describe('shardCells', () => {
  it.each([1, 2, 3, 5, 84, 100])('%i shards hold every cell exactly once, each in grid order', (k) => {
    const parts = Array.from({ length: k }, (_, i) => shardCells(cells, { index: i + 1, count: k }));
    const all = parts
      .flat()
      .map((c) => c.index)
      .sort((a, b) => a - b);
    expect(all).toEqual(cells.map((c) => c.index));
    for (const p of parts) expect(p.map((c) => c.index)).toEqual([...p.map((c) => c.index)].sort((a, b) => a - b));
  });

  it.each([2, 3, 5, 7])('%i shards differ in cost by at most the largest cell', (k) => {
    const loads = Array.from({ length: k }, (_, i) => shardCells(cells, { index: i + 1, count: k }).reduce((s, c) => s + cellCost(c), 0));
    const largest = Math.max(...cells.map(cellCost));
    expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(largest);
  });

  it('is the same split however the cells are listed (every machine computes the same one)', () => {
    const shuffled = [...cells].reverse();
    expect(shardCells(shuffled, { index: 2, count: 3 })).toEqual(shardCells(cells, { index: 2, count: 3 }));
  });
});
