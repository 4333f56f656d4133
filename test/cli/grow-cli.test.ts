/**
 * `floodlab grow` as a user runs it: the JSON carries the figures the issue names and they agree
 * with each other (edges from the degree mean, flood = 2E − (N−1) on a connected overlay), the text
 * names the 2K reason for blog, and bad input is one line with exit 2.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.ts';

describe('floodlab grow', { timeout: 60_000 }, () => {
  it('--json: nodes, edges, overlay, want, connected, degree, clustering, pathLength, membershipMessages, flood', async () => {
    const r = await runCli(['grow', '-n', '200', '--want', '4', '--overlay', 'hyparview', '--seed', '2', '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j).toMatchObject({ nodes: 200, overlay: 'hyparview', want: 4, connected: true, components: 1 });
    expect(j.degree.max).toBeLessThanOrEqual(4);
    expect(j.degree.mean).toBeCloseTo((2 * j.edges) / 200, 12);
    expect(j.degree.histogram.reduce((a: number, b: number) => a + b, 0)).toBe(200);
    expect(j.flood).toMatchObject({ transmissions: 2 * j.edges - 199, reached: 200 });
    expect(j.membershipMessages.byType.join).toBe(199);
    expect(typeof j.clustering).toBe('number');
    expect(j.pathLength.sources).toBe(200);
  });

  it('text for blog names the reason the mean degree lands near 2K', async () => {
    const r = await runCli(['grow', '-n', '100']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('100 nodes joined one by one through blog (K = 5), entry first, seed 1');
    expect(r.stdout).toContain("blog's mean degree lands near 2K = 10: every join adds about K links");
  });

  it('--kill --json: failure { killed, live, reliabilityBefore, reliabilityAfterRepair, repairTimeMs, repairMessages }', async () => {
    const r = await runCli(['grow', '-n', '300', '--kill', '0.4', '--messages', '6', '--json']);
    expect(r.code).toBe(0);
    const f = JSON.parse(r.stdout).failure;
    expect(f).toMatchObject({ fraction: 0.4, killed: 120, live: 180 });
    expect(f.floodBefore.messages).toBe(6);
    for (const k of ['reliabilityBefore', 'reliabilityAfterRepair', 'repairMessages']) expect(typeof f[k]).toBe('number');
    expect(f.repaired ? typeof f.repairTimeMs : f.repairTimeMs).toBe(f.repaired ? 'number' : null);
  });

  it('--kill 0.9 that strands nodes says how many have no link left and why, the same count as the JSON', async () => {
    const args = ['grow', '-n', '300', '--want', '3', '--kill', '0.9', '--messages', '2', '--seed', '1'];
    const [text, json] = await Promise.all([runCli(args), runCli([...args, '--json'])]);
    const f = JSON.parse(json.stdout).failure;
    expect(f.repaired).toBe(false);
    expect(f.isolatedAfterRepair).toBeGreaterThan(0);
    expect(text.stdout).toContain('NOT repaired within 600 s');
    expect(text.stdout).toMatch(new RegExp(`\\n  ${f.isolatedAfterRepair} live nodes? ha(s|ve) no link left: every neighbour and every address`));
  });

  it('--churn --json: joins and crashes for --churn-for seconds, live adds up', async () => {
    const r = await runCli(['grow', '-n', '200', '--overlay', 'hyparview', '--want', '4', '--churn', '1', '--churn-for', '20', '--json']);
    expect(r.code).toBe(0);
    const c = JSON.parse(r.stdout).churn;
    expect(c).toMatchObject({ rate: 1, seconds: 20 });
    expect(c.live).toBe(200 + c.joins - c.departures);
  });

  it('--save writes edge-list text that sim --topology reads: same N and E', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'floodlab-grow-')), 'grown.txt');
    const g = JSON.parse((await runCli(['grow', '-n', '150', '--save', file, '--json'])).stdout);
    const s = await runCli(['sim', '--topology', file, '--json']);
    expect(s.code).toBe(0);
    expect(JSON.parse(s.stdout)).toMatchObject({ nodes: 150, edges: g.edges });
  });

  it('text: the waste table over the grown network beside a random-regular one', async () => {
    const r = await runCli(['grow', '-n', '120']);
    expect(r.stdout).toContain('Flood waste over the grown network (N = 120');
    expect(r.stdout).toMatch(/Beside it, a random \d+-regular network of the same N/);
    expect(r.stdout).toContain('flood: exact sends');
  });

  it.each([
    [['-n', '5', '--want', '5'], 'grow: K = 5 links per node with N = 5; need 1 <= K < N'],
    [['-n', '5', '--want', '9'], 'grow: K = 9 links per node with N = 5; need 1 <= K < N'],
    [['-n', '50', '--kill', '1'], "--kill '1' is not allowed"],
    [['-n', '50', '--kill', '0'], "--kill '0' is not allowed"],
    [['-n', '50', '--churn', '-2'], "--churn '-2' is not allowed"],
    [['-n', '50', '--entry', 'last'], "--entry 'last' is not one of first, random"],
    [['-n', '50', '--save', '/nonexistent-dir/x.txt'], '--save /nonexistent-dir/x.txt: the folder'],
    [['-n', '50', '--want', '0'], "--want '0' is not allowed"],
    [['-n', '50', '--overlay', 'cyclon'], "overlay: 'cyclon' is not one of blog, hyparview"],
  ])('refuses %j with one line and exit 2', async (args, message) => {
    const r = await runCli(['grow', ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});
