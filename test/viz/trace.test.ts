/**
 * The recorded trace is the engine's own run, written down: one SEND row per transmission the
 * report counts, one RECEIVE row per copy, and on D-regular graphs exactly the formulas' counts
 * (N·D with echo, N(D−1)+1 without), worked out here from N and D, not taken from the program.
 */
import { describe, expect, it } from 'vitest';
import { runSimulation } from '../../src/sim/run.ts';
import { recordFlood, type FloodOptions } from '../../src/viz/trace.ts';
import { RECEIVE, SEND } from '../../src/viz/types.ts';

const base = { topology: 'random-regular', latency: 'constant', seed: '7', origin: '0' } as const;
const count = (xs: readonly number[], f: (i: number) => boolean): number => xs.reduce((n, _x, i) => n + (f(i) ? 1 : 0), 0);

describe('recordFlood', () => {
  for (const [protocol, sends] of [
    ['flood-echo', (n: number, d: number) => n * d],
    ['flood', (n: number, d: number) => n * (d - 1) + 1],
  ] as const) {
    for (const [n, d] of [
      [60, 4],
      [101, 6],
      [500, 3],
    ] as const) {
      it(`${protocol}, N=${n}, D=${d}: ${sends(n, d)} SEND rows, as many arrivals, N−1 of them first`, () => {
        const { trace, report } = recordFlood({ ...base, nodes: n, degree: d, protocol });
        const t = trace;
        const sendRows = count(t.kind, (i) => t.kind[i] === SEND);
        expect(sendRows).toBe(sends(n, d));
        expect(sendRows).toBe(report.transmissions);
        expect(count(t.kind, (i) => t.kind[i] === RECEIVE)).toBe(sendRows);
        expect(count(t.kind, (i) => t.kind[i] === RECEIVE && t.first[i] === 1)).toBe(n - 1);
        expect(count(t.kind, (i) => t.kind[i] === RECEIVE && t.first[i] === 0)).toBe(report.duplicates);
        // A send knows its fate: as many sends marked "first" as first arrivals.
        expect(count(t.kind, (i) => t.kind[i] === SEND && t.first[i] === 1)).toBe(n - 1);
      });
    }
  }

  it('rows are in time order, every copy travels an edge of the graph, and hops grow by one per send', () => {
    const { trace: t, edges } = recordFlood({ ...base, nodes: 80, degree: 4, protocol: 'flood', latency: 'uniform:1-9' });
    const firstHop = new Map<number, number>([[t.origin, 0]]);
    for (let i = 0; i < t.kind.length; i++) {
      if (i > 0) expect(t.time[i]!).toBeGreaterThanOrEqual(t.time[i - 1]!);
      const e = t.edge[i]!;
      expect(e).toBeGreaterThanOrEqual(0);
      expect([edges.src[e], edges.dst[e]].sort()).toEqual([t.from[i], t.to[i]].sort());
      if (t.kind[i] === SEND) {
        expect(t.arrive[i]!).toBeGreaterThan(t.time[i]!);
        expect(t.hop[i]).toBe(firstHop.get(t.from[i]!)! + 1);
      } else if (t.first[i] === 1) firstHop.set(t.to[i]!, t.hop[i]!);
    }
  });

  it("watching does not change the run: the report equals floodlab sim's for the same options", () => {
    for (const latency of ['constant', 'uniform:1-20', 'exponential:5', 'per-link:1-9']) {
      const options: FloodOptions = { ...base, nodes: 150, degree: 4, protocol: 'flood', latency };
      const { report } = recordFlood(options);
      expect(report).toEqual(runSimulation({ ...base, nodes: 150, degree: 4, protocol: 'flood', latency, messages: 1 }));
    }
  });

  it('takes the seeded random origin floodlab sim takes when none is given', () => {
    const { trace } = recordFlood({ topology: 'ring', latency: 'constant', seed: '3', nodes: 40, degree: 2, protocol: 'flood' });
    const report = runSimulation({ topology: 'ring', latency: 'constant', seed: '3', nodes: 40, degree: 2, protocol: 'flood', messages: 1 });
    expect(trace.origin).toBe(report.perMessage[0]!.origin);
  });

  it('refuses a graph with more edges than the page can draw, naming the limit', () => {
    expect(() => recordFlood({ ...base, nodes: 100, degree: 10, protocol: 'flood', maxEdges: 400 })).toThrow(/500 edges; at most 400/);
  });
});
