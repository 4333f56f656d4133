import { describe, expect, it } from 'vitest';
import { topologyCatalog, topologyUses } from '../../../src/sim/generators/catalog.ts';
import { buildTopology } from '../../../src/sim/topology/spec.ts';

const both = { nodes: true, degree: true };
const neither = { nodes: false, degree: false };

describe('topologyUses', () => {
  it.each([
    ['random-regular', both],
    ['ring', both],
    ['erdos-renyi', both],
    ['watts-strogatz:0.3', both],
    ['barabasi-albert', both],
    ['complete', { nodes: true, degree: false }],
    ['path', { nodes: true, degree: false }],
    ['karate', neither],
    ['caveman:4:5', neither],
    ['ladder:3', neither],
    ['file:g.gexf', neither],
    ['file:anything', neither],
    [' graph.edgelist ', neither],
  ])('%s uses %o', (spec, uses) => {
    expect(topologyUses(spec)).toEqual(uses);
  });

  it('is undefined for an unknown spec', () => {
    expect(topologyUses('nope')).toBeUndefined();
  });

  it('agrees with what the graphs do: a topology that ignores N or D builds the same graph for another N or D', () => {
    const concrete: Record<string, string> = { 'watts-strogatz[:BETA]': 'watts-strogatz', 'caveman:L:K': 'caveman:3:4', 'connected-caveman:L:K': 'connected-caveman:3:4', 'ladder:L': 'ladder:5' };
    for (const { usage, uses } of topologyCatalog()) {
      if (usage === 'file:PATH') continue;
      const spec = concrete[usage] ?? usage;
      const a = buildTopology(spec, { nodes: 40, degree: 4, seed: 1 });
      const otherN = buildTopology(spec, { nodes: 60, degree: 4, seed: 1 });
      const otherD = buildTopology(spec, { nodes: 40, degree: 6, seed: 1 });
      expect([spec, a.edges.order !== otherN.edges.order]).toEqual([spec, uses.nodes]);
      expect([spec, a.edges.size !== otherD.edges.size]).toEqual([spec, uses.degree]);
    }
  });

  it('lists every topology once with usage, summary and uses', () => {
    const list = topologyCatalog();
    expect(new Set(list.map((t) => t.usage)).size).toBe(list.length);
    for (const t of list) {
      expect(t.summary.length).toBeGreaterThan(10);
      expect(typeof t.uses.nodes).toBe('boolean');
      expect(typeof t.uses.degree).toBe('boolean');
    }
  });
});
