/**
 * `floodlab sim` and `floodlab sweep` driven as a user drives them: output fields, the exact
 * counts from the formulas, byte-identical reruns, and one-line errors with exit code 2.
 */
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.ts';

describe('floodlab sim', () => {
  it('--json reports the fields and counts the formulas predict (N=1000, D=4, one message)', async () => {
    const { code, stdout } = await runCli(['sim', '-n', '1000', '-d', '4', '--json']);
    expect(code).toBe(0);
    const r = JSON.parse(stdout);
    const n = 1000;
    const e = (n * 4) / 2;
    expect(r).toMatchObject({ nodes: n, edges: e, topology: 'random-regular', protocol: 'flood', seed: '1', messages: 1 });
    expect(r.transmissions).toBe(2 * e - (n - 1));
    expect(r.reached).toBe(n);
    expect(r.duplicates).toBe(r.transmissions - (n - 1));
    expect(r.rmr).toBeCloseTo(r.transmissions / (n - 1) - 1, 12);
    expect(r.ldh).toBeGreaterThan(0);
    expect(r.formulas).toEqual({ nd: n * 4, textbookWaste: n * 3, echo: 2 * e, noEcho: 2 * e - (n - 1), tree: n - 1 });
  });

  it("shows an uneven graph's D as its mean degree 2E/N, rounded and labelled (karate: 34 nodes, 78 edges)", async () => {
    const { code, stdout } = await runCli(['sim', '-t', 'karate']);
    expect(code).toBe(0);
    const mean = ((2 * 78) / 34).toFixed(2);
    expect(stdout).toContain(`N = 34 nodes, D = ${mean} (mean), E = 78 edges`);
  });

  it('counts all sends of all messages under flood-echo: K · 2E', async () => {
    const { stdout } = await runCli(['sim', '-n', '200', '-d', '6', '--protocol', 'flood-echo', '--messages', '7', '--latency', 'uniform:1-30', '--json']);
    const r = JSON.parse(stdout);
    expect(r.transmissions).toBe(7 * 2 * r.edges);
    expect(r.expectedTransmissions).toBe(r.transmissions);
    expect(r.perMessage).toHaveLength(7);
  });

  it('prints byte-identical output for the same seed, and a different graph for another seed', async () => {
    const args = ['sim', '-n', '300', '-d', '5', '--topology', 'erdos-renyi', '--latency', 'exponential:4', '--messages', '3'];
    const [a, b, c] = await Promise.all([runCli([...args, '--seed', '42']), runCli([...args, '--seed', '42']), runCli([...args, '--seed', '43'])]);
    expect(a.stdout).toBe(b.stdout);
    expect(a.stdout).not.toBe(c.stdout);
    const [ja, jc] = await Promise.all([runCli([...args, '--seed', '42', '--json']), runCli([...args, '--seed', '43', '--json'])]);
    expect(JSON.parse(ja.stdout).edges).not.toBe(JSON.parse(jc.stdout).edges);
  });

  it('explains the origin +1 in the table for a regular graph', async () => {
    const { stdout } = await runCli(['sim']);
    expect(stdout).toMatch(/flood: exact sends\s+│ 2E − \(N−1\)\s+│\s+3,001 │\s+3,001 ✓/);
    expect(stdout).toContain('N(D−1) + 1 = 3,000 + 1');
  });

  it('names a named graph by its own size: the karate club has 34 nodes and 78 edges', async () => {
    const { stdout } = await runCli(['sim', '--topology', 'karate', '--origin', '0', '--json']);
    const r = JSON.parse(stdout);
    expect([r.nodes, r.edges, r.transmissions]).toEqual([34, 78, 2 * 78 - 33]);
  });

  it.each([
    [['sim', '--topology', 'hypercube'], /unknown topology 'hypercube'; allowed: random-regular/],
    [['sim', '--protocol', 'gossipy'], /unknown protocol 'gossipy'; allowed: .*flood/],
    [['sim', '-n', '1'], /--nodes '1' is not allowed; expected an integer from 2/],
    [['sim', '-n', '11', '-d', '5'], /degree 5 with 11 nodes: N\*D must be even/],
    [['sim', '-d', '0'], /--degree '0' is not allowed/],
    [['sim', '--latency', 'uniform:9-1'], /latency: 'uniform:9-1' has MIN above MAX; allowed:/],
    [['sim', '--topology', 'file:/no/such/graph.gexf'], /cannot read graph file '\/no\/such\/graph.gexf'/],
    [['sim', '--frobnicate'], /unknown option '--frobnicate'/],
    [['sweep', '-d', '2..x'], /--degree 'x' is not allowed/],
  ])('rejects %j in one line with exit code 2', async (args, message) => {
    const { code, stdout, stderr } = await runCli(args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(stderr).not.toMatch(/\n\s+at /);
  });
});

describe('floodlab sweep', () => {
  it('prints one row per (N, D) with the exact count, and skips impossible cells with the reason', async () => {
    const { code, stdout } = await runCli(['sweep', '-n', '51,60', '-d', '3,4', '--seeds', '2']);
    expect(code).toBe(0);
    // N=60, D=4: 2E − (N−1) = 240 − 59 = 181, the same on every seed
    expect(stdout).toMatch(/│\s+60 │\s+4 │\s+120 │\s+181 │\s+240 │\s+181 │/);
    expect(stdout).toMatch(/N=51, D=3: random-regular: degree 3 with 51 nodes: N\*D must be even/);
  });
});
