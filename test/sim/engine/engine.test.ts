/**
 * The engine on small graphs drawn by hand, where every count can be worked out on paper.
 *
 *   path 0─1─2─3        star: 0 in the middle of 1..4       two triangles 0─1─2 and 3─4─5
 */
import { describe, expect, it } from 'vitest';
import { flood, floodEcho } from '../../../src/core/protocols/flood.ts';
import { simulate, type EngineObserver } from '../../../src/sim/engine/engine.ts';
import { parseLatency } from '../../../src/sim/latency.ts';
import { seededRng } from '../../../src/sim/random.ts';
import { toCsr } from '../../../src/sim/topology/csr.ts';
import { edgeListFromPairs } from '../../../src/sim/topology/edge-list.ts';

const path = toCsr(
  edgeListFromPairs(4, [
    [0, 1],
    [1, 2],
    [2, 3],
  ]),
);
const star = toCsr(
  edgeListFromPairs(5, [
    [0, 1],
    [0, 2],
    [0, 3],
    [0, 4],
  ]),
);
const triangles = toCsr(
  edgeListFromPairs(6, [
    [0, 1],
    [1, 2],
    [2, 0],
    [3, 4],
    [4, 5],
    [5, 3],
  ]),
);
const constant = parseLatency('constant');
const run = (csr: typeof path, protocol = flood, origins = [0], latency = constant) => simulate(csr, protocol, { latency, rng: seededRng(1, 'engine'), origins });

describe('simulate', () => {
  it('floods a path end to end: 3 sends, no duplicates, last hop 3', () => {
    const [m] = run(path).perMessage;
    expect(m).toMatchObject({ sends: 3, received: 3, reached: 4, duplicates: 0, ldh: 3, coverageTimeUs: 3000 });
  });

  it('flood-echo on the path sends every link both ways: 2E = 6, 3 duplicates', () => {
    const [m] = run(path, floodEcho).perMessage;
    expect(m).toMatchObject({ sends: 6, reached: 4, duplicates: 3 });
  });

  it('a star from a leaf: the hub forwards to the other 3 leaves', () => {
    const [m] = run(star, flood, [1]).perMessage;
    expect(m).toMatchObject({ sends: 1 + 3, reached: 5, ldh: 2 });
  });

  it('reaches only the origin component on a disconnected graph', () => {
    const r = run(triangles, flood, [4]);
    const [m] = r.perMessage;
    // component of 3 nodes, 3 edges: 2E − (N−1) = 6 − 2 = 4
    expect(m).toMatchObject({ sends: 4, reached: 3 });
    expect([...r.firstHop]).toEqual([-1, -1, -1, 1, 0, 1]);
  });

  it('counts first-receipt hops and per-node duplicates', () => {
    const r = run(triangles, floodEcho, [0]);
    expect([...r.firstHop.slice(0, 3)]).toEqual([0, 1, 1]);
    // 2E = 6 copies; 2 were first receipts; the other 4 are duplicates spread over the triangle
    expect(r.perMessage[0]!.duplicates).toBe(4);
    expect([...r.duplicatesPerNode].reduce((a, b) => a + b, 0)).toBe(4);
    expect([...r.sendsPerNode]).toEqual([2, 2, 2, 0, 0, 0]);
  });

  it('runs several messages one after another, each counted on its own', () => {
    const r = run(path, flood, [0, 3, 1]);
    expect(r.perMessage.map((m) => m.sends)).toEqual([3, 3, 3]);
    expect(r.perMessage.map((m) => m.ldh)).toEqual([3, 3, 2]);
  });

  it('gives the same counts under every latency model; only times change', () => {
    for (const spec of ['uniform:1-9', 'exponential:3', 'per-link:2-20', 'constant:7']) {
      const [m] = run(triangles, flood, [0], parseLatency(spec)).perMessage;
      expect(m).toMatchObject({ sends: 4, reached: 3 });
      expect(m!.coverageTimeUs).toBeGreaterThan(0);
    }
  });

  it('tells an observer about every send and receipt, in time order', () => {
    const events: string[] = [];
    let last = 0;
    const observer: EngineObserver = {
      send: (_m, time, arrive, from, to) => {
        expect(arrive).toBeGreaterThan(time);
        events.push(`send ${from}->${to}`);
      },
      receive: (_m, time, node, first) => {
        expect(time).toBeGreaterThanOrEqual(last);
        last = time;
        events.push(`${first ? 'first' : 'dup'} ${node}`);
      },
    };
    simulate(path, flood, { latency: parseLatency('uniform:1-5'), rng: seededRng(3, 'e'), origins: [1], observer });
    expect(events.filter((e) => e.startsWith('send'))).toHaveLength(3);
    expect(events.filter((e) => e.startsWith('first'))).toHaveLength(3);
  });
});
