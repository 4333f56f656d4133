/**
 * Test helpers: grow a TestNet by joins and check graph facts with an independent union–find.
 */
import type { Membership } from '../../../src/core/membership/seam.ts';
import { seededRng } from '../../../src/sim/random.ts';
import { TestNet, type NetOptions } from './harness.ts';

export interface GrowOptions {
  readonly n: number;
  readonly seed: string | number;
  readonly entry?: 'first' | 'random';
  /** Gap between joins, ms. */
  readonly gapMs?: number;
  /** Time allowed after the last join, ms. */
  readonly settleMs?: number;
  readonly afterEvent?: NetOptions['afterEvent'];
}

/** N joins, one every gapMs, each knowing only the entry; then runs settleMs more. */
export function grow(membership: Membership, o: GrowOptions): TestNet {
  const net = new TestNet({ seed: o.seed, membership, ...(o.afterEvent ? { afterEvent: o.afterEvent } : {}) });
  const pickEntry = seededRng(o.seed, 'entry');
  const gap = o.gapMs ?? 100;
  net.addNode();
  for (let i = 1; i < o.n; i++) {
    net.run(net.now + gap);
    const live = net.nodes.map((x, u) => (x.alive ? u : -1)).filter((u) => u >= 0);
    net.addNode(o.entry === 'random' ? live[Math.floor(pickEntry() * live.length)]! : 0);
  }
  net.run(net.now + (o.settleMs ?? 120_000));
  return net;
}

/** Number of connected components among `nodes` over `links` (default: the net's live links), by an independent union–find. */
export function componentsAmong(net: TestNet, nodes: readonly number[], links: readonly (readonly [number, number])[] = net.links()): number {
  const parent = new Map<number, number>(nodes.map((u) => [u, u]));
  const find = (x: number): number => {
    while (parent.get(x) !== x) x = parent.get(x)!;
    return x;
  };
  let count = nodes.length;
  for (const [a, b] of links) {
    if (!parent.has(a) || !parent.has(b)) continue;
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) {
      parent.set(ra, rb);
      count--;
    }
  }
  return count;
}

export const liveNodes = (net: TestNet): number[] => net.nodes.map((x, u) => (x.alive ? u : -1)).filter((u) => u >= 0);
