/**
 * The protocol engine's queues: the timer heap (time, then sequence; growth past capacity) and the
 * merged queue (calendar for transmissions + heap for timers) against a plain sort.
 */
import { describe, expect, it } from 'vitest';
import { CONTROL, HeapQueue, PAYLOAD, TIMER } from '../../../src/sim/engine/heap-queue.ts';
import { ProtocolQueue } from '../../../src/sim/engine/protocol-queue.ts';
import { bfsTreeLinks } from '../../../src/sim/topology/spanning-tree.ts';
import { seededRng } from '../../../src/sim/random.ts';
import { toCsr } from '../../../src/sim/topology/csr.ts';
import { edgeListFromPairs } from '../../../src/sim/topology/edge-list.ts';
import { ringWithChords } from '../graphs.ts';

describe('HeapQueue', () => {
  it('pops by time, equal times in push order, and carries every field', () => {
    const rng = seededRng(3, 'heap');
    const q = new HeapQueue(4); // grows many times
    const pushed: [number, number][] = [];
    for (let i = 0; i < 5000; i++) {
      const t = Math.floor(rng() * 200);
      q.push(t, i, i % 3 === 0 ? PAYLOAD : i % 3 === 1 ? CONTROL : TIMER, i, i + 1, i + 2, { i });
      pushed.push([t, i]);
    }
    const expected = [...pushed].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    for (const [t, i] of expected) {
      q.pop();
      expect([q.time, q.node, q.link, q.hop, (q.obj as { i: number }).i, q.kind]).toEqual([t, i, i + 1, i + 2, i, i % 3]);
    }
    expect(q.length).toBe(0);
  });

  it('interleaves pushes and pops as a priority queue should', () => {
    const q = new HeapQueue(2);
    q.push(10, 0, PAYLOAD, 1, 0, 0, undefined);
    q.push(5, 1, PAYLOAD, 2, 0, 0, undefined);
    q.pop();
    expect(q.node).toBe(2);
    q.push(7, 2, TIMER, 3, 0, 0, 'x');
    q.push(10, 3, PAYLOAD, 4, 0, 0, undefined);
    const order: number[] = [];
    while (q.length > 0) {
      q.pop();
      order.push(q.node);
    }
    expect(order).toEqual([3, 1, 4]);
  });
});

describe('ProtocolQueue', () => {
  it('pops transmissions and timers in (time, push order), as one sorted list would', () => {
    const rng = seededRng(5, 'queue');
    const maxDelay = 30;
    const q = new ProtocolQueue(maxDelay, 8);
    const pending: [number, number][] = []; // [time, push index] of events not yet popped
    let pushed = 0;
    let now = 0;
    const push = (): void => {
      // mostly mixed; in quiet spells only timers, so the calendar runs empty while time jumps
      const quiet = pushed % 700 > 600;
      const timer = quiet || rng() < 0.3;
      // transmissions within the window; timers beyond it (far beyond in quiet spells), or tied with a transmission
      const time = now + (timer ? (quiet ? 100 : 1) + Math.floor(rng() * 200) : 1 + Math.floor(rng() * maxDelay));
      q.push(time, timer ? TIMER : PAYLOAD, pushed, 0, 0, pushed);
      pending.push([time, pushed++]);
    };
    for (let i = 0; i < 50; i++) push();
    let popped = 0;
    while (q.length > 0) {
      q.pop();
      pending.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
      const [time, index] = pending.shift()!;
      expect([q.time, q.obj]).toEqual([time, index]);
      now = q.time;
      popped++;
      if (pushed < 3000) for (let k = 0; k < 2 && pushed < 3000; k++) push();
    }
    expect(popped).toBe(3000);
  });
});

describe('ProtocolQueue after a quiet spell', () => {
  it('keeps transmissions at their times when only a timer was pending', () => {
    const q = new ProtocolQueue(10, 4);
    q.push(3, PAYLOAD, 1, 0, 0, 'a');
    q.push(500, TIMER, 2, 0, 0, 'b');
    const seen: [number, unknown][] = [];
    while (q.length > 0) {
      q.pop();
      seen.push([q.time, q.obj]);
      // the timer at 500 starts a transmission at 507 and another timer at 505
      if (q.obj === 'b') {
        q.push(507, CONTROL, 3, 0, 0, 'c');
        q.push(505, TIMER, 4, 0, 0, 'd');
      }
    }
    expect(seen).toEqual([
      [3, 'a'],
      [500, 'b'],
      [505, 'd'],
      [507, 'c'],
    ]);
  });
});

describe('bfsTreeLinks', () => {
  it('marks N − (components) edges, both half-edges of each', () => {
    for (const edges of [
      ringWithChords(80, 100, 1),
      edgeListFromPairs(7, [
        [0, 1],
        [1, 2],
        [2, 0],
        [3, 4],
        [4, 5],
        [5, 6],
        [6, 3],
      ]),
    ]) {
      const csr = toCsr(edges);
      const marks = bfsTreeLinks(csr);
      let half = 0;
      for (let h = 0; h < marks.length; h++) {
        if (marks[h] === 1) half++;
        expect(marks[h]).toBe(marks[csr.twins[h]!]);
      }
      const components = edges.order === 7 ? 2 : 1;
      expect(half / 2).toBe(csr.order - components);
    }
  });
});
