/**
 * Components on graphs drawn by hand, from the edge list and from the CSR (both must agree): the
 * connected case (which takes a shortcut past the labelling passes) and the disconnected case.
 *
 *   cycle 0─1─2─3─0 plus chord 0─2        two triangles 0─1─2, 3─4─5 and a lone node 6
 */
import { describe, expect, it } from 'vitest';
import { components, csrComponents, isConnected, type Components } from '../../../src/sim/topology/components.ts';
import { toCsr } from '../../../src/sim/topology/csr.ts';
import { edgeListFromPairs, type EdgeList } from '../../../src/sim/topology/edge-list.ts';
import { buildTopology } from '../../../src/sim/topology/spec.ts';

const plain = (c: Components): object => ({ count: c.count, of: Array.from(c.of), nodes: Array.from(c.nodes), edges: Array.from(c.edges) });
/** Both entry points, which must agree. */
const both = (g: EdgeList): object => {
  const a = plain(components(g));
  expect(plain(csrComponents(toCsr(g)))).toEqual(a);
  return a;
};

describe('components', () => {
  it('a connected graph is one component numbered 0 holding all N nodes and E edges', () => {
    expect(
      both(
        edgeListFromPairs(4, [
          [0, 1],
          [1, 2],
          [2, 3],
          [3, 0],
          [0, 2],
        ]),
      ),
    ).toEqual({ count: 1, of: [0, 0, 0, 0], nodes: [4], edges: [5] });
  });

  it('numbers components by their lowest node and counts nodes and edges in each', () => {
    expect(
      both(
        edgeListFromPairs(7, [
          [4, 5],
          [0, 1],
          [5, 3],
          [1, 2],
          [3, 4],
          [2, 0],
        ]),
      ),
    ).toEqual({ count: 3, of: [0, 0, 0, 1, 1, 1, 2], nodes: [3, 3, 1], edges: [3, 3, 0] });
  });

  it('counts a self-loop and a parallel edge as edges of their component (graph files may hold them)', () => {
    expect(
      both(
        edgeListFromPairs(4, [
          [0, 0],
          [0, 1],
          [2, 3],
          [3, 2],
        ]),
      ),
    ).toEqual({ count: 2, of: [0, 0, 1, 1], nodes: [2, 2], edges: [2, 2] });
  });

  it.each(['erdos-renyi', 'caveman:6:4', 'random-regular', 'barabasi-albert'])('agrees from the edge list and from the CSR on %s graphs', (spec) => {
    for (const seed of ['1', '2', '3']) both(buildTopology(spec, { nodes: 300, degree: 2, seed }).edges);
  });

  it('one node is connected; no node is no component', () => {
    expect(both(edgeListFromPairs(1, []))).toMatchObject({ count: 1 });
    expect(both(edgeListFromPairs(0, []))).toMatchObject({ count: 0 });
    expect(isConnected(edgeListFromPairs(2, []))).toBe(false);
  });
});
