/**
 * Failure and churn on grown networks: a kill crashes exactly ⌊F·n⌋ nodes; floods count exactly
 * (2E − (n − 1) per message on a connected overlay); "repaired" means what it says (connected, every
 * live node at K); churn's live count adds up; reliability on a known broken graph is the mean
 * share of the origin's component; the saved edge-list text reads back as the same graph.
 */
import { describe, expect, it } from 'vitest';
import { fromEdgeListText } from '../../../src/sim/generators/graph-file/text.ts';
import { churnAndRepair, churnSchedule, killAndRepair } from '../../../src/sim/grow/failure.ts';
import { grow, overlayEdges, randomLive } from '../../../src/sim/grow/grow.ts';
import { floodReliability, induced, pickDistinct } from '../../../src/sim/grow/reliability.ts';
import { isRepaired } from '../../../src/sim/grow/repair.ts';
import { edgeListText } from '../../../src/sim/grow/save.ts';
import { seededRng } from '../../../src/sim/random.ts';
import { components } from '../../../src/sim/topology/components.ts';
import { edgeListFromPairs, type EdgeList } from '../../../src/sim/topology/edge-list.ts';

const pairSet = (g: EdgeList, name: (u: number) => string = String): Set<string> => {
  const s = new Set<string>();
  for (let e = 0; e < g.size; e++) {
    const [a, b] = [name(g.src[e]!), name(g.dst[e]!)];
    s.add(a < b ? `${a} ${b}` : `${b} ${a}`);
  }
  return s;
};

describe('kill and repair', { timeout: 60_000 }, () => {
  it.each(['blog', 'hyparview'])('%s, N = 400, kill 0.5: ⌊F·n⌋ crashed, exact flood counts, repaired means connected with every node at K', (overlay) => {
    let repaired = 0;
    for (const seed of [1, 2]) {
      const r = grow({ nodes: 400, want: 5, overlay, seed });
      const f = killAndRepair(r.net, 5, 0.5, 8, seed);
      expect(f.killed).toBe(200);
      expect(f.live).toBe(200);
      expect(f.floodBefore.messages).toBe(8);
      expect(f.reliabilityBefore).toBeGreaterThan(0);
      expect(f.reliabilityBefore).toBeLessThanOrEqual(1);
      const after = overlayEdges(r.net);
      expect(after.order).toBe(200);
      if (f.repaired) {
        repaired++;
        expect(isRepaired(after, 5)).toBe(true);
        expect(f.atWantAfterRepair).toBe(1);
        expect(f.reliabilityAfterRepair).toBe(1);
        // Each flood over a connected overlay sends 2E − (n − 1), exactly.
        expect(f.floodAfterRepair.transmissions).toBe(8 * (2 * after.size - (after.order - 1)));
        expect(f.repairTimeMs).toBeGreaterThanOrEqual(f.connectedTimeMs!);
      } else {
        expect(f.repairTimeMs).toBeNull();
      }
      expect(f.repairMessages).toBe(Object.values(f.repairByType).reduce((a, b) => a + b, 0));
    }
    expect(repaired).toBeGreaterThan(0); // the exact checks above ran
  });

  it('blog after a 90% kill: the nodes left with no link are counted, each with no live link on its transport, and the network is not called repaired', () => {
    let seen = 0;
    for (const seed of [1, 2, 3]) {
      const r = grow({ nodes: 300, want: 3, overlay: 'blog', seed });
      const f = killAndRepair(r.net, 3, 0.9, 2, seed, 120_000);
      const net = r.net;
      // Read apart from the report (which counts the overlay's edges): every live node's link slots.
      let lonely = 0;
      for (let u = 0; u < net.topology.order; u++) {
        if (!net.alive(u)) continue;
        let k = 0;
        for (let l = 0; l < net.topology.linkCount(u); l++) if (net.peerOf(u, l) !== undefined) k++;
        if (k === 0) lonely++;
      }
      expect(f.isolatedAfterRepair).toBe(lonely);
      if (lonely > 0) {
        seen++;
        expect(f.repaired).toBe(false);
        expect(f.minDegreeAfterRepair).toBe(0);
      }
    }
    expect(seen).toBeGreaterThan(0); // a 90% kill strands someone in these seeds: the checks above ran
  });

  it('a kill that leaves the overlay connected has reliability exactly 1 before repair', () => {
    const r = grow({ nodes: 300, want: 5, overlay: 'blog', seed: 3 });
    const f = killAndRepair(r.net, 5, 0.1, 5, 3);
    expect(f.killed).toBe(30);
    if (f.componentsBefore === 1) expect(f.reliabilityBefore).toBe(1);
    else expect(f.reliabilityBefore).toBeLessThan(1);
  });
});

