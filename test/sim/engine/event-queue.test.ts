import { describe, expect, it } from 'vitest';
import { CalendarQueue, FifoQueue } from '../../../src/sim/engine/event-queue.ts';
import { seededRng } from '../../../src/sim/random.ts';

describe('CalendarQueue', () => {
  it('pops in time order, equal times in push order, across the window wrap', () => {
    const rng = seededRng(7, 'test');
    const q = new CalendarQueue(50, 10_000);
    const popped: [number, number][] = [];
    let now = 0;
    let next = 0;
    for (let i = 0; i < 20; i++) q.push(now + 1 + Math.floor(rng() * 50), 0, next++, 0, 0, undefined);
    while (q.length > 0) {
      q.pop();
      popped.push([q.time, q.node]);
      now = q.time;
      if (next < 5000) for (let i = 0; i < 2 && next < 5000; i++) q.push(now + Math.floor(rng() * 51), 0, next++, 0, 0, undefined);
    }
    expect(popped).toHaveLength(5000);
    for (let i = 1; i < popped.length; i++) {
      const [t0, n0] = popped[i - 1]!;
      const [t1, n1] = popped[i]!;
      expect(t1 > t0 || (t1 === t0 && n1 > n0)).toBe(true);
    }
  });

  it('reuses freed slots so capacity bounds events pending, not events ever pushed', () => {
    const q = new CalendarQueue(3, 2);
    for (let i = 0; i < 100; i++) {
      q.push(q.time + 1, 0, i, 0, 0, undefined);
      q.pop();
      expect(q.node).toBe(i);
    }
  });
});

describe('FifoQueue', () => {
  it('is first in, first out and refuses more than its capacity', () => {
    const q = new FifoQueue(3);
    q.push(1, 0, 10, 0, 1, undefined);
    q.push(1, 0, 11, 0, 1, undefined);
    q.pop();
    q.push(2, 0, 12, 0, 2, undefined);
    q.push(2, 0, 13, 0, 2, undefined);
    expect(() => q.push(3, 0, 14, 0, 3, undefined)).toThrow(/capacity/);
    const order: number[] = [];
    while (q.length > 0) {
      q.pop();
      order.push(q.node);
    }
    expect(order).toEqual([11, 12, 13]);
  });
});
