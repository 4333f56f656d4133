/**
 * `floodlab sweep` and `floodlab merge` run the way a user runs them (node bin/floodlab.js):
 * stdout is the same bytes with 1 or 2 workers and with --out; a run killed mid-way is finished
 * by a rerun without repeating a cell; three shards merged print the table and CSV of one run.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'floodlab-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Run {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

function floodlab(args: readonly string[], onSpawn?: (kill: () => void) => void): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/floodlab.js', ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let [stdout, stderr] = ['', ''];
    child.stdout.on('data', (d: Buffer) => (stdout += d));
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
    onSpawn?.(() => child.kill('SIGKILL'));
  });
}

const lines = (file: string): string[] =>
  existsSync(file)
    ? readFileSync(file, 'utf8')
        .split('\n')
        .filter((l) => l !== '')
    : [];
const cellIndexes = (file: string): number[] => lines(file).map((l) => (JSON.parse(l) as { cell: { index: number } }).cell.index);

// N = 61 with D = 3 or 5 cannot exist (N·D odd): those cells are stored as errors and must merge too.
const grid = ['sweep', '-n', '61,200', '-d', '3..5', '--seeds', '2', '--latency', 'uniform:1-9', '--messages', '2'];
const gridCells = 2 * 3 * 2;

describe('floodlab sweep and merge', () => {
  it('prints the same bytes on 1 and 2 workers and with --out, and nothing on stderr', async () => {
    const out = join(dir, 'same.jsonl');
    const [one, two] = await Promise.all([floodlab([...grid, '--jobs', '1']), floodlab([...grid, '--jobs', '2', '--out', out])]);
    expect(one).toMatchObject({ code: 0, stderr: '' });
    expect(one.stdout).toMatch(/^floodlab sweep: flood, 2 seeds per cell/);
    expect(two).toEqual(one);
    expect(cellIndexes(out).sort((a, b) => a - b)).toEqual([...Array(gridCells).keys()]);
  });

  it('three shards merged print the table and CSV of one unsharded run', async () => {
    const parts = [1, 2, 3].map((i) => join(dir, `part${i}.jsonl`));
    const shards = await Promise.all(parts.map((out, i) => floodlab([...grid, '--jobs', '1', '--shard', `${i + 1}/3`, '--out', out])));
    for (const s of shards) expect(s).toMatchObject({ code: 0, stdout: expect.stringMatching(/This is shard \d\/3/) });
    expect(parts.map((p) => lines(p).length).reduce((s, x) => s + x, 0)).toBe(gridCells);
    const [whole, merged] = await Promise.all([floodlab([...grid, '--jobs', '2', '--csv', join(dir, 'whole.csv')]), floodlab(['merge', ...parts, '--csv', join(dir, 'merged.csv')])]);
    expect(merged).toEqual(whole);
    expect(whole.stdout).toMatch(/Skipped cells:\n {2}- N=61, D=3: .+\n {2}- N=61, D=5: /);
    expect(readFileSync(join(dir, 'merged.csv'), 'utf8')).toBe(readFileSync(join(dir, 'whole.csv'), 'utf8'));

    const missing = await floodlab(['merge', parts[0]!, parts[2]!]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^floodlab: merge: \d+ of the grid's 12 cells are in none of the files .*--partial/);
  });

  it('a run killed mid-way is finished by a rerun that runs each missing cell once', async () => {
    const big = ['sweep', '-n', '20000,40000', '-d', '4..6', '--seeds', '2', '--jobs', '1'];
    const out = join(dir, 'killed.jsonl');
    const killed = await floodlab([...big, '--out', out], (kill) => {
      const poll = setInterval(() => {
        if (lines(out).length >= 2) {
          clearInterval(poll);
          kill();
        }
      }, 5);
    });
    expect(killed.signal).toBe('SIGKILL');
    const before = cellIndexes(out);
    expect(before.length).toBeGreaterThanOrEqual(2);
    expect(before.length).toBeLessThan(12);

    const [rerun, reference] = await Promise.all([floodlab([...big, '--out', out]), floodlab(big)]);
    expect(rerun.code).toBe(0);
    expect(rerun.stderr).toContain(`${before.length} cells already done`);
    expect(rerun.stdout).toBe(reference.stdout);
    const after = cellIndexes(out);
    expect(after.slice(0, before.length)).toEqual(before);
    expect([...after].sort((a, b) => a - b)).toEqual([...Array(12).keys()]);
  });

  it('refuses --shard without --out in one line, exit 2', async () => {
    const r = await floodlab([...grid, '--shard', '1/2']);
    expect(r).toEqual({ code: 2, signal: null, stdout: '', stderr: "floodlab: sweep: --shard 1/2 needs --out FILE.jsonl, so that 'floodlab merge' can join the shards\n" });
  });
});
