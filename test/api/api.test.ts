/**
 * The library API (src/index.ts) against the CLI and the formulas: simulate gives the object
 * `floodlab sim --json` prints; buildTopology reads graphology Graphs and pairs; a registered
 * protocol runs in the simulator (exact count from its rule) and on real nodes; sweep yields every
 * cell once with its progress, and stops its workers when the loop is left.
 */
import { MultiGraph, UndirectedGraph } from 'graphology';
import { afterEach, describe, expect, it } from 'vitest';
import { onFirstSight } from '../../src/core/index.ts';
import { buildTopology, compare, InputError, registerProtocol, simulate, startNode, sweep, unregisterProtocol, type CellResult, type FloodNode } from '../../src/index.ts';
import { runCli } from '../cli/run-cli.ts';

const nullify = (x: unknown): unknown => JSON.parse(JSON.stringify(x, (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? null : v)));

/** Flood by hand: every link but the one the message came in on. */
const mine = onFirstSight('mine', (port, from, msg) => {
  for (let l = 0; l < port.links; l++) if (l !== from) port.send(l, msg);
});

afterEach(() => unregisterProtocol('mine'));

describe('simulate', () => {
  it('returns the object `floodlab sim --json` prints, for the same options', async () => {
    const cli = await runCli(['sim', '-n', '300', '-d', '6', '--topology', 'watts-strogatz:0.2', '--latency', 'uniform:1-9', '--seed', '5', '--messages', '3', '--loss', '0.1', '--json']);
    expect(cli.code).toBe(0);
    const api = simulate({ nodes: 300, degree: 6, topology: 'watts-strogatz:0.2', latency: 'uniform:1-9', seed: 5, messages: 3, loss: 0.1 });
    expect(nullify(api)).toEqual(JSON.parse(cli.stdout));
  });

  it('counts 2E − (N−1) for flood by default and throws InputError on a bad value', () => {
    expect(simulate({ nodes: 1000, degree: 4, seed: 1 }).transmissionsTotal).toBe(2 * 2000 - 999);
    expect(() => simulate({ nodes: 1 })).toThrow(InputError);
    expect(() => simulate({ protocol: 'nope' })).toThrow(/unknown protocol 'nope'/);
  });
});

describe('buildTopology', () => {
  it('gives a spec as [u, v] pairs, the graph simulate floods with the same seed', () => {
    const t = buildTopology('random-regular', { nodes: 50, degree: 4, seed: 3 });
    expect([t.order, t.edges.length]).toEqual([50, 100]);
    expect(t.edges.every(([u, v]) => u !== v && u < 50 && v < 50)).toBe(true);
  });

  it('reads a graphology Graph: keys become labels, directed and repeated edges merge, loops drop', () => {
    const g = new MultiGraph({ type: 'directed', allowSelfLoops: true });
    g.mergeEdge('x', 'y');
    g.addEdge('y', 'x');
    g.mergeEdge('y', 'z');
    g.addEdge('z', 'z');
    const t = buildTopology(g);
    expect(t.labels).toEqual(['x', 'y', 'z']);
    expect(t.edges).toEqual([
      [0, 1],
      [1, 2],
    ]);
    const u = new UndirectedGraph();
    u.mergeEdge('a', 'b');
    expect(buildTopology(u).edges).toEqual([[0, 1]]);
  });

  it('keeps integer pairs as node indices, isolated nodes included', () => {
    const t = buildTopology([
      [0, 3],
      [3, 1],
      [1, 0],
      [0, 3],
    ]);
    expect([t.order, t.labels, t.edges]).toEqual([
      4,
      undefined,
      [
        [0, 3],
        [3, 1],
        [1, 0],
      ],
    ]);
    expect(() => buildTopology([[0, 1, 2] as unknown as [number, number]])).toThrow(InputError);
  });
});

describe('registerProtocol', () => {
  it('runs a user protocol by name in the simulator, with the count its rule gives', () => {
    registerProtocol(mine);
    const r = simulate({ nodes: 500, degree: 6, protocol: 'mine', seed: 2 });
    expect(r.transmissionsTotal).toBe(2 * 1500 - 499);
    const rows = compare({ nodes: 500, degree: 6, protocols: ['flood', 'mine'], messages: 5 }).rows;
    expect(rows[1]!.transmissionsPerMessage).toBe(rows[0]!.transmissionsPerMessage);
    expect(() => registerProtocol(mine)).toThrow(/already registered/);
  });

  it('runs it by name on real nodes: a message crosses a line of three', async () => {
    registerProtocol(mine);
    const got: string[] = [];
    const nodes: FloodNode[] = [];
    try {
      for (const name of ['a', 'b', 'c']) nodes.push(await startNode({ name, protocol: 'mine', onDeliver: (m) => got.push(`${name}:${m.text}`) }));
      nodes[1]!.connect('127.0.0.1', nodes[0]!.port);
      nodes[2]!.connect('127.0.0.1', nodes[1]!.port);
      while (nodes[1]!.stats().connected < 2) await new Promise((r) => setTimeout(r, 10));
      nodes[0]!.originate('hi');
      while (got.length < 3) await new Promise((r) => setTimeout(r, 10));
      expect(got.sort()).toEqual(['a:hi', 'b:hi', 'c:hi']);
      expect(nodes.reduce((s, n) => s + n.stats().sent, 0)).toBe(2 * 2 - 2); // 2E − (N−1) on a path of 3
    } finally {
      await Promise.all(nodes.map((n) => n.close()));
    }
  });
});

describe('sweep', () => {
  it('yields every cell once with its progress; the results match simulate', async () => {
    const seen: CellResult[] = [];
    const progress: string[] = [];
    for await (const cell of sweep({ nodes: [60, 120], degrees: [3, 4], seeds: 2 }, { jobs: 2, seed: 7, onProgress: ({ done, total }) => progress.push(`${done}/${total}`) })) seen.push(cell);
    expect(seen.map((c) => c.index).sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(progress).toEqual(['1/8', '2/8', '3/8', '4/8', '5/8', '6/8', '7/8', '8/8']);
    const first = seen.find((c) => c.index === 0)!;
    expect(first.ok && first.sends).toBe(simulate({ nodes: 60, degree: 3, seed: 7 }).transmissionsTotal);
  });

  it('stops when the loop is left early', async () => {
    let n = 0;
    for await (const _cell of sweep({ nodes: [1000, 2000], degrees: [4, 6, 8], seeds: 3 }, { jobs: 2 })) if (++n === 2) break;
    expect(n).toBe(2);
  });
});
