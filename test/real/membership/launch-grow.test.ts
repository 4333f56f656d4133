/**
 * `floodlab launch --grow` end to end: 12 nodes join through one entry over real sockets, and each
 * message's real sends equal 2E − (N − 1) for the E links printed (the graph is connected), as the
 * simulator finds on that graph; K ≥ N is one line and exit 2.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const run = (...args: string[]) => spawnSync(process.execPath, ['bin/floodlab.js', 'launch', ...args], { cwd: root, encoding: 'utf8', timeout: 120_000 });

it('launch --grow -n 12 --want 3: real flood counts equal 2E − (N − 1) and the simulator on the grown graph', () => {
  const r = run('--grow', '-n', '12', '--want', '3', '--messages', '2', '--timeout', '90');
  expect(r.status, r.stdout + r.stderr).toBe(0);
  const links = Number(/links: (\d+);/.exec(r.stdout)![1]);
  expect(r.stdout).toContain('components 1');
  const sends = [...r.stdout.matchAll(/real (\d+) sends, reached (\d+); simulator (\d+), reached (\d+)/g)];
  expect(sends).toHaveLength(2);
  for (const m of sends) expect(m.slice(1).map(Number)).toEqual([2 * links - 11, 12, 2 * links - 11, 12]);
}, 150_000);

it('launch --grow with K ≥ N: one line, exit 2', () => {
  const r = run('--grow', '-n', '4', '--want', '4');
  expect(r.status).toBe(2);
  expect(r.stderr.trim().split('\n')).toEqual(['floodlab: launch --grow: --want 4 must be below --nodes 4 (a node cannot keep more links than there are other nodes)']);
}, 60_000);
