/** `floodlab compare` driven as a user drives it: the table, JSON, reruns, one-line errors. */
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.ts';

describe('floodlab compare', () => {
  it('--json has one row per protocol, with flood and tree at their exact counts', async () => {
    const { code, stdout } = await runCli(['compare', '-n', '200', '-d', '6', '--messages', '8', '--protocols', 'flood,tree,plumtree,announce', '--json']);
    expect(code).toBe(0);
    const r = JSON.parse(stdout);
    expect(r.rows.map((x: { protocol: string }) => x.protocol)).toEqual(['flood', 'tree', 'plumtree', 'announce']);
    expect(r.rows[0].transmissionsPerMessage).toBe(1200 - 199);
    expect(r.rows[1].transmissionsPerMessage).toBe(199);
    expect(r.rows[2].controlPerMessage).toBeGreaterThan(0);
  });

  it('prints the same table for the same seed, with faults named in the title', async () => {
    const args = ['compare', '-n', '300', '-d', '4', '--messages', '6', '--protocols', 'flood,gossip:0.6,plumtree', '--fail', '0.1@2', '--loss', '0.02', '--latency', 'uniform:1-5'];
    const [a, b] = await Promise.all([runCli(args), runCli(args)]);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    expect(a.stdout).toContain('30 of 300 nodes down after the first 2 messages; each transmission lost with probability 0.02');
    expect(a.stdout).toMatch(/plumtree/);
  });

  it('writes a markdown table', async () => {
    const { stdout } = await runCli(['compare', '-n', '100', '-d', '4', '--messages', '3', '--protocols', 'flood,tree', '--markdown']);
    expect(stdout).toMatch(/^\| protocol \| payload sends \|/m);
    expect(stdout).toMatch(/^\| tree \| 99 \|/m);
  });

  it('rejects a bad protocol or fault in one line with exit code 2', async () => {
    for (const [args, pattern] of [
      [['--protocols', 'flood,bogus'], /unknown protocol 'bogus'; allowed: flood, flood-echo, ttl:K, gossip:P/],
      [['--fail', '1'], /--fail '1' is not allowed/],
      [['--loss', 'x'], /--loss 'x' is not allowed/],
      [['--payload-bytes', '-3'], /--payload-bytes/],
    ] as const) {
      const { code, stderr } = await runCli(['compare', '-n', '50', '-d', '4', '--messages', '2', ...args]);
      expect(code).toBe(2);
      expect(stderr.trim().split('\n')).toHaveLength(1);
      expect(stderr).toMatch(pattern);
    }
  });

  it('sim takes the new protocols and faults, and reports control messages', async () => {
    const { code, stdout } = await runCli(['sim', '-n', '200', '-d', '6', '-p', 'announce', '--messages', '3', '--fail', '0.1', '--json']);
    expect(code).toBe(0);
    const r = JSON.parse(stdout);
    expect(r.control.byType.getdata).toBe(3 * (r.reachedPerMessage - 1));
    expect(r.faults).toMatchObject({ failedNodes: 20, failedLinks: 0 });
    expect(r.coverageMean).toBe(1);
  });
});
