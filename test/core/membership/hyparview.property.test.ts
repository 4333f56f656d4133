/**
 * HyParView grown by joins over many seeds on the test network: no active view ever exceeds K (checked
 * after every event), active views are symmetric and match the links, the overlay is connected; and
 * after half the nodes crash at once, repair from the passive views keeps the survivors connected.
 */
import { describe, expect, it } from 'vitest';
import { hyparview } from '../../../src/core/membership/hyparview.ts';
import type { HvState } from '../../../src/core/membership/hyparview-params.ts';
import { seededRng } from '../../../src/sim/random.ts';
import { componentsAmong, grow, liveNodes } from './grow.ts';
import type { TestNet } from './harness.ts';

const K = 5;
const SEEDS = Array.from({ length: 12 }, (_, i) => i + 1);
const active = (net: TestNet, u: number): Map<number, number> => (net.nodes[u]!.state as HvState).active as Map<number, number>;

/** Links that are in the active views at both ends (the overlay dissemination runs on). */
const activeLinks = (net: TestNet): [number, number][] => net.links().filter(([a, b]) => active(net, a).has(b) && active(net, b).has(a));

function expectNoneAbove(net: TestNet, k: number): void {
  for (let u = 0; u < net.nodes.length; u++) if (active(net, u).size > k) throw new Error(`node ${u} has ${active(net, u).size} > ${k} active at ${net.now}`);
}

/** Every active entry is a live link to that peer, and the peer has us in its active view. */
function expectSymmetric(net: TestNet): void {
  for (const u of liveNodes(net)) {
    for (const [v, link] of active(net, u)) {
      expect(net.peerOf(u, link), `node ${u} link ${link}`).toBe(v);
      expect(active(net, v).has(u), `${u} has ${v} active but not the reverse`).toBe(true);
    }
  }
}

describe('hyparview: grown by N joins', () => {
  it('over 12 seeds (N = 80, K = 5): active views never exceed K, are symmetric, and the overlay is connected', () => {
    for (const seed of SEEDS) {
      const net = grow(hyparview({ activeSize: K }), { n: 80, seed, entry: seed % 2 === 0 ? 'random' : 'first', afterEvent: (n) => expectNoneAbove(n, K) });
      expectSymmetric(net);
      expect(componentsAmong(net, liveNodes(net), activeLinks(net)), `seed ${seed}`).toBe(1);
      const mean = liveNodes(net).reduce((a, u) => a + active(net, u).size, 0) / net.nodes.length;
      expect(mean).toBeGreaterThan(0.8 * K);
    }
  });

  it('stays connected after 50% of the nodes crash at once and repair runs for 60 s (N = 120, 12 seeds)', () => {
    for (const seed of SEEDS) {
      const net = grow(hyparview({ activeSize: K }), { n: 120, seed, settleMs: 60_000 });
      const rng = seededRng(seed, 'kill');
      const victims = liveNodes(net).filter(() => rng() < 0.5);
      for (const u of victims) net.kill(u);
      net.run(net.now + 60_000);
      expectNoneAbove(net, K);
      expectSymmetric(net);
      expect(componentsAmong(net, liveNodes(net), activeLinks(net)), `seed ${seed}, ${victims.length} killed`).toBe(1);
    }
  });
});
