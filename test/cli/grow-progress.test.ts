/**
 * `floodlab grow`'s progress off a terminal: a plain line at most every 10 s with joins done and
 * time left from the pace so far, stage lines once the run is that long, and nothing at all for a
 * short run (stdout, the report, is never touched: grow-cli's tests compare it).
 */
import { describe, expect, it } from 'vitest';
import { growProgress } from '../../src/cli/grow-progress.ts';
import { fakeStream } from '../fake-stream.ts';

describe('grow progress, plain', () => {
  it('one line per 10 s: joins done and time left at the pace so far; stages once the run is 10 s long', () => {
    const { stream, text } = fakeStream();
    let now = 0;
    const p = growProgress(stream, () => now, 10_000);
    now = 4_000;
    p.joined(100_000, 1_000_000); // 4 s in: too soon
    now = 12_000;
    p.joined(300_000, 1_000_000); // 300,000 in 12 s: 700,000 more take 28 s
    now = 15_000;
    p.joined(400_000, 1_000_000); // 3 s after the last line: none
    now = 40_000;
    p.stage('settling');
    p.stop();
    expect(text()).toBe(['floodlab grow: 300,000/1,000,000 joins, about 28 s left', 'floodlab grow: settling (40 s so far)', ''].join('\n'));
  });

  it('says nothing for a run shorter than the interval', () => {
    const { stream, text } = fakeStream();
    let now = 0;
    const p = growProgress(stream, () => now, 10_000);
    now = 2_000;
    p.joined(1000, 1000);
    p.stage('settling');
    p.stop();
    expect(text()).toBe('');
  });
});
