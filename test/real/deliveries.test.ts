// DeliveryTracker's records: per message, deliveries per node, nodes reached, latest time and
// largest hop count, past the first growth of its flat arrays (64 messages), each message apart.
import { describe, expect, it } from 'vitest';
import { DeliveryTracker } from '../../src/real/deliveries.ts';

describe('DeliveryTracker', () => {
  it('keeps 200 messages apart across growths of its arrays', () => {
    const order = 5;
    const t = new DeliveryTracker(order);
    // Message m is delivered by nodes 0..(m % order), node 0 twice; at time 1000 + m + node, hop node.
    for (let m = 0; m < 200; m++) for (let u = 0; u <= m % order; u++) t.record(u, `m${m}`, 1000 + m + u, u);
    for (let m = 0; m < 200; m++) t.record(0, `m${m}`, 0, 0);
    for (let m = 0; m < 200; m++) {
      const d = t.get(`m${m}`)!;
      const reached = (m % order) + 1;
      expect(t.reached(`m${m}`)).toBe(reached);
      expect(d.reached).toBe(reached);
      expect([...d.perNode]).toEqual(Array.from({ length: order }, (_, u) => (u === 0 ? 2 : u < reached ? 1 : 0)));
      expect(d.last).toBe(1000 + m + reached - 1);
      expect(d.maxHops).toBe(reached - 1);
    }
  });

  it('knows nothing of an id no node delivered, and get() is a copy', () => {
    const t = new DeliveryTracker(3);
    expect(t.get('x')).toBeUndefined();
    expect(t.reached('x')).toBe(0);
    t.record(1, 'x', 5, 2);
    const before = t.get('x')!;
    t.record(2, 'x', 7, 1);
    expect([...before.perNode]).toEqual([0, 1, 0]);
    expect(t.get('x')).toEqual({ perNode: Uint16Array.from([0, 1, 1]), reached: 2, last: 7, maxHops: 2 });
  });
});
