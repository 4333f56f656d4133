/**
 * One contract, two transports: every registered protocol runs over the simulator and over real
 * TCP sockets on the same graphs. Where a closed form exists the count must equal it on both
 * (derived here from N and E, never from a run); otherwise both must reach every node and
 * deliver once per node. Graphs whose N and E are known by construction:
 *
 *   path (N = 8, E = 7)      0 ─ 1 ─ 2 ─ 3 ─ 4 ─ 5 ─ 6 ─ 7          max degree 2
 *   ring (N = 10, E = 10)    0 ─ 1 ─ ... ─ 9 ─ back to 0             max degree 2
 *   random 4-regular (N = 20, E = 40)                                max degree 4
 *
 * Exact: flood 2E − (N−1); flood-echo 2E; gossip:1, fanout:K with K ≥ the largest degree and
 * ttl:N are flood exactly (no node is ever at hop N, so every node forwards); announce sends each
 * payload once, N − 1, with no duplicate (its 2 s timer never fires on these graphs). Coverage
 * only: plumtree (its first message races PRUNEs against payloads). tree runs in the simulator
 * (N − 1 sends on its BFS tree) and is refused by real nodes, which have no configured tree.
 */
import { describe, expect, it } from 'vitest';
import { startInProcess } from '../../src/real/cluster.ts';
import type { EdgeList } from '../../src/sim/topology/edge-list.ts';
import { buildTopology } from '../../src/sim/topology/spec.ts';
import { simulated, tcp } from './transports.ts';

function path(n: number): EdgeList {
  const src = Int32Array.from({ length: n - 1 }, (_, i) => i);
  const dst = Int32Array.from({ length: n - 1 }, (_, i) => i + 1);
  return { order: n, size: n - 1, src, dst };
}

const graphs: { name: string; graph: EdgeList; n: number; e: number; maxDegree: number }[] = [
  { name: 'a path of 8', graph: path(8), n: 8, e: 7, maxDegree: 2 },
  { name: 'a ring of 10', graph: buildTopology('ring', { nodes: 10, degree: 2, seed: 1 }).edges, n: 10, e: 10, maxDegree: 2 },
  { name: 'a random 4-regular graph of 20', graph: buildTopology('random-regular', { nodes: 20, degree: 4, seed: 7 }).edges, n: 20, e: 40, maxDegree: 4 },
];

type Rule = { protocol: (n: number, maxDegree: number) => string; formula: string; sends?: (n: number, e: number) => number };

const floodSends = (n: number, e: number): number => 2 * e - (n - 1);
const rules: Rule[] = [
  { protocol: () => 'flood', formula: '2E − (N−1)', sends: floodSends },
  { protocol: () => 'flood-echo', formula: '2E', sends: (_n, e) => 2 * e },
  { protocol: () => 'gossip:1', formula: '2E − (N−1), as flood', sends: floodSends },
  { protocol: (_n, d) => `fanout:${d}`, formula: '2E − (N−1), as flood', sends: floodSends },
  { protocol: (n) => `ttl:${n}`, formula: '2E − (N−1), as flood', sends: floodSends },
  { protocol: () => 'announce:2000', formula: 'N − 1 payloads, no duplicate', sends: (n) => n - 1 },
  { protocol: () => 'plumtree:2000', formula: 'every node, once' },
];

describe.each([simulated, tcp])('every protocol over the $name transport', (transport) => {
  for (const { name, graph, n, e, maxDegree } of graphs) {
    for (const rule of rules) {
      const protocol = rule.protocol(n, maxDegree);
      it(`${protocol} on ${name}: ${rule.formula}; N reached, one delivery per node`, async () => {
        expect([graph.order, graph.size]).toEqual([n, e]);
        const origins = [0, n - 1, Math.floor(n / 2)];
        const outcomes = await transport.flood(graph, protocol, origins);
        expect(outcomes).toHaveLength(origins.length);
        for (const m of outcomes) {
          expect(m.reached).toBe(n);
          expect(m.deliveries).toEqual(new Array(n).fill(1));
          if (!rule.sends) continue;
          expect(m.sends).toBe(rule.sends(n, e));
          expect(m.duplicates).toBe(rule.sends(n, e) - (n - 1));
        }
      }, 15_000);
    }
  }

  it('ttl:K with K the origin’s eccentricity reaches everyone on a path, with flood’s count', async () => {
    const [m] = await transport.flood(path(8), 'ttl:7', [0]);
    expect(m).toMatchObject({ reached: 8, sends: 7, duplicates: 0 });
  });
});

describe('tree', () => {
  it('sends N − 1 on the simulator’s spanning tree', async () => {
    const { graph, n } = graphs[2]!;
    for (const m of await simulated.flood(graph, 'tree', [0, 5])) expect(m).toMatchObject({ sends: n - 1, reached: n, duplicates: 0 });
  });

  it('is refused by real nodes, with the reason, and no node is left running', async () => {
    await expect(startInProcess({ names: ['a', 'b'], protocol: 'tree', onDeliver: () => {} })).rejects.toThrow("real node: protocol 'tree' needs tree, which this transport does not provide");
  });
});
