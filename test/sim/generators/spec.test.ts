import { describe, expect, it, vi } from 'vitest';
import { buildTopology, topologyList } from '../../../src/sim/topology/spec.ts';
import { components } from '../../../src/sim/topology/components.ts';
import { edgeSet, isSimple } from './graph-checks.ts';

const opts = { nodes: 200, degree: 6, seed: 'spec' };
const fixture = (name: string): string => new URL(`../../fixtures/${name}`, import.meta.url).pathname;

describe('buildTopology', () => {
  it.each([
    ['random-regular', 'random-regular', 200, 600, 6, true],
    ['ring', 'ring', 200, 600, 6, true],
    ['watts-strogatz', 'watts-strogatz:0.1', 200, 600, 6, false],
    ['watts-strogatz:0.25', 'watts-strogatz:0.25', 200, 600, 6, false],
    ['watts-strogatz:0', 'watts-strogatz:0', 200, 600, 6, true],
    ['barabasi-albert', 'barabasi-albert', 200, 6 + 196 * 3, 6, false],
    ['complete', 'complete', 200, 19_900, 199, true],
    ['karate', 'karate', 34, 78, 156 / 34, false],
    ['caveman:4:5', 'caveman:4:5', 20, 40, 4, true],
    ['path', 'path', 200, 199, 398 / 200, false],
  ])('%s -> %s: %i nodes, %i edges, nominal degree %d, regular %s', (spec, name, order, size, nominal, regular) => {
    const t = buildTopology(spec, opts);
    expect(t.name).toBe(name);
    expect(t.edges.order).toBe(order);
    expect(t.edges.size).toBe(size);
    expect(t.nominalDegree).toBeCloseTo(nominal, 10);
    expect(t.regular).toBe(regular);
    expect(isSimple(t.edges)).toBe(true);
  });

  it('draws erdos-renyi with mean degree about D and D as the nominal degree', () => {
    const t = buildTopology('erdos-renyi', { nodes: 2000, degree: 6, seed: 1 });
    expect(t.nominalDegree).toBe(6);
    expect((2 * t.edges.size) / 2000).toBeGreaterThan(5.6);
    expect((2 * t.edges.size) / 2000).toBeLessThan(6.4);
  });

  it('defaults to a connected random-regular graph that depends only on seed, spec, N and D', () => {
    const a = buildTopology('random-regular', opts);
    expect(components(a.edges).count).toBe(1);
    expect(Array.from(buildTopology(' random-regular ', opts).edges.dst)).toEqual(Array.from(a.edges.dst));
    expect(edgeSet(buildTopology('random-regular', { ...opts, seed: 'other' }).edges)).not.toEqual(edgeSet(a.edges));
    for (const spec of ['erdos-renyi', 'watts-strogatz:0.5', 'barabasi-albert']) {
      expect(edgeSet(buildTopology(spec, opts).edges)).toEqual(edgeSet(buildTopology(spec, opts).edges));
    }
  });

  it('reads graph files by file:PATH or a bare path with a known extension', () => {
    const gexf = fixture('kite-directed.gexf');
    const byPrefix = buildTopology(`file:${gexf}`, opts);
    expect(byPrefix.name).toBe(`file:${gexf}`);
    expect([byPrefix.edges.order, byPrefix.edges.size]).toEqual([5, 4]);
    expect(byPrefix.nominalDegree).toBeCloseTo(8 / 5, 10);
    const bare = buildTopology(fixture('square.graphml'), opts);
    expect(bare.name).toBe(`file:${fixture('square.graphml')}`);
    expect(bare.regular).toBe(true);
    expect(() => buildTopology('file:nope.gexf', opts)).toThrow(/topology: cannot read graph file 'nope\.gexf': no such file/);
  });

  it('never calls Math.random', () => {
    const spy = vi.spyOn(Math, 'random');
    for (const spec of ['random-regular', 'erdos-renyi', 'watts-strogatz:0.5', 'barabasi-albert', 'connected-caveman:3:4']) buildTopology(spec, opts);
    expect(spy).not.toHaveBeenCalled();
    spy.mockRestore();
  });

  it('rejects an unknown topology, listing the allowed ones', () => {
    expect(() => buildTopology('foo', opts)).toThrow(
      "topology: unknown topology 'foo'; allowed: random-regular, ring, erdos-renyi, watts-strogatz[:BETA], barabasi-albert, complete, karate, florentine, krackhardt-kite, caveman:L:K, connected-caveman:L:K, ladder:L, path, file:PATH",
    );
    expect(() => buildTopology('', opts)).toThrow(/unknown topology ''/);
    try {
      buildTopology('foo', opts);
    } catch (err) {
      expect((err as { code?: string }).code).toBe('ERR_BAD_TOPOLOGY');
    }
  });

  it.each([
    ['ring:3', /'ring:3': ring takes no parameter/],
    ['watts-strogatz:1.5', /'watts-strogatz:1\.5': BETA '1\.5' must be a number from 0 to 1/],
    ['watts-strogatz:x', /BETA 'x'/],
    ['watts-strogatz:0.1:2', /write it as watts-strogatz\[:BETA\]/],
    ['caveman:4', /write it as caveman:L:K/],
  ])('rejects bad parameters: %s', (spec, message) => {
    expect(() => buildTopology(spec, opts)).toThrow(message);
  });

  it.each([
    [{ nodes: 1, degree: 2 }, /topology: N = 1: the number of nodes must be an integer from 2 to 50000000/],
    [{ nodes: 50_000_001, degree: 2 }, /topology: N = 50000001/],
    [{ nodes: 10.5, degree: 2 }, /topology: N = 10\.5/],
    [{ nodes: 10, degree: 0 }, /topology: D = 0: the degree must be an integer >= 1/],
    [{ nodes: 10, degree: 2.5 }, /topology: D = 2\.5/],
  ])('validates N and D: %o', (nd, message) => {
    expect(() => buildTopology('ring', { ...nd, seed: 1 })).toThrow(message);
  });

  it('passes on the generators’ own refusals', () => {
    expect(() => buildTopology('random-regular', { nodes: 11, degree: 5, seed: 1 })).toThrow(/random-regular: degree 5 with 11 nodes: N\*D must be even/);
    expect(() => buildTopology('complete', { nodes: 30_000, degree: 5, seed: 1 })).toThrow(/complete: 30000 nodes/);
  });

  it('lists every topology with a one-line summary', () => {
    const list = topologyList();
    expect(list.map((t) => t.usage)).toContain('file:PATH');
    expect(list.every((t) => t.summary.length > 0 && !t.summary.includes('\n'))).toBe(true);
  });
});
