/**
 * The page's replay, run in Node: its counters at the end equal the formulas, and stepping by
 * event, by hop and by time moves through the flood the way the page promises. A ring lattice of
 * degree 2 makes every step countable: from the origin the message spreads one node each way
 * per hop.
 */
import { describe, expect, it } from 'vitest';
import { FloodPlayer, CARRIED_FIRST } from '../../src/viz/page/player.ts';
import { ringLayout } from '../../src/viz/page/rings.ts';
import { recordFlood } from '../../src/viz/trace.ts';

function ringFlood(n: number, protocol = 'flood') {
  const { edges, trace, report } = recordFlood({ topology: 'ring', nodes: n, degree: 2, protocol, latency: 'constant', seed: '1', origin: '0' });
  return { player: new FloodPlayer(edges.order, edges.size, trace), report };
}

describe('FloodPlayer', () => {
  it('played to the end, counts what the formulas say (ring of 20, flood: 2E − (N−1) = 21)', () => {
    const { player } = ringFlood(20);
    player.advanceTo(Infinity);
    expect(player.done).toBe(true);
    expect(player.sends).toBe(2 * 20 - 19);
    expect(player.reached).toBe(20);
    expect(player.duplicates).toBe(21 - 19);
    expect(player.ldh).toBe(10);
    // Tree edges: the N − 1 edges that brought a first copy.
    expect(player.edgeUse.reduce((n, u) => n + (u & CARRIED_FIRST ? 1 : 0), 0)).toBe(19);
  });

  it('flood-echo on the ring: 2E = 40 sends, every node 2 copies, one of them wasted', () => {
    const { player } = ringFlood(20, 'flood-echo');
    player.advanceTo(Infinity);
    expect(player.sends).toBe(40);
    expect(player.duplicates).toBe(40 - 19);
    expect(player.duplicateStats()).toEqual({ min: 1, mean: 21 / 20, max: 2 });
  });

  it('one hop step brings one more node each way', () => {
    const { player } = ringFlood(21);
    for (let h = 1; h <= 10; h++) {
      player.stepHop();
      expect(player.reached).toBe(1 + 2 * h);
      expect(player.ldh).toBe(h);
    }
  });

  it('time advances hop by hop under constant latency (1 ms a hop)', () => {
    const { player } = ringFlood(21);
    player.advanceTo(3000);
    expect(player.reached).toBe(7);
    expect(player.clock).toBe(3000);
  });

  it('one event step applies one row; reset starts over with only the origin', () => {
    const { player } = ringFlood(10);
    player.stepEvent();
    expect([player.cursor, player.sends]).toEqual([1, 1]);
    player.advanceTo(Infinity);
    player.reset();
    expect([player.cursor, player.sends, player.reached, player.duplicates]).toEqual([0, 0, 1, 0]);
    expect(player.drain().all).toBe(true);
  });

  it('reports what changed for a partial redraw, and forgets it once drained', () => {
    const { player } = ringFlood(10);
    player.drain();
    player.stepHop();
    const changes = player.drain();
    expect(changes.all).toBe(false);
    expect(changes.nodes.sort((a, b) => a - b)).toEqual([0, 1, 9]);
    expect(player.drain().nodes).toEqual([]);
  });
});

describe('ringLayout', () => {
  it('puts the origin in the middle and each node on the circle of its first-receipt hop', () => {
    const { edges, trace } = recordFlood({ topology: 'ring', nodes: 12, degree: 2, protocol: 'flood', latency: 'constant', seed: '1', origin: '0' });
    const { x, y } = ringLayout(edges.order, trace);
    for (let v = 0; v < 12; v++) {
      const hop = Math.min(v, 12 - v);
      expect(Math.hypot(x[v]!, y[v]!)).toBeCloseTo(hop, 9);
    }
  });
});
