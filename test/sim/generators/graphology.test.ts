import { MultiGraph } from 'graphology';
import { describe, expect, it, vi } from 'vitest';
import { readGraphFile } from '../../../src/sim/generators/graph-file.ts';
import { fromGraphology, namedGraph, namedGraphList } from '../../../src/sim/generators/graphology.ts';
import { seededRng } from '../../../src/sim/random.ts';
import { components } from '../../../src/sim/topology/components.ts';
import { edgeSet, graphFacts, isSimple } from './graph-checks.ts';

const fixture = (name: string): string => new URL(`../../fixtures/${name}`, import.meta.url).pathname;

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

describe('readGraphFile', () => {
  it.each([
    ['kite-directed.gexf', 5, 4, ['a', 'b', 'c', 'd', 'e']],
    ['square.graphml', 4, 4, ['n0', 'n1', 'n2', 'n3']],
    ['named-pairs.json', 4, 3, ['alice', 'bob', '3', 'carol']],
    ['graphology-serialized.json', 3, 2, ['x', 'y', 'z']],
    ['edges-object.json', 5, 4, undefined],
  ])('reads %s: %i nodes, %i edges', (name, order, size, labels) => {
    const g = readGraphFile(fixture(name));
    expect(g.order).toBe(order);
    expect(g.size).toBe(size);
    expect(g.labels).toEqual(labels);
    expect(isSimple(g)).toBe(true);
  });

  it.each([
    ['missing.gexf', /no such file/],
    ['truncated.gexf', /malformed XML/],
    ['dangling-edge.graphml', /points to an inexisting node/],
    ['truncated.json', /JSON/],
    ['bad-node.json', /edges\[1\]\[1\] is not a node name/],
    ['named-pairs.txt', /unknown extension '\.txt'/],
  ])('turns a bad file (%s) into one InputError line', (name, reason) => {
    const path = fixture(name);
    let caught: unknown;
    try {
      readGraphFile(path);
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(Error);
    const err = caught as Error & { code?: string };
    expect(err.name).toBe('InputError');
    expect(err.code).toBe('ERR_BAD_GRAPH_FILE');
    expect(err.message.startsWith(`topology: cannot read graph file '${path}': `)).toBe(true);
    expect(err.message).toMatch(reason);
    expect(err.message).not.toContain('\n');
  });

  it('does not print xmldom warnings or errors', () => {
    const spies = (['log', 'warn', 'error'] as const).map((m) => vi.spyOn(console, m).mockImplementation(() => {}));
    expect(() => readGraphFile(fixture('truncated.gexf'))).toThrow();
    for (const spy of spies) {
      expect(spy).not.toHaveBeenCalled();
      spy.mockRestore();
    }
  });
});
