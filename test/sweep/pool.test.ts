/**
 * The worker pool gives what a serial run gives: the same result for every cell, whatever the
 * number of workers and the order cells finish in. Runs real worker processes (through
 * worker.js, which registers tsx in each), as the CLI does.
 */
import { describe, expect, it } from 'vitest';
import { runCell, sweepCells, type SweepOptions } from '../../src/sim/sweep.ts';
import { runPool } from '../../src/sweep/pool.ts';

const options: SweepOptions = { nodes: [60, 200], degrees: [3, 4, 5], seeds: 2, seed: '7', topology: 'random-regular', protocol: 'flood', latency: 'uniform:1-20', messages: 3 };
// Erdős–Rényi with mean degree 1 has isolated nodes: a flood from one reaches nobody, RMR 0/0 = NaN.
const sparse: SweepOptions = { ...options, nodes: [40], degrees: [1], seeds: 12, topology: 'erdos-renyi', messages: 1 };
const cells = sweepCells(options);
const serial = cells.map((c) => runCell(c, options));
const byIndex = <T extends { index: number }>(xs: readonly T[]): T[] => [...xs].sort((a, b) => a.index - b.index);

describe('runPool', () => {
  it('on 2 worker processes gives every cell the result a serial run gives, NaN included', async () => {
    const seen: number[] = [];
    const results = await runPool(cells, options, { jobs: 2, onResult: (r) => seen.push(r.index) });
    expect(byIndex(results)).toEqual(serial);
    expect([...seen].sort((a, b) => a - b)).toEqual(cells.map((c) => c.index));
    const sparseCells = sweepCells(sparse);
    const sparseSerial = sparseCells.map((c) => runCell(c, sparse));
    expect(sparseSerial.some((r) => r.ok && Number.isNaN(r.rmr))).toBe(true);
    expect(byIndex(await runPool(sparseCells, sparse, { jobs: 2 }))).toEqual(sparseSerial);
  });

  it('with one job runs in this process, largest cells first, same results', async () => {
    const order: number[] = [];
    const results = await runPool(cells, options, { jobs: 1, onResult: (r) => order.push(r.nodes * r.degree) });
    expect(byIndex(results)).toEqual(serial);
    expect(order).toEqual([...order].sort((a, b) => b - a));
  });

  it('an error result (odd N·D) travels back as data, not as a crash', async () => {
    const odd: SweepOptions = { ...options, nodes: [61], degrees: [3, 4], seeds: 1 };
    const results = byIndex(await runPool(sweepCells(odd), odd, { jobs: 2 }));
    expect(results.map((r) => r.ok)).toEqual([false, true]);
    expect(results[0]).toMatchObject({ ok: false, error: expect.stringContaining('N*D must be even') });
  });

  it('stops when aborted, with the abort reason', async () => {
    const controller = new AbortController();
    const run = runPool(cells, options, { jobs: 2, signal: controller.signal, onResult: () => controller.abort('enough') });
    await expect(run).rejects.toBe('enough');
  });
});
