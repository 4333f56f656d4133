import { MultiGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import { fromGraphology, namedGraph, namedGraphList } from '../../../src/sim/generators/graphology.ts';
import { components } from '../../../src/sim/topology/components.ts';
import { edgeSet, graphFacts, isSimple } from './graph-checks.ts';

describe('fromGraphology', () => {
  it('numbers nodes in order, keeps labels, drops loops and collapses parallel and directed edges', () => {
    const g = new MultiGraph();
    for (const key of ['a', 'b', 'c', 'd']) g.addNode(key);
    g.addUndirectedEdge('a', 'b');
    g.addUndirectedEdge('b', 'a');
    g.addDirectedEdge('b', 'c');
    g.addDirectedEdge('c', 'b');
    g.addDirectedEdge('c', 'c');
    g.addUndirectedEdge('a', 'd');
    const e = fromGraphology(g);
    expect(e.order).toBe(4);
    expect(e.labels).toEqual(['a', 'b', 'c', 'd']);
    expect(edgeSet(e)).toEqual(['0-1', '0-3', '1-2']);
    expect(e.cleaned).toEqual({ selfLoops: 1, duplicateEdges: 2, directedEdges: 3 });
  });
});

describe('namedGraph', () => {
  it.each([
    ['karate', 34, 78, 1],
    ['florentine', 15, 20, 1],
    ['krackhardt-kite', 10, 18, 1],
    ['caveman:3:4', 12, 18, 3],
    ['connected-caveman:3:4', 12, 18, 1],
    ['connected-caveman:2:3', 6, 6, 1],
    ['ladder:5', 10, 13, 1],
  ])('%s has %i nodes, %i edges, %i component(s)', (spec, order, size, count) => {
    const { name, edges } = namedGraph(spec);
    expect(name).toBe(spec);
    expect(edges.order).toBe(order);
    expect(edges.size).toBe(size);
    expect(isSimple(edges)).toBe(true);
    expect(components(edges).count).toBe(count);
  });

  it('sizes path by --nodes, keeps real names, and writes parameters canonically', () => {
    const path = namedGraph('path', { order: 100 }).edges;
    expect([path.order, path.size, components(path).count]).toEqual([100, 99, 1]);
    expect(namedGraph('florentine').edges.labels).toContain('Medici');
    expect(namedGraph('karate').edges.labels).toBeUndefined(); // keys "0".."33" are the indices
    expect(namedGraph('caveman:03:4').name).toBe('caveman:3:4');
    expect(graphFacts(namedGraph('caveman:2:5').edges).degrees.every((d) => d === 4)).toBe(true);
  });

  it('says which named graphs take --nodes: only path; none takes --degree', () => {
    const uses = Object.fromEntries(namedGraphList().map((g) => [g.usage, g.uses]));
    expect(uses['path']).toEqual({ nodes: true, degree: false });
    for (const [usage, u] of Object.entries(uses)) if (usage !== 'path') expect(u).toEqual({ nodes: false, degree: false });
  });

  it('lists every named graph with a summary', () => {
    const usages = namedGraphList().map((n) => n.usage);
    expect(usages).toEqual(['karate', 'florentine', 'krackhardt-kite', 'caveman:L:K', 'connected-caveman:L:K', 'ladder:L', 'path']);
  });

  it.each([
    ['caveman:3', /'caveman:3': write it as caveman:L:K/],
    ['caveman:3:x', /write it as caveman:L:K with integer parameters/],
    ['caveman:0:4', /'caveman:0:4': L = 0 must be >= 1/],
    ['connected-caveman:1:4', /L = 1 must be >= 2/],
    ['connected-caveman:3:2', /K = 2 must be >= 3/],
    ['ladder:1', /L = 1 must be >= 2/],
    ['karate:2', /'karate:2': write it as karate/],
    ['caveman:2000:2000', /would have 3998000000 edges; at most 1000000/],
    ['nope', /unknown named graph 'nope'/],
  ])('rejects %s', (spec, message) => {
    expect(() => namedGraph(spec)).toThrow(message);
  });

  it('rejects path without a valid number of nodes', () => {
    expect(() => namedGraph('path')).toThrow(/path with 0 nodes/);
    expect(() => namedGraph('path', { order: 2_000_000 })).toThrow(/1999999 edges; at most 1000000/);
  });
});
