/**
 * Components on graphs drawn by hand: the connected case (which takes a shortcut past the
 * labelling passes) and the disconnected case must describe the graph the same way.
 *
 *   cycle 0─1─2─3─0 plus chord 0─2        two triangles 0─1─2, 3─4─5 and a lone node 6
 */
import { describe, expect, it } from 'vitest';
import { components, isConnected } from '../../../src/sim/topology/components.ts';
import { edgeListFromPairs } from '../../../src/sim/topology/edge-list.ts';

describe('components', () => {
  it('a connected graph is one component numbered 0 holding all N nodes and E edges', () => {
    const c = components(edgeListFromPairs(4, [[0, 1], [1, 2], [2, 3], [3, 0], [0, 2]]));
    expect(c.count).toBe(1);
    expect(Array.from(c.of)).toEqual([0, 0, 0, 0]);
    expect(Array.from(c.nodes)).toEqual([4]);
    expect(Array.from(c.edges)).toEqual([5]);
  });

  it('numbers components by their lowest node and counts nodes and edges in each', () => {
    const c = components(edgeListFromPairs(7, [[4, 5], [0, 1], [5, 3], [1, 2], [3, 4], [2, 0]]));
    expect(c.count).toBe(3);
    expect(Array.from(c.of)).toEqual([0, 0, 0, 1, 1, 1, 2]);
    expect(Array.from(c.nodes)).toEqual([3, 3, 1]);
    expect(Array.from(c.edges)).toEqual([3, 3, 0]);
  });

  it('one node is connected; no node is no component', () => {
    expect(components(edgeListFromPairs(1, [])).count).toBe(1);
    expect(components(edgeListFromPairs(0, [])).count).toBe(0);
    expect(isConnected(edgeListFromPairs(2, []))).toBe(false);
  });
});
