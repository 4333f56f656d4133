/**
 * Positions for drawing a graph: ForceAtlas2 (graphology's layout) from seeded start positions,
 * so the same graph and seed always give the same picture. Runs on the server once per graph.
 */
import { UndirectedGraph } from 'graphology';
import forceAtlas2Module from 'graphology-layout-forceatlas2';
import { seededRng } from '../sim/random.ts';
import type { EdgeList } from '../sim/topology/edge-list.ts';

// The package is CommonJS (`module.exports = layout`) but its typings say `export default`, so
// TypeScript types the default import as the module object; at run time it is the layout itself.
const forceAtlas2 = forceAtlas2Module as unknown as typeof forceAtlas2Module.default;

export interface Positions {
  readonly x: number[];
  readonly y: number[];
}

/** Iterations: enough for a calm picture, fewer for big graphs (each costs O(N log N)). */
function iterationsFor(order: number): number {
  if (order <= 200) return 400;
  if (order <= 1000) return 200;
  return 120;
}

/** Lays the graph out; positions are rounded to 0.01 (plenty on screen, half the JSON). */
export function layoutGraph(edges: EdgeList, seed: string): Positions {
  const graph = new UndirectedGraph();
  const rng = seededRng(seed, 'layout');
  const radius = Math.sqrt(edges.order) * 10;
  for (let u = 0; u < edges.order; u++) {
    graph.addNode(u, { x: (rng() - 0.5) * radius, y: (rng() - 0.5) * radius });
  }
  for (let i = 0; i < edges.size; i++) {
    const u = edges.src[i]!;
    const v = edges.dst[i]!;
    if (u !== v && !graph.hasEdge(u, v)) graph.addEdge(u, v);
  }
  const settings = { ...forceAtlas2.inferSettings(graph), barnesHutOptimize: edges.order > 300, gravity: 1, strongGravityMode: true };
  forceAtlas2.assign(graph, { iterations: iterationsFor(edges.order), settings });
  const x: number[] = [];
  const y: number[] = [];
  for (let u = 0; u < edges.order; u++) {
    x.push(Math.round((graph.getNodeAttribute(u, 'x') as number) * 100) / 100);
    y.push(Math.round((graph.getNodeAttribute(u, 'y') as number) * 100) / 100);
  }
  return { x, y };
}