describe('churn', { timeout: 60_000 }, () => {
  it('the schedule is two Poisson processes: counts near R·S each, sorted, the same for the same seed', () => {
    for (const seed of [1, 2, 3]) {
      const ev = churnSchedule(5, 100, seed);
      const joins = ev.filter((e) => e.join).length;
      // R·S = 500, σ = √500 ≈ 22: five σ either side.
      expect(Math.abs(joins - 500)).toBeLessThan(112);
      expect(Math.abs(ev.length - joins - 500)).toBeLessThan(112);
      for (let i = 1; i < ev.length; i++) expect(ev[i]!.atMs).toBeGreaterThanOrEqual(ev[i - 1]!.atMs);
      expect(ev.every((e) => e.atMs >= 0 && e.atMs < 100_000)).toBe(true);
      expect(churnSchedule(5, 100, seed)).toEqual(ev);
    }
  });

  it('live = N + joins − crashes, and the churned overlay is simple', () => {
    const ev = churnSchedule(2, 30, 4);
    const joins = ev.filter((e) => e.join).length;
    const r = grow({ nodes: 300, want: 4, overlay: 'hyparview', seed: 4, extraNodes: joins });
    const pick = seededRng(4, 'x');
    const c = churnAndRepair(r.net, 4, ev, { rate: 2, seconds: 30, messages: 4, seed: 4, entryOf: () => randomLive(r.net, pick) });
    expect(c.joins).toBe(joins);
    expect(c.departures).toBe(ev.length - joins);
    expect(c.live).toBe(300 + c.joins - c.departures);
    const g = overlayEdges(r.net);
    expect(pairSet(g).size).toBe(g.size);
  });
});

describe('reliability', () => {
  it('is the mean share of the origin component: path 0-1-2-3-4 without node 1 leaves {0} and {2,3,4}', () => {
    const path = edgeListFromPairs(5, [
      [0, 1],
      [1, 2],
      [2, 3],
      [3, 4],
    ]);
    const g = induced(path, Uint8Array.from([1, 0, 1, 1, 1]));
    expect(g.order).toBe(4);
    expect(components(g).count).toBe(2);
    const r = floodReliability(g, 40, seededRng(9, 'o'), 9);
    const same = seededRng(9, 'o');
    const sizes = [1, 3, 3, 3]; // node 0 alone; nodes 2,3,4 renumbered 1,2,3
    let expected = 0;
    for (let k = 0; k < 40; k++) expected += sizes[Math.floor(same() * 4)]! / 4;
    expect(r.reliability).toBeCloseTo(expected / 40, 12);
    expect(r.reached).toBe(Math.round((expected / 40) * 160));
  });

  it('pickDistinct picks distinct ids', () => {
    const ids = pickDistinct(100, 60, seededRng(1, 'p'));
    expect(new Set(ids).size).toBe(60);
    expect(Math.max(...ids)).toBeLessThan(100);
  });
});

describe('save', { timeout: 60_000 }, () => {
  it('edge-list text reads back as the same graph (blog and hyparview)', () => {
    for (const overlay of ['blog', 'hyparview']) {
      const g = grow({ nodes: 200, want: 4, overlay, seed: 5 }).edges;
      const back = fromEdgeListText(edgeListText(g, `test ${overlay}`));
      expect(back.order).toBe(g.order);
      expect(back.size).toBe(g.size);
      const labels = (back as { labels?: readonly string[] }).labels;
      expect(pairSet(back, (u) => labels?.[u] ?? String(u))).toEqual(pairSet(g));
      expect(back.cleaned).toMatchObject({ selfLoops: 0, duplicateEdges: 0 });
    }
  });
});
