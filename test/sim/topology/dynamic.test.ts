import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/core/errors.ts';
import { flood } from '../../../src/core/protocols/flood.ts';
import { simulate, type TopologyChange } from '../../../src/sim/engine/engine.ts';
import { parseLatency } from '../../../src/sim/latency.ts';
import { seededRng } from '../../../src/sim/random.ts';
import { DynamicTopology } from '../../../src/sim/topology/dynamic.ts';
import { HOLE } from '../../../src/sim/topology/topology.ts';

/** A path 0 − 1 − … − (n−1) as a dynamic topology. */
function path(n: number, maxLinks = 4): DynamicTopology {
  const t = new DynamicTopology(n, maxLinks);
  for (let u = 0; u < n; u++) t.addNode();
  for (let u = 0; u + 1 < n; u++) t.addLink(u, u + 1);
  return t;
}

const run = (t: DynamicTopology, changes: TopologyChange[] = []) => simulate(t, flood, { latency: parseLatency('constant:1'), rng: seededRng(1, 'engine'), origins: [0], changes });

describe('DynamicTopology', () => {
  it('gives each end a stable link index, leaves a hole on removal and reuses the lowest hole', () => {
    const t = new DynamicTopology(4, 3);
    for (let u = 0; u < 4; u++) expect(t.addNode()).toBe(u);
    expect(t.addLink(0, 1)).toEqual([0, 0]);
    expect(t.addLink(0, 2)).toEqual([1, 0]);
    expect(t.addLink(3, 0)).toEqual([0, 2]);
    t.removeLink(0, 1); // 0 − 2
    expect(t.neighbour(0, 1)).toBe(HOLE);
    expect(t.neighbour(2, 0)).toBe(HOLE);
    expect([t.neighbour(0, 0), t.neighbour(0, 2)]).toEqual([1, 3]); // the others keep their index
    expect([t.linkCount(0), t.liveLinks(0), t.liveLinks(2)]).toEqual([3, 2, 0]);
    expect(t.addLink(2, 0)).toEqual([0, 1]);
    expect(() => t.addLink(0, 2)).toThrow(InputError); // 0's three slots are full
    t.removeNode(0);
    expect([t.liveLinks(1), t.liveLinks(2), t.liveLinks(3), t.has(0)]).toEqual([0, 0, 0, false]);
    expect(() => t.addLink(0, 1)).toThrow(/distinct live nodes/);
  });

  it('refuses a node past its bound', () => {
    const t = new DynamicTopology(1, 1);
    t.addNode();
    expect(() => t.addNode()).toThrow(/all 1 node slots/);
  });
});

describe('the engine on a dynamic topology', () => {
  it('floods a static path as the CSR would: N − 1 sends, hop = distance', () => {
    const r = run(path(6));
    expect(r.perMessage[0]).toMatchObject({ sends: 5, reached: 6, duplicates: 0, ldh: 5, lost: 0 });
    expect([...r.firstHop]).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('uses a link added mid-run and not one removed mid-run', () => {
    // Path 0…5, 1 ms a hop. At 0.5 ms (the first copy still on 0 − 1) link 2 − 5 opens and 3 − 4 closes.
    const t = path(6);
    const change: TopologyChange = {
      message: 0,
      atUs: 500,
      apply: () => {
        t.addLink(2, 5);
        t.removeLink(3, 1); // 3's link 1 leads to 4
      },
    };
    const r = run(t, [change]);
    // 0→1, 1→2, 2→3, 2→5 (new), 5→4; 3 sends nothing (its link to 4 is a hole), 4 nothing back.
    expect(r.perMessage[0]).toMatchObject({ sends: 5, reached: 6, duplicates: 0, ldh: 4, lost: 0 });
    expect([...r.firstHop]).toEqual([0, 1, 2, 3, 4, 3]);
    expect([...r.sendsPerNode]).toEqual([1, 1, 2, 0, 0, 1]);
  });

  it('loses a copy in flight over a link removed before it arrives', () => {
    const t = path(3);
    const r = run(t, [{ message: 0, atUs: 500, apply: () => t.removeLink(0, 0) }]);
    expect(r.perMessage[0]).toMatchObject({ sends: 1, received: 0, reached: 1, lost: 1 });
  });

  it('applies a change only during its message', () => {
    const t = path(3);
    const r = simulate(t, flood, { latency: parseLatency('constant:1'), rng: seededRng(1, 'engine'), origins: [0, 0], changes: [{ message: 1, atUs: 0, apply: () => t.removeLink(1, 1) }] });
    expect(r.perMessage.map((m) => m.reached)).toEqual([3, 2]);
  });
});
