/**
 * compareOn / compareProtocols: every protocol on the same graph, origins and faults, with
 * per-message rows whose exact values are known for flood and tree, byte columns from the size
 * model, and coverage against the live component.
 */
import { describe, expect, it } from 'vitest';
import { CONTROL_BYTES, payloadSendBytes } from '../../src/core/sizes.ts';
import { compareOn, compareProtocols } from '../../src/sim/compare.ts';
import { NO_FAULTS } from '../../src/sim/faults.ts';
import { toCsr } from '../../src/sim/topology/csr.ts';
import { ringWithChords } from './graphs.ts';

const graph = toCsr(ringWithChords(150, 225, 3)); // N = 150, E = 375
const N = graph.order;
const E = graph.size;
const base = { latency: 'uniform:1-9', seed: '4', messages: 12 };

describe('compareOn', () => {
  const r = compareOn(graph, { ...base, protocols: ['flood', 'tree', 'plumtree', 'announce', 'ttl:1'], payloadBytes: 100 });
  const row = (name: string) => r.rows.find((x) => x.protocol === name)!;

  it('gives flood and tree their exact counts per message, and RMR from them', () => {
    expect(row('flood')).toMatchObject({ payloadSends: 2 * E - (N - 1), controlSends: 0, complete: 12, coverageMean: 1, coverageWorst: 1 });
    expect(row('flood').rmr).toBeCloseTo((2 * E - (N - 1)) / (N - 1) - 1, 12);
    expect(row('tree')).toMatchObject({ payloadSends: N - 1, rmr: 0, duplicates: 0, complete: 12 });
  });

  it('prices payload and control with the size model', () => {
    for (const x of r.rows) {
      expect(x.payloadBytes).toBeCloseTo(x.payloadSends * payloadSendBytes(100), 6);
      expect(x.controlBytes).toBeCloseTo(x.controlSends * CONTROL_BYTES, 6);
      expect(x.totalBytes).toBeCloseTo(x.payloadBytes + x.controlBytes, 6);
    }
    expect(payloadSendBytes(100)).toBe(122);
    expect(row('announce').controlByType['getdata']).toBe(N - 1);
    expect(row('announce').controlSends).toBeCloseTo(
      Object.values(row('announce').controlByType).reduce((a, b) => a + b, 0),
      9,
    );
  });

  it('reports the busiest node: on a tree no node sends more than its degree times a payload per message', () => {
    let maxDegree = 0;
    for (let u = 0; u < N; u++) maxDegree = Math.max(maxDegree, graph.offsets[u + 1]! - graph.offsets[u]!);
    expect(row('tree').busiestNodeBytes).toBeGreaterThan(0);
    expect(row('tree').busiestNodeBytes).toBeLessThanOrEqual(maxDegree * payloadSendBytes(100));
  });

  it('leaves time to full coverage undefined when no message reached everyone', () => {
    expect(row('ttl:1').complete).toBe(0);
    expect(row('ttl:1').timeToFullMs).toBeNaN();
    expect(row('flood').timeToFullMs).toBeGreaterThan(0);
  });

  it('runs each protocol as if alone: same origins and random stream whatever else is compared', () => {
    const alone = compareOn(graph, { ...base, protocols: ['plumtree'], payloadBytes: 100 });
    expect(alone.rows[0]).toEqual(row('plumtree'));
  });

  it('measures coverage against the live nodes: flood covers them all, a tree does not', () => {
    const f = compareOn(graph, { ...base, protocols: ['flood', 'tree', 'plumtree'], faults: { ...NO_FAULTS, failNodes: 0.2 } });
    expect(f.failedNodes).toBe(30);
    expect(f.reachable).toBeLessThanOrEqual(N - 30);
    expect(f.rows[0]).toMatchObject({ coverageMean: 1, complete: 12, lost: 0 });
    expect(f.rows[1]!.coverageMean).toBeLessThan(1);
    expect(f.rows[2]).toMatchObject({ coverageMean: 1, complete: 12 });
  });

  it('rejects bad options naming the value', () => {
    expect(() => compareOn(graph, { ...base, protocols: [] })).toThrow(/--protocols is empty/);
    expect(() => compareOn(graph, { ...base, protocols: ['flood', 'gossip:2'] })).toThrow(/'gossip:2' needs P/);
    expect(() => compareOn(graph, { ...base, protocols: ['flood'], payloadBytes: -1 })).toThrow(/--payload-bytes -1/);
  });
});

describe('compareProtocols', () => {
  it('builds the topology once and runs the ladder on it', () => {
    const r = compareProtocols({ nodes: 200, degree: 6, topology: 'random-regular', latency: 'constant', seed: '1', messages: 5, protocols: ['flood-echo', 'flood', 'gossip:1'] });
    expect(r).toMatchObject({ nodes: 200, edges: 600, degree: 6, messages: 5, failedNodes: 0 });
    expect(r.rows.map((x) => x.payloadSends)).toEqual([1200, 1200 - 199, 1200 - 199]);
  });
});
