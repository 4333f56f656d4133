/**
 * Output to a reader that never reads stays bounded: the stream's own buffer plus at most
 * maxLines queued; the rest is counted and summarised once the stream drains.
 */
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { BoundedOutput } from '../../../src/real/trust/bounded-output.ts';

/** A stream that accepts one chunk and never finishes writing it (never drains). */
function stuckStream(highWaterMark: number): { stream: Writable; release: () => void; written: string[] } {
  const written: string[] = [];
  let pending: Array<() => void> = [];
  let stuck = true;
  const stream = new Writable({
    highWaterMark,
    write(chunk: Buffer, _enc, done) {
      written.push(chunk.toString());
      if (stuck) pending.push(done);
      else done();
    },
  });
  const release = (): void => {
    stuck = false;
    const all = pending;
    pending = [];
    for (const done of all) done();
  };
  return { stream, release, written };
}

describe('BoundedOutput', () => {
  it('queues up to the bound, skips the rest, and never holds more', () => {
    // Each line is "line NNNNN\n" = 11 bytes; a 110-byte high-water mark means write() says
    // false on the 10th line. Those 10 sit in the stream; 100 more queue; the other 9,890 are skipped.
    const { stream } = stuckStream(110);
    const out = new BoundedOutput(stream, { maxLines: 100 });
    for (let i = 0; i < 10_000; i++) out.line(`line ${String(i).padStart(5, '0')}`);
    expect(stream.writableLength).toBe(110);
    expect(out.queued).toBe(100);
    expect(out.skipped).toBe(10_000 - 10 - 100);
  });

  it('once drained, writes the queue in order and then one summary line', async () => {
    const { stream, release, written } = stuckStream(110);
    const out = new BoundedOutput(stream, { maxLines: 5 });
    for (let i = 0; i < 30; i++) out.line(`line ${String(i).padStart(5, '0')}`);
    release();
    await new Promise((r) => setImmediate(r));
    out.line('after');
    await new Promise((r) => setImmediate(r));
    const lines = written
      .join('')
      .split('\n')
      .filter((l) => l);
    expect(lines.slice(0, 15)).toEqual(Array.from({ length: 15 }, (_, i) => `line ${String(i).padStart(5, '0')}`));
    expect(lines[15]).toBe('… 15 lines skipped (output was not being read)');
    expect(lines[16]).toBe('after');
    expect(lines).toHaveLength(17);
  });

  it('bounds queued characters too', () => {
    const { stream } = stuckStream(1);
    const out = new BoundedOutput(stream, { maxLines: 1000, maxChars: 10_000 });
    for (let i = 0; i < 100; i++) out.line('x'.repeat(999)); // 1,000 with its newline
    expect(out.queued).toBe(10); // line 1 went to the stream, 10 × 1,000 queued
    expect(out.skipped).toBe(89);
  });
});
