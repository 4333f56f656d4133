/**
 * `floodlab explain` fills in the user's numbers: for several N and D, every count it states is
 * the one worked out here from N and D alone (E = N·D/2), and bad N or D are refused like `sim`
 * refuses them.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { explainText } from '../../src/cli/explain.ts';

const num = (x: number): string => x.toLocaleString('en-US');

describe('explainText', () => {
  for (const [n, d] of [
    [1000, 4],
    [10, 3],
    [100000, 8],
    [7, 6],
    [2, 1],
  ] as const) {
    it(`N=${n}, D=${d}: states N·D, 2E, 2E − (N−1), N − 1 and the waste with these numbers`, () => {
      const text = explainText(n, d, 'flood');
      const e = (n * d) / 2;
      expect(text).toContain(`N·D = ${num(n * d)} transmissions`);
      expect(text).toContain(`${num(n)} × ${d} = ${num(n * d)} copies`);
      expect(text).toContain(`E = N·D/2 = ${num(e)} links`);
      expect(text).toContain(`flood-echo: exactly 2E = ${num(2 * e)}`);
      expect(text).toContain(`flood: exactly 2E − (N−1) = ${num(2 * e - (n - 1))}`);
      expect(text).toContain(`= N(D−1) + 1`);
      expect(2 * e - (n - 1)).toBe(n * (d - 1) + 1);
      expect(text).toContain(`A spanning tree needs N − 1 = ${num(n - 1)}`);
      expect(text).toContain(`= ${num(2 * e - (n - 1))} wasted`);
      expect(text).toContain(`= ${num(2 * e - (n - 1) - (n - 1))} wasted`);
      expect(text).toContain(`floodlab sim -n ${n} -d ${d} --protocol flood`);
    });
  }

  it('marks the protocol asked for', () => {
    expect(explainText(100, 4, 'flood-echo')).toMatch(/flood-echo: exactly 2E = 400 {2}◀ your protocol/);
    expect(explainText(100, 4, 'flood')).toMatch(/flood: exactly 2E − \(N−1\) = 301 {2}◀ your protocol/);
  });

  it('refuses N and D for which no connected D-regular graph exists, as sim does', () => {
    expect(() => explainText(11, 3, 'flood')).toThrow(/degree 3 with 11 nodes: N\*D must be even/);
    expect(() => explainText(5, 5, 'flood')).toThrow(/degree must be below the number of nodes/);
    // Two separate pairs: sim refuses it, so explain does too (it used to claim flood-echo sends 2E = 4).
    expect(() => explainText(4, 1, 'flood')).toThrow(/degree 1 with 4 nodes cannot be connected/);
    expect(() => explainText(10, 4, 'no-such')).toThrow(/unknown protocol 'no-such'/);
  });
});

describe('floodlab explain (the command)', () => {
  it('prints the explanation', () => {
    const out = execFileSync('node', ['bin/floodlab.js', 'explain', '-n', '1000', '-d', '4'], { encoding: 'utf8' });
    expect(out).toContain('flood: exactly 2E − (N−1) = 3,001');
  });

  it('validates N like sim: one line, exit 2', () => {
    const r = spawnSync('node', ['bin/floodlab.js', 'explain', '-n', '1', '-d', '4'], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toBe("floodlab: --nodes '1' is not allowed; expected an integer from 2 to 50000000");
  });
});
