/**
 * The blog rule grown by joins over many seeds on the test network: links symmetric and never
 * duplicated, every node at >= K links, the network connected, mean degree near 2K (every join adds
 * about K links, each with two ends); and after a crash of 30% of the nodes, repair restores all that.
 */
import { describe, expect, it } from 'vitest';
import { blog } from '../../../src/core/membership/blog.ts';
import { seededRng } from '../../../src/sim/random.ts';
import { componentsAmong, grow, liveNodes } from './grow.ts';
import type { TestNet } from './harness.ts';

const K = 5;
const SEEDS = Array.from({ length: 20 }, (_, i) => i + 1);
/** Links are symmetric and no pair is linked twice. */
function expectSymmetric(net: TestNet): void {
  const seen = new Set<string>();
  for (const [a, b] of net.links()) {
    const key = `${Math.min(a, b)}-${Math.max(a, b)}`;
    expect(seen.has(key), `duplicate link ${key}`).toBe(false);
    seen.add(key);
  }
  for (const u of liveNodes(net)) {
    for (const v of net.neighbours(u)) expect(net.neighbours(v)).toContain(u);
  }
}

describe('blog: grown by N joins', { timeout: 60_000 }, () => {
  it.each(['first', 'random'] as const)('over 20 seeds (N = 60, K = 5, entry %s): symmetric, no duplicates, every node at >= K, connected, mean degree near 2K', (entry) => {
    for (const seed of SEEDS) {
      const net = grow(blog({ want: K }), { n: 60, seed, entry });
      expectSymmetric(net);
      const deg = liveNodes(net).map((u) => net.neighbours(u).length);
      expect(Math.min(...deg), `seed ${seed}`).toBeGreaterThanOrEqual(K);
      expect(componentsAmong(net, liveNodes(net)), `seed ${seed}`).toBe(1);
      const mean = deg.reduce((a, b) => a + b, 0) / deg.length;
      expect(mean).toBeGreaterThan(1.6 * K);
      expect(mean).toBeLessThan(2.4 * K);
    }
  });

  it('with N <= K every node links to every other and no more (N = 4, K = 5)', () => {
    const net = grow(blog({ want: K }), { n: 4, seed: 1 });
    expectSymmetric(net);
    expect(net.links()).toHaveLength(6);
  });

  it('after 30% of the nodes crash at once, repair brings every survivor back to >= K and reconnects (N = 80, 20 seeds)', () => {
    for (const seed of SEEDS) {
      const net = grow(blog({ want: K }), { n: 80, seed });
      const rng = seededRng(seed, 'kill');
      for (const u of liveNodes(net)) if (rng() < 0.3) net.kill(u);
      net.run(net.now + 120_000);
      expectSymmetric(net);
      const live = liveNodes(net);
      expect(Math.min(...live.map((u) => net.neighbours(u).length)), `seed ${seed}`).toBeGreaterThanOrEqual(K);
      expect(componentsAmong(net, live), `seed ${seed}`).toBe(1);
    }
  });
});
