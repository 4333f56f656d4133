/**
 * The timer queue (time-ordered lanes, a heap for the rest) pops exactly as one list sorted by
 * (time, push order) would: with the few fixed delays protocols use (every push then takes a
 * lane), and with arbitrary times that fill every lane and spill into the heap.
 */
import { describe, expect, it } from 'vitest';
import { TIMER } from '../../../src/sim/engine/heap-queue.ts';
import { TimerQueue } from '../../../src/sim/engine/timer-queue.ts';
import { seededRng } from '../../../src/sim/random.ts';

/** Pushes `total` timers at now + delay() while popping, against a sorted reference; returns the pop order. */
function run(delay: () => number, total: number): number[] {
  const q = new TimerQueue();
  const pending: [number, number][] = [];
  let pushed = 0;
  let now = 0;
  const push = (): void => {
    const time = now + delay();
    q.push(time, pushed, TIMER, pushed, pushed + 1, pushed + 2, `t${pushed}`);
    pending.push([time, pushed++]);
  };
  for (let i = 0; i < 100; i++) push(); // past a lane's first 64 slots: it grows while wrapped below
  const order: number[] = [];
  while (q.length > 0) {
    q.pop();
    pending.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    const [time, i] = pending.shift()!;
    expect([q.time, q.kind, q.node, q.link, q.hop, q.obj]).toEqual([time, TIMER, i, i + 1, i + 2, `t${i}`]);
    order.push(i);
    now = q.time;
    for (let k = 0; k < 2 && pushed < total; k++) push();
  }
  expect(order).toHaveLength(total);
  return order;
}

describe('TimerQueue', () => {
  it('two fixed delays (a protocol timeout and half of it), ties included, in (time, push) order', () => {
    const rng = seededRng(7, 'timers');
    run(() => (rng() < 0.5 ? 50 : 25), 4000);
  });

  it('arbitrary times: every lane fills and the rest goes through the heap, still in order', () => {
    const rng = seededRng(8, 'timers');
    run(() => Math.floor(rng() * 300), 4000);
  });

  it('one delay from a moving clock keeps push order (a single lane, a plain queue)', () => {
    expect(run(() => 10, 500)).toEqual([...Array(500).keys()]);
  });
});
