/**
 * The grow replay on a hand-made trace: counters after each row, components and the flood cost
 * 2E − (N − 1) worked out by hand, message runs applied after the rows they follow.
 */
import { describe, expect, it } from 'vitest';
import { CRASH, JOIN, LINK_DOWN, LINK_UP, type GrowTrace } from '../../src/viz/grow-types.ts';
import { GrowPlayer } from '../../src/viz/page/grow/replay.ts';

// Four nodes join; a square 0-1-2-3-0 and a chord 0-2; node 2 crashes (its three links go); 1-3 repairs.
const rows: [number, number, number][] = [
  [JOIN, 0, -1],
  [JOIN, 1, -1],
  [LINK_UP, 0, 1],
  [JOIN, 2, -1],
  [LINK_UP, 1, 2],
  [JOIN, 3, -1],
  [LINK_UP, 2, 3],
  [LINK_UP, 0, 3],
  [LINK_UP, 0, 2],
  [CRASH, 2, -1],
  [LINK_DOWN, 1, 2],
  [LINK_DOWN, 2, 3],
  [LINK_DOWN, 0, 2],
  [LINK_UP, 1, 3],
];
const trace: GrowTrace = {
  kind: rows.map((r) => r[0]),
  time: rows.map((_, i) => i * 10),
  a: rows.map((r) => r[1]),
  b: rows.map((r) => r[2]),
  messageTypes: ['join_req', 'neighbor'],
  msgAfter: [1, 1, 3, 13, 14],
  msgType: [0, 0, 0, 1, 1],
  msgCount: [2, 1, 4, 5, 7],
  grownAt: 9,
  grownMs: 80,
  endMs: 200,
};

describe('GrowPlayer', () => {
  it('counts live nodes, links, degrees, components and messages row by row', () => {
    const p = new GrowPlayer(4, trace);
    expect([p.live, p.links, p.messages]).toEqual([0, 0, 0]);
    p.advanceTo(2); // 0 and 1 joined, no link yet: two components; the runs after row 1 are in
    expect([p.live, p.links, p.components(), p.floodCost(), p.messages]).toEqual([2, 0, 2, null, 3]);
    p.advanceTo(9); // settled: 4 nodes, 5 links, one piece: 2·5 − 3 = 7
    expect([p.live, p.links, p.components(), p.floodCost()]).toEqual([4, 5, 1, 7]);
    expect(p.degreeStats()).toEqual({ min: 2, mean: 2.5, max: 3 });
    expect(p.byType).toEqual([7, 0]);
    p.advanceTo(13); // 2 crashed with its links: 0-1 and 0-3 left, 0, 1, 3 connected through 0
    expect([p.live, p.crashed, p.links, p.components(), p.floodCost()]).toEqual([3, 1, 2, 1, 2 * 2 - 2]);
    expect(p.degree[2]).toBe(0);
    expect(p.done).toBe(false);
    p.advanceTo(p.length);
    expect([p.links, p.floodCost(), p.messages, p.done]).toEqual([3, 2 * 3 - 2, 19, true]);
    expect(p.byType).toEqual([7, 12]);
    p.reset();
    expect([p.live, p.links, p.messages, p.cursor]).toEqual([0, 0, 0, 0]);
  });
});
