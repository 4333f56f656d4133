/**
 * `floodlab grow` as a user runs it: the JSON carries the figures the issue names and they agree
 * with each other (edges from the degree mean, flood = 2E − (N−1) on a connected overlay), the text
 * names the 2K reason for blog, and bad input is one line with exit 2.
 */
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.ts';

describe('floodlab grow', () => {
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

  it.each([
    [['-n', '5', '--want', '5'], 'grow: K = 5 links per node with N = 5; need 1 <= K < N'],
    [['-n', '50', '--want', '0'], "--want '0' is not allowed"],
    [['-n', '50', '--overlay', 'cyclon'], "overlay: 'cyclon' is not one of blog, hyparview"],
  ])('refuses %j with one line and exit 2', async (args, message) => {
    const r = await runCli(['grow', ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});
