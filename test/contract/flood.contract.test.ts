/**
 * One contract, two transports: the same protocol code must send exactly the number of copies
 * the formulas give, reach every node, and deliver once per node, whether messages move through
 * the simulator or over real TCP sockets. The expected counts come from the formulas on graphs
 * whose N and E are known by construction, never from a run.
 *
 *   path (N = 8, E = 7)      0 ─ 1 ─ 2 ─ 3 ─ 4 ─ 5 ─ 6 ─ 7
 *   ring (N = 10, E = 10)    0 ─ 1 ─ ... ─ 9 ─ back to 0
 *   random 4-regular (N = 20, E = 40)
 */
import { describe, expect, it } from 'vitest';
import { buildTopology } from '../../src/sim/topology/spec.ts';
import type { EdgeList } from '../../src/sim/topology/edge-list.ts';
import { simulated, tcp } from './transports.ts';

function path(n: number): EdgeList {
  const src = Int32Array.from({ length: n - 1 }, (_, i) => i);
  const dst = Int32Array.from({ length: n - 1 }, (_, i) => i + 1);
  return { order: n, size: n - 1, src, dst };
}

const graphs: { name: string; graph: EdgeList; n: number; e: number }[] = [
  { name: 'a path of 8', graph: path(8), n: 8, e: 7 },
  { name: 'a ring of 10', graph: buildTopology('ring', { nodes: 10, degree: 2, seed: 1 }).edges, n: 10, e: 10 },
  { name: 'a random 4-regular graph of 20', graph: buildTopology('random-regular', { nodes: 20, degree: 4, seed: 7 }).edges, n: 20, e: 40 },
];

const rules = [
  { protocol: 'flood', formula: '2E − (N−1)', sends: (n: number, e: number): number => 2 * e - (n - 1) },
  { protocol: 'flood-echo', formula: '2E', sends: (_n: number, e: number): number => 2 * e },
];

describe.each([simulated, tcp])('flood contract over the $name transport', (transport) => {
  for (const { name, graph, n, e } of graphs) {
    for (const rule of rules) {
      it(`${rule.protocol} on ${name}: ${rule.formula} sends, N reached, one delivery per node`, async () => {
        expect(graph.order).toBe(n);
        expect(graph.size).toBe(e);
        const origins = [0, n - 1, Math.floor(n / 2)];
        const outcomes = await transport.flood(graph, rule.protocol, origins);
        expect(outcomes).toHaveLength(origins.length);
        for (const m of outcomes) {
          expect(m.sends).toBe(rule.sends(n, e));
          expect(m.reached).toBe(n);
          expect(m.duplicates).toBe(rule.sends(n, e) - (n - 1));
          expect(m.deliveries).toEqual(new Array(n).fill(1));
        }
      }, 15_000);
    }
  }
});
