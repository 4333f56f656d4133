/**
 * `floodlab launch --grow` end to end: 12 nodes join through one entry over real sockets, and each
 * message's real sends equal 2E − (N − 1) for the E links printed (the graph is connected), as the
 * simulator finds on that graph; with --processes --kill, 4 of 12 node processes are SIGKILLed and
 * every survivor gets every message sent after repair, at the exact count on the repaired graph;
 * K ≥ N, and --kill without --processes, are one line and exit 2.
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

// K = 4: with K = 3, killing 4 of 12 left a fragment stranded about 1 run in 5 (seen: n7, n9 and n11 in a
// triangle at 2 of 3 links, knowing no live address outside it, the entry among the killed), the blog
// rule's documented weakness (docs/membership.md), which would make this test a coin toss.
it('launch --grow -n 12 --want 4 --processes --kill 0.34: 4 SIGKILLed, the 8 survivors repair and each gets every later message', () => {
  const r = run('--grow', '-n', '12', '--want', '4', '--processes', '--kill', '0.34', '--messages', '2', '--timeout', '90');
  expect(r.status, r.stdout + r.stderr).toBe(0);
  const [grown, repaired] = r.stdout.split(/\n\n/);
  expect(repaired).toMatch(/^killed 4 of 12 with SIGKILL \((n\d+, ){3}n\d+\); the 8 survivors repaired in \d+\.\d s/);
  const links = Number(/links: (\d+);/.exec(repaired!)![1]);
  expect(repaired).toContain('components 1');
  const after = [...repaired!.matchAll(/after repair, message \d from n(\d+): real (\d+) sends, reached (\d+); simulator (\d+), reached (\d+)/g)];
  expect(after).toHaveLength(2);
  const killed = [.../\((n\d+(?:, n\d+)*)\)/.exec(repaired!)![1]!.matchAll(/n(\d+)/g)].map((m) => m[1]);
  for (const m of after) {
    expect(killed).not.toContain(m[1]); // every message after repair comes from a survivor
    expect(m.slice(2).map(Number)).toEqual([2 * links - 7, 8, 2 * links - 7, 8]);
  }
  expect(grown).toMatch(/^grew 12 node processes/);
}, 150_000);

it('launch --grow --json: one object whose real sends equal 2E − (N − 1) and the simulator for the links it reports', () => {
  const r = run('--grow', '-n', '6', '--want', '2', '--messages', '2', '--json', '--timeout', '60');
  expect(r.status, r.stdout + r.stderr).toBe(0);
  const j = JSON.parse(r.stdout);
  expect(j).toMatchObject({ nodes: 6, want: 2, overlay: 'blog', protocol: 'flood', ok: true, problems: [] });
  expect(j.grown.components).toBe(1);
  expect(j.grown.messages).toHaveLength(2);
  for (const m of j.grown.messages) {
    expect(m.real).toEqual({ sends: 2 * j.grown.links - 5, reached: 6 });
    expect(m.simulator).toEqual(m.real);
    expect(m.formula).toBe(m.real.sends);
  }
}, 60_000);

it('launch --grow --kill without --processes: one line, exit 2', () => {
  const r = run('--grow', '-n', '6', '--want', '2', '--kill', '0.5');
  expect(r.status).toBe(2);
  expect(r.stderr.trim().split('\n')).toEqual(['floodlab: launch --grow: --kill 0.5 needs --processes (a node is killed as an OS process, with SIGKILL)']);
}, 60_000);

it('launch --grow with K ≥ N: one line, exit 2', () => {
  const r = run('--grow', '-n', '4', '--want', '4');
  expect(r.status).toBe(2);
  expect(r.stderr.trim().split('\n')).toEqual(['floodlab: launch --grow: --want 4 must be below --nodes 4 (a node cannot keep more links than there are other nodes)']);
}, 60_000);
