// The paced writer on fake timers: one message in flight, the next on the peer's echo of its id or
// after maxWaitMs, order kept, the queue bounded.
import { describe, expect, it } from 'vitest';
import { PacedWriter } from '../../../../src/real/wire/gob/pace.ts';

/** A fake clock and timer list, advanced by hand. */
function fakeTime(): { now: () => number; setTimer: (run: () => void, ms: number) => unknown; clearTimer: (t: unknown) => void; advance: (ms: number) => void } {
  let t = 0;
  let timers: Array<{ at: number; run: () => void }> = [];
  return {
    now: () => t,
    setTimer: (run, ms) => {
      const timer = { at: t + ms, run };
      timers.push(timer);
      return timer;
    },
    clearTimer: (timer) => void (timers = timers.filter((x) => x !== timer)),
    advance: (ms) => {
      const end = t + ms;
      for (;;) {
        const next = timers.filter((x) => x.at <= end).sort((a, b) => a.at - b.at)[0];
        if (next === undefined) break;
        timers = timers.filter((x) => x !== next);
        t = next.at;
        next.run();
      }
      t = end;
    },
  };
}

const b = (s: string): Buffer => Buffer.from(s);

describe('PacedWriter', () => {
  it('writes the first message at once and each next one when the peer echoes the id in flight', () => {
    const time = fakeTime();
    const writes: string[] = [];
    const w = new PacedWriter((x) => writes.push(x.toString()), { maxWaitMs: 20, ...time });
    w.send(b('a'), 1n);
    w.send(b('b'), 2n);
    w.send(b('c'), 3n);
    expect(writes).toEqual(['a']);
    expect(w.queued).toBe(2);
    w.received(2n); // not the one in flight: nothing
    w.received(9n);
    expect(writes).toEqual(['a']);
    w.received(1n);
    expect(writes).toEqual(['a', 'b']);
    w.received(2n);
    expect(writes).toEqual(['a', 'b', 'c']);
    w.received(3n);
    expect(w.timeouts).toBe(0);
    w.send(b('d'), 4n); // nothing in flight: at once
    expect(writes).toEqual(['a', 'b', 'c', 'd']);
  });

  it('without an echo, writes the next one maxWaitMs after the last', () => {
    const time = fakeTime();
    const at: number[] = [];
    const w = new PacedWriter(() => at.push(time.now()), { maxWaitMs: 20, ...time });
    for (let k = 0; k < 4; k++) w.send(b('x'), BigInt(k));
    time.advance(100);
    expect(at).toEqual([0, 20, 40, 60]);
    expect(w.timeouts).toBe(4);
  });

  it('an echo clears the wait: no second write from the old timer', () => {
    const time = fakeTime();
    const at: number[] = [];
    const w = new PacedWriter(() => at.push(time.now()), { maxWaitMs: 20, ...time });
    w.send(b('a'), 1n);
    w.send(b('b'), 2n);
    time.advance(5);
    w.received(1n);
    time.advance(10);
    expect(at).toEqual([0, 5]);
    time.advance(20);
    expect(at).toEqual([0, 5]); // b timed out at 25; nothing else waits
    expect(w.timeouts).toBe(1);
  });

  it('drops and counts what does not fit the queue; close() stops everything', () => {
    const time = fakeTime();
    let written = 0;
    const w = new PacedWriter(() => void written++, { maxWaitMs: 10, maxQueued: 3, ...time });
    const accepted = Array.from({ length: 6 }, (_, k) => w.send(b('x'), BigInt(k)));
    expect(accepted).toEqual([true, true, true, true, false, false]); // one written, three queued
    expect(w.dropped).toBe(2);
    time.advance(10);
    expect(written).toBe(2);
    w.close();
    time.advance(100);
    w.received(1n);
    expect(written).toBe(2);
    expect(w.send(b('y'), 9n)).toBe(false);
  });

  it('does not send back an id the peer sent (it has seen it), and remembers only the last rememberIds', () => {
    const time = fakeTime();
    const writes: string[] = [];
    const w = new PacedWriter((x) => writes.push(x.toString()), { rememberIds: 2, ...time });
    w.received(7n);
    expect(w.send(b('seven'), 7n)).toBe(false);
    expect(w.skipped).toBe(1);
    w.received(8n);
    w.received(9n); // 7 is forgotten now
    expect(w.send(b('seven again'), 7n)).toBe(true);
    expect(w.send(b('nine'), 9n)).toBe(false);
    expect(writes).toEqual(['seven again']);
  });

  it('keeps order across a long queue (the head index is compacted)', () => {
    const time = fakeTime();
    const got: number[] = [];
    const w = new PacedWriter((x) => got.push(x.readUInt16BE(0)), { ...time });
    for (let k = 0; k < 500; k++) {
      const x = Buffer.alloc(2);
      x.writeUInt16BE(k);
      w.send(x, BigInt(k));
    }
    for (let k = 0; k < 500; k++) w.received(BigInt(k));
    expect(got).toEqual(Array.from({ length: 500 }, (_, k) => k));
  });
});
