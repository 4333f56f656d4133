/**
 * The new user's list (issue 10, item 7), one test each, driven as a user drives the CLI:
 * output paths checked before any work, --csv/--json meaning the same in every command, notes
 * for ignored options, a quiet exit into a closed pipe, --version, no NaN when only the origin
 * is reached, and counted nouns with plurals and thousands separators.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'floodlab-cli-'));
const T = 60_000;

describe('a new user', () => {
  it.each([
    ['sweep', '--csv'],
    ['sweep', '--json'],
    ['sweep', '--out'],
    ['sim', '--json'],
    ['sim', '--csv'],
    ['compare', '--json'],
  ])(
    '%s %s into a missing folder: one line, exit 2, before any work',
    async (command, flag) => {
      const started = Date.now();
      const r = await runCli([command, '-n', '100', '-d', '4', flag, '/nonexistent/dir/x.out']);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(`floodlab: ${flag} /nonexistent/dir/x.out: the folder /nonexistent/dir does not exist\n`);
      expect(r.stdout).toBe('');
      expect(Date.now() - started).toBeLessThan(T);
    },
    T,
  );

  it(
    '--csv alone prints CSV instead of the table; --csv FILE writes it and the table still prints (sim, compare, sweep)',
    async () => {
      for (const command of ['sim', 'compare', 'sweep']) {
        const base = [command, '-n', '60', '-d', '4', ...(command === 'compare' ? ['--messages', '3', '--protocols', 'flood,tree'] : []), ...(command === 'sweep' ? ['-j', '1', '--no-progress'] : [])];
        const alone = await runCli([...base, '--csv']);
        expect(alone.code, command).toBe(0);
        expect(alone.stdout.split('\n')[0], command).toMatch(/^[a-z_]+(,[a-z_]+)+$/); // a CSV header, no table
        const file = join(dir, `${command}.csv`);
        const withFile = await runCli([...base, '--csv', file]);
        expect(withFile.code, command).toBe(0);
        expect(withFile.stdout, command).toMatch(/┌|floodlab/);
        expect(readFileSync(file, 'utf8'), command).toBe(alone.stdout);
      }
    },
    4 * T,
  );

  it(
    '--json alone prints JSON; --json FILE writes the same JSON (sim)',
    async () => {
      const alone = await runCli(['sim', '-n', '50', '-d', '4', '--json']);
      const file = join(dir, 'sim.json');
      const withFile = await runCli(['sim', '-n', '50', '-d', '4', '--json', file]);
      expect(JSON.parse(alone.stdout).nodes).toBe(50);
      expect(readFileSync(file, 'utf8')).toBe(alone.stdout);
      expect(withFile.stdout).toContain('floodlab sim:');
    },
    T,
  );

  it(
    'says on stderr when the topology ignores -n or -d',
    async () => {
      const complete = await runCli(['sim', '-t', 'complete', '-n', '10', '-d', '4']);
      expect(complete.code).toBe(0);
      expect(complete.stderr).toBe('floodlab sim: note: --topology complete ignores --degree (the graph fixes D)\n');
      expect(complete.stdout).toContain('D = 9');
      const karate = await runCli(['compare', '-t', 'karate', '-n', '500', '--messages', '2', '--protocols', 'flood']);
      expect(karate.stderr).toBe('floodlab compare: note: --topology karate ignores --nodes (the graph fixes N)\n');
      const quiet = await runCli(['sim', '-t', 'karate']);
      expect(quiet.stderr).toBe(''); // nothing given, nothing ignored
    },
    T,
  );

  it(
    'exits quietly when the reader closes the pipe (sim --json | head -c 0)',
    async () => {
      const child = spawn(process.execPath, ['bin/floodlab.js', 'sim', '-n', '20000', '-d', '4', '--messages', '50', '--json'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      child.stdout.destroy(); // the reader goes away before a byte is read
      const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
      expect(stderr).toBe('');
      expect(code).toBe(0);
    },
    T,
  );

  it(
    'prints its version from package.json',
    async () => {
      const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
      const r = await runCli(['--version']);
      expect(r).toMatchObject({ code: 0, stdout: `${version}\n` });
    },
    T,
  );

  it(
    'ttl:0 reaches only the origin: no NaN, and it says so',
    async () => {
      const r = await runCli(['sim', '-n', '100', '-d', '4', '--protocol', 'ttl:0']);
      expect(r.code).toBe(0);
      expect(r.stdout).not.toMatch(/NaN/);
      expect(r.stdout).toContain('only the origin was reached');
      expect(r.stdout).not.toContain('full coverage after');
      const json = JSON.parse((await runCli(['sim', '-n', '100', '-d', '4', '--protocol', 'ttl:0', '--json'])).stdout);
      expect(json.rmr).toBeNull();
    },
    T,
  );

  it(
    'counts with plurals and thousands separators',
    async () => {
      const one = await runCli(['sim', '-t', 'path', '-n', '2']);
      expect(one.stdout).toContain('N = 2 nodes, D = 1, E = 1 edge ');
      expect(one.stdout).toContain('1 send for 1 new node: 0 copies');
      const big = await runCli(['sim', '-n', '2000', '-d', '4']);
      expect(big.stdout).toContain('N = 2,000 nodes, D = 4, E = 4,000 edges');
    },
    T,
  );
});

describe('library errors name the value; the CLI names the flag', () => {
  it(
    'compare --origin 5000 says --origin, not sim',
    async () => {
      const r = await runCli(['compare', '-n', '100', '--origin', '5000', '--messages', '2', '--protocols', 'flood']);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe("floodlab: --origin '5000' is not a node; allowed: 0 to 99\n");
    },
    T,
  );
});
