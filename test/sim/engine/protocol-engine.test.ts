/**
 * The protocol engine against what can be proved on paper: it agrees with the flood engine,
 * a tree costs N−1, gossip:1 and ttl:ecc are flood, plumtree settles to N−1 and heals, announce
 * sends each payload once, and every reliable protocol reaches everyone on a healthy network.
 */
import { describe, expect, it } from 'vitest';
import { parseProtocol } from '../../../src/core/protocols/index.ts';
import type { Protocol } from '../../../src/core/seam.ts';
import { simulate } from '../../../src/sim/engine/engine.ts';
import { parseLatency } from '../../../src/sim/latency.ts';
import { seededRng } from '../../../src/sim/random.ts';
import { toCsr } from '../../../src/sim/topology/csr.ts';
import { edgeListFromPairs } from '../../../src/sim/topology/edge-list.ts';
import { distances, petersen, ringWithChords } from '../graphs.ts';

const graph = toCsr(ringWithChords(120, 180, 5)); // N = 120, E = 300
const N = graph.order;
const E = graph.size;
const origins = [0, 17, 42, 99, 5, 63];
const opts = (latency = 'constant', origin = origins) => ({ latency: parseLatency(latency), rng: seededRng(1, 'engine'), origins: origin });

describe('the engine on its general path', () => {
  it('gives the fast path’s counts, message by message: the queue and the duplicate shortcut change no figure', () => {
    for (const spec of ['flood', 'flood-echo', 'gossip:0.6', 'fanout:2', 'ttl:3']) {
      for (const latency of ['constant', 'uniform:1-9', 'per-link:1-20']) {
        const p = parseProtocol(spec);
        const fast = simulate(graph, p, opts(latency));
        // Requiring timers puts every event in the protocol queue; no ignoresDuplicates turns the shortcut off.
        const general: Protocol = { ...p, ignoresDuplicates: false, requires: [...(p.requires ?? []), 'timers'] };
        const slow = simulate(graph, general, opts(latency));
        expect(slow.perMessage, `${spec} ${latency}`).toEqual(fast.perMessage);
        expect([...slow.duplicatesPerNode]).toEqual([...fast.duplicatesPerNode]);
        expect(slow.perMessage.every((m) => m.control === 0 && m.lost === 0)).toBe(true);
      }
    }
  });

  it('tree sends exactly N−1 per message from any origin and reaches everyone', () => {
    const r = simulate(graph, parseProtocol('tree'), opts('uniform:1-9'));
    for (const m of r.perMessage) expect(m).toMatchObject({ sends: N - 1, reached: N, duplicates: 0, control: 0 });
  });

  it('tree on a disconnected graph sends n−1 within the origin’s component of n nodes', () => {
    const two = toCsr(
      edgeListFromPairs(7, [
        [0, 1],
        [1, 2],
        [2, 0],
        [3, 4],
        [4, 5],
        [5, 6],
        [6, 3],
        [3, 5],
      ]),
    );
    const r = simulate(two, parseProtocol('tree'), opts('constant', [1, 6]));
    expect(r.perMessage.map((m) => [m.sends, m.reached])).toEqual([
      [2, 3],
      [3, 4],
    ]);
  });

  it('gossip:1 is flood: 2E − (N−1) sends, everyone reached', () => {
    const g = simulate(graph, parseProtocol('gossip:1'), opts('uniform:1-9'));
    const f = simulate(graph, parseProtocol('flood'), opts('uniform:1-9'));
    expect(g.perMessage).toEqual(f.perMessage);
    for (const m of g.perMessage) expect(m).toMatchObject({ sends: 2 * E - (N - 1), reached: N });
  });

  it('ttl:K with K ≥ the origin’s eccentricity reaches what flood reaches; K > ecc sends the same too', () => {
    for (const origin of origins) {
      const dist = distances(graph, origin);
      const ecc = Math.max(...dist);
      const run = (spec: string) => simulate(graph, parseProtocol(spec), opts('constant', [origin])).perMessage[0]!;
      const f = run('flood');
      expect(run(`ttl:${ecc + 1}`)).toEqual(f);
      // at K = ecc the farthest nodes still get it, but do not pass it on (deg − 1 sends each in flood)
      const t = run(`ttl:${ecc}`);
      let farSends = 0;
      for (let u = 0; u < N; u++) if (dist[u] === ecc) farSends += graph.offsets[u + 1]! - graph.offsets[u]! - 1;
      expect(t).toMatchObject({ reached: f.reached, ldh: f.ldh, sends: f.sends - farSends });
      const k = ecc - 2;
      expect(run(`ttl:${k}`).reached).toBe(dist.filter((d) => d <= k).length);
    }
  });

  it('plumtree: message 1 is a flood, then exactly N−1 payload sends and 2(E−N+1) IHAVEs per message', () => {
    const r = simulate(graph, parseProtocol('plumtree'), opts());
    const [first, ...rest] = r.perMessage;
    expect(first).toMatchObject({ sends: 2 * E - (N - 1), reached: N });
    // every duplicate of the first flood prunes its link
    expect(first!.controlByType).toEqual({ prune: 2 * E - 2 * (N - 1) });
    for (const m of rest) {
      expect(m).toMatchObject({ sends: N - 1, reached: N, duplicates: 0 });
      expect(m.controlByType).toEqual({ ihave: 2 * (E - (N - 1)) });
    }
  });

  it('plumtree’s tree stays a tree under random latency: full coverage, payload sends near N−1', () => {
    const r = simulate(graph, parseProtocol('plumtree'), { ...opts('uniform:1-9'), origins: Array.from({ length: 40 }, (_, i) => (i * 37) % N) });
    for (const m of r.perMessage) expect(m.reached).toBe(N);
    const late = r.perMessage.slice(20);
    const mean = late.reduce((s, m) => s + m.sends, 0) / late.length;
    expect(mean).toBeLessThan(1.1 * (N - 1));
  });

  it('announce sends each payload exactly once per node reached: N−1 payloads, N−1 requests', () => {
    const r = simulate(graph, parseProtocol('announce'), opts('uniform:1-9'));
    for (const m of r.perMessage) {
      expect(m).toMatchObject({ sends: N - 1, reached: N, duplicates: 0 });
      expect(m.controlByType['getdata']).toBe(N - 1);
      // one INV per link at least (every link has a node that got the message first), two at most
      expect(m.controlByType['inv']).toBeGreaterThanOrEqual(E);
      expect(m.controlByType['inv']).toBeLessThanOrEqual(2 * E);
    }
  });

  it('with no loss and no failure every protocol but gossip, fanout and ttl reaches everyone', () => {
    const petersenCsr = toCsr(petersen);
    for (const csr of [graph, petersenCsr]) {
      for (const spec of ['flood', 'flood-echo', 'tree', 'plumtree', 'plumtree:1', 'announce', 'announce:1']) {
        for (const latency of ['constant', 'exponential:5']) {
          const r = simulate(csr, parseProtocol(spec), { ...opts(latency), origins: [0, 3, 7, 1, 9] });
          for (const m of r.perMessage) expect(m.reached, `${spec} ${latency}`).toBe(csr.order);
        }
      }
    }
  });

  it('keeps plumtree state across messages and gives byte-identical results for the same seed', () => {
    const a = simulate(graph, parseProtocol('plumtree'), opts('exponential:4'));
    const b = simulate(graph, parseProtocol('plumtree'), opts('exponential:4'));
    expect(a.perMessage).toEqual(b.perMessage);
    expect(a.perMessage[0]!.sends).toBeGreaterThan(a.perMessage[5]!.sends);
  });

  it('refuses a protocol that needs a capability the simulator lacks, naming it', () => {
    const odd = { ...parseProtocol('flood'), requires: ['teleport'] } as unknown as Protocol;
    expect(() => simulate(graph, odd, opts())).toThrow(/protocol 'flood' needs teleport/);
  });
});
