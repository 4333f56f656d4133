/**
 * The property the analyzer stands on: on any graph the generators make, under any latency
 * model, one message sends exactly 2E (flood-echo) or 2E − (N−1) (flood) over the origin's
 * component, every node of that component delivers exactly once, and nobody else does.
 * Checked over 240 seeded random graphs; the expected numbers come from the formulas and from an
 * independent count of the component (union–find), never from the engine's own output.
 */
import { describe, expect, it } from 'vitest';
import { exactSends } from '../../src/core/formulas.ts';
import { flood, floodEcho } from '../../src/core/protocols/flood.ts';
import type { MessageId, Msg } from '../../src/core/message.ts';
import type { Port, Protocol } from '../../src/core/seam.ts';
import { simulate } from '../../src/sim/engine/engine.ts';
import { parseLatency } from '../../src/sim/latency.ts';
import { seededRng } from '../../src/sim/random.ts';
import { components } from '../../src/sim/topology/components.ts';
import { toCsr } from '../../src/sim/topology/csr.ts';
import { buildTopology } from '../../src/sim/topology/spec.ts';

const topologies = ['random-regular', 'ring', 'erdos-renyi', 'watts-strogatz', 'barabasi-albert', 'complete'];
const latencies = ['constant', 'uniform:1-20', 'exponential:5', 'per-link:1-9'];

/** Wraps a protocol to count deliveries per node, independently of the engine's counters. */
function countingDeliveries(inner: Protocol, order: number): { protocol: Protocol; deliveries: Uint32Array } {
  const deliveries = new Uint32Array(order);
  const wrap = (port: Port & { node?: number }): Port => ({
    get links() {
      return port.links;
    },
    send: (link: number, msg: Msg) => port.send(link, msg),
    deliver: (msg: Msg) => {
      deliveries[port.node!]!++;
      port.deliver(msg);
    },
    firstSight: (id: MessageId) => port.firstSight(id),
    random: () => port.random(),
  });
  return {
    deliveries,
    protocol: {
      name: inner.name,
      originate: (port, msg) => inner.originate(wrap(port), msg),
      receive: (port, link, msg) => inner.receive(wrap(port), link, msg),
    },
  };
}

interface Case {
  topology: string;
  latency: string;
  nodes: number;
  degree: number;
  seed: number;
}

function cases(): Case[] {
  const out: Case[] = [];
  const rng = seededRng('property', 'cases');
  for (let seed = 0; seed < 240; seed++) {
    const topology = topologies[seed % topologies.length]!;
    const latency = latencies[Math.floor(seed / topologies.length) % latencies.length]!;
    let nodes = 10 + Math.floor(rng() * 190);
    let degree = 1 + Math.floor(rng() * 9);
    if (topology === 'random-regular' || topology === 'ring') {
      degree = Math.max(2, degree);
      if ((nodes * degree) % 2 === 1) nodes++;
    }
    if (topology === 'watts-strogatz') degree = 2 * Math.max(1, Math.floor(degree / 2));
    if (topology === 'complete') nodes = Math.min(nodes, 60);
    // erdos-renyi with a low degree is often disconnected: those cases check the component rule
    out.push({ topology, latency, nodes, degree, seed });
  }
  return out;
}

describe('flood counts equal the formulas on every generated graph', () => {
  const all = cases();
  it.each(all.map((c) => [`${c.topology} N=${c.nodes} D=${c.degree} ${c.latency} seed ${c.seed}`, c] as const))('%s', (_name, c) => {
    const topo = buildTopology(c.topology, { nodes: c.nodes, degree: c.degree, seed: c.seed });
    const csr = toCsr(topo.edges);
    const comps = components(topo.edges);
    const origin = c.seed % csr.order;
    const comp = comps.of[origin]!;
    const n = comps.nodes[comp]!;
    const e = comps.edges[comp]!;
    for (const inner of [flood, floodEcho]) {
      const { protocol, deliveries } = countingDeliveries(inner, csr.order);
      const r = simulate(csr, protocol, { latency: parseLatency(c.latency), rng: seededRng(c.seed, 'engine'), origins: [origin] });
      const m = r.perMessage[0]!;
      expect(m.sends).toBe(exactSends(inner.name, n, e));
      expect(m.reached).toBe(n);
      expect(m.received).toBe(m.sends);
      expect(m.duplicates).toBe(m.sends - (n - 1));
      // the engine's shortcut for protocols that ignore duplicates (copies known to be duplicates
      // are counted at send time, not queued) must not change any count, per message or per node
      const plain = simulate(csr, inner, { latency: parseLatency(c.latency), rng: seededRng(c.seed, 'engine'), origins: [origin] });
      expect(plain.perMessage[0]).toEqual(m);
      expect(plain.duplicatesPerNode).toEqual(r.duplicatesPerNode);
      expect(plain.sendsPerNode).toEqual(r.sendsPerNode);
      expect(plain.firstHop).toEqual(r.firstHop);
      expect(plain.firstTime).toEqual(r.firstTime);
      for (let u = 0; u < csr.order; u++) {
        expect(deliveries[u]).toBe(comps.of[u] === comp ? 1 : 0);
      }
    }
  });

  it('covers connected and disconnected graphs alike', () => {
    const disconnected = all.filter((c) => {
      const topo = buildTopology(c.topology, { nodes: c.nodes, degree: c.degree, seed: c.seed });
      return components(topo.edges).count > 1;
    });
    expect(all.length).toBeGreaterThanOrEqual(200);
    expect(disconnected.length).toBeGreaterThan(0);
    expect(disconnected.length).toBeLessThan(all.length);
  });
});
