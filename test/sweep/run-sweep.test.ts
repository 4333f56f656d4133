/**
 * runSweep with --out: a sweep stopped part-way leaves its finished cells in the file, and the
 * rerun runs only the others, so that in the end every cell is in the file exactly once and the
 * results equal an uninterrupted run's. Shards split the grid without overlap.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sweepCells, type SweepOptions } from '../../src/sim/sweep.ts';
import { readCellFile } from '../../src/sweep/jsonl-store.ts';
import { runSweep } from '../../src/sweep/run-sweep.ts';

const options: SweepOptions = { nodes: [50, 120], degrees: [3, 4, 6], seeds: 2, seed: '3', topology: 'random-regular', protocol: 'flood', latency: 'exponential:5', messages: 2 };
const total = sweepCells(options).length;

let dir = '';
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'floodlab-sweep-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const indexes = (file: string): number[] => readCellFile(file).lines.map((l) => l.cell.index);

describe('runSweep', () => {
  it.each([1, 2])('resumes a sweep stopped after 3 cells without repeating one (%i jobs)', async (jobs) => {
    const out = join(dir, 'out.jsonl');
    const reference = await runSweep(options, { jobs: 1 });
    const controller = new AbortController();
    let done = 0;
    const first = runSweep(options, { jobs, out, signal: controller.signal, onCell: () => ++done === 3 && controller.abort('stop') });
    await expect(first).rejects.toBe('stop');
    expect(indexes(out)).toHaveLength(3);

    let reran = 0;
    const second = await runSweep(options, { jobs, out, onCell: () => reran++ });
    expect(second).toMatchObject({ ran: total - 3, skipped: 3 });
    expect(reran).toBe(total - 3);
    expect(indexes(out).sort((a, b) => a - b)).toEqual([...Array(total).keys()]);
    expect(second.results).toEqual(reference.results);

    const third = await runSweep(options, { jobs, out });
    expect(third).toMatchObject({ ran: 0, skipped: total });
  });

  it('three shards into one file hold every cell once, and equal the unsharded results', async () => {
    const out = join(dir, 'shards.jsonl');
    const ran = [];
    for (const index of [1, 2, 3]) ran.push((await runSweep(options, { jobs: 1, out, shard: { index, count: 3 } })).ran);
    expect(ran.reduce((s, x) => s + x, 0)).toBe(total);
    const whole = await runSweep(options, { jobs: 1, out });
    expect(whole.ran).toBe(0);
    expect(whole.results).toEqual((await runSweep(options, { jobs: 2 })).results);
  });
});
