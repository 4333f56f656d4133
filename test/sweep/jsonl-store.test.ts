/**
 * The --out JSONL file: cells go in one line each and come back equal (NaN included), a torn
 * last line is cut off, and a file from another sweep, a garbled line or a cell stored twice
 * with different results is refused with the file, the line and the reason.
 */
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sweepCells, type CellResult, type SweepOptions } from '../../src/sim/sweep.ts';
import { cellLine, openCellStore, readCellFile } from '../../src/sweep/jsonl-store.ts';

const options: SweepOptions = { nodes: [100], degrees: [4, 6], seeds: 2, seed: '1', topology: 'random-regular', protocol: 'flood', latency: 'constant', messages: 1 };
const grid = sweepCells(options);
const ok = (index: number, rmr = 2.04): CellResult => ({
  index,
  nodes: 100,
  degree: grid[index]?.degree ?? 4,
  seed: grid[index]?.seed ?? '1',
  ok: true,
  edges: 200,
  sends: 301,
  expected: 301,
  reached: 100,
  coverage: 1,
  rmr,
  ldh: 5,
  timeMs: 5,
});
const failed: CellResult = { index: 3, nodes: 100, degree: 6, seed: '2', ok: false, error: 'random-regular: no' };

let dir = '';
let file = '';
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'floodlab-jsonl-'));
  file = join(dir, 'out.jsonl');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the JSONL store', () => {
  it('appends one line per cell and reads every cell back equal, NaN and Infinity included', () => {
    const store = openCellStore(file, options);
    const cells = [ok(0), ok(1, Number.NaN), { ...ok(2), rmr: Number.POSITIVE_INFINITY, expected: null }, failed];
    for (const c of cells) store.append(c);
    expect(readFileSync(file, 'utf8').split('\n')).toHaveLength(cells.length + 1);
    const again = openCellStore(file, options);
    expect([...again.done.values()]).toEqual(cells);
    expect(again.repaired).toBe(false);
  });

  it('cuts off a torn last line (a run killed mid-write) and appends after the whole lines', () => {
    writeFileSync(file, cellLine(options, ok(0)) + cellLine(options, ok(1)).slice(0, 40));
    const store = openCellStore(file, options);
    expect([...store.done.keys()]).toEqual([0]);
    expect(store.repaired).toBe(true);
    store.append(ok(1));
    expect(readFileSync(file, 'utf8')).toBe(cellLine(options, ok(0)) + cellLine(options, ok(1)));
  });

  it('adds the missing newline after a whole last line before appending', () => {
    writeFileSync(file, cellLine(options, ok(0)).trimEnd());
    openCellStore(file, options).append(ok(1));
    expect(readCellFile(file).lines.map((l) => l.cell.index)).toEqual([0, 1]);
  });

  it('refuses a file from another sweep, naming the option and both values', () => {
    writeFileSync(file, cellLine({ ...options, protocol: 'flood-echo' }, ok(0)));
    expect(() => openCellStore(file, options)).toThrow(`sweep: ${file}:1 holds a different sweep (its --protocol is flood-echo, this run's is flood)`);
  });

  it('refuses a garbled line in the middle with its line number', () => {
    writeFileSync(file, cellLine(options, ok(0)) + '{"hello": 1}\n' + cellLine(options, ok(1)));
    expect(() => openCellStore(file, options)).toThrow(`${file}:2: not a floodlab sweep cell (no "floodlab": "sweep-cell")`);
  });

  it("refuses a cell that is not the grid's cell of that index (an edited file)", () => {
    writeFileSync(file, cellLine(options, { ...ok(1), seed: '9' }) + cellLine(options, ok(7)));
    expect(() => openCellStore(file, options)).toThrow(`${file}:1: cell #1 (D=4, seed 9) is not that cell of the sweep's grid`);
  });

  it('refuses a folder or a path it cannot write before any cell runs, in one line', () => {
    expect(() => openCellStore(dir, options)).toThrow(`cannot read ${dir}: it is a folder`);
    expect(() => openCellStore(join(dir, 'no', 'out.jsonl'), options)).toThrow(`cannot write to ${join(dir, 'no', 'out.jsonl')}: no such file or folder`);
  });

  it('keeps one copy of a cell stored twice alike, and refuses two different results for one cell', () => {
    writeFileSync(file, cellLine(options, ok(0)) + cellLine(options, ok(0)));
    expect(openCellStore(file, options).done.size).toBe(1);
    appendFileSync(file, cellLine(options, ok(0, 9)));
    expect(() => openCellStore(file, options)).toThrow(`${file}:3: cell #0 (N=100, D=4, seed 1) was stored before with a different result`);
  });
});
