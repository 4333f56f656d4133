/**
 * Progress off a terminal: quiet plain lines on the stream it is given, at most one per interval,
 * time left weighted by the cells' cost, and nothing at all for a run shorter than the interval.
 */
import { describe, expect, it } from 'vitest';
import { formatDuration, makeProgress } from '../../src/sweep/progress.ts';
import { fakeStream } from '../fake-stream.ts';

describe('plain progress', () => {
  it('prints a line per interval with cells, rate and cost-weighted time left, and a closing line instead of the last', () => {
    const { stream, text } = fakeStream();
    let now = 0;
    const p = makeProgress({ stream, clock: () => now, intervalMs: 10_000 });
    p.start(4, 100, 0, '');
    now = 5_000;
    p.tick(10); // 5 s in: too soon for a line
    now = 20_000;
    p.tick(30); // 40 of 100 cost in 20 s: 60 left at 2 per second = 30 s
    now = 25_000;
    p.tick(30);
    now = 40_000;
    p.tick(30);
    p.stop(true);
    expect(text()).toBe(['floodlab sweep: 2/4 cells (40% of the work), 0.10 cells/s, about 30 s left', 'floodlab sweep: 4/4 cells in 40 s', ''].join('\n'));
  });

  it('says nothing for a run shorter than the interval, except what it resumed', () => {
    const { stream, text } = fakeStream();
    let now = 0;
    const p = makeProgress({ stream, clock: () => now });
    p.start(2, 2, 3, 'out.jsonl');
    now = 900;
    p.tick(1);
    p.tick(1);
    p.stop(true);
    expect(text()).toBe('floodlab sweep: 3 cells already done (out.jsonl); running the other 2\n');
  });

  it('gives one long cell just the closing line', () => {
    const { stream, text } = fakeStream();
    let now = 0;
    const p = makeProgress({ stream, clock: () => now });
    p.start(1, 8e7, 0, '');
    now = 34_000;
    p.tick(8e7);
    p.stop(true);
    expect(text()).toBe('floodlab sweep: 1/1 cells in 34 s\n');
  });

  it('formats durations for people', () => {
    expect([0, 44.6, 200, 7500, Infinity].map(formatDuration)).toEqual(['0 s', '45 s', '3 min 20 s', '2 h 05 min', '?']);
  });
});
