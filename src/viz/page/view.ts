/**
 * The graph on screen, drawn by sigma.js (WebGL) from a graphology graph. Colours come from the
 * player's state through sigma's reducers, and each frame refreshes only the nodes and edges the
 * player says changed, which keeps a 2,000-node flood smooth.
 */
import { UndirectedGraph } from 'graphology';
import Sigma from 'sigma';
import { animateNodes } from 'sigma/utils';
import type { VizGraph } from '../types.ts';
import { CARRIED_DUPLICATE, CARRIED_FIRST, type FloodPlayer } from './player.ts';

/** Colours, also used by the legend (style.css repeats them). */
export const COLORS = {
  unreached: '#c3cbd6',
  origin: '#111827',
  edge: '#dfe4ea',
  inFlight: '#f59e0b',
  tree: '#334155',
  duplicate: '#dc2626',
  wasted: '#f5b5b5',
} as const;

/** Node colour by first-receipt hop (hop 1 first); the last colour repeats for deeper hops. */
export const HOP_COLORS = ['#7c3aed', '#2563eb', '#0d9488', '#65a30d', '#a16207', '#db2777', '#4338ca', '#0891b2', '#16a34a', '#92400e'];

export function hopColor(hop: number): string {
  return hop <= 0 ? COLORS.origin : HOP_COLORS[Math.min(hop - 1, HOP_COLORS.length - 1)]!;
}

const FLASH_MS = 450;

export interface ViewHandlers {
  onNodeClick(node: number): void;
  onNodeHover(node: number | null, x: number, y: number): void;
}

export class FloodView {
  private sigma: Sigma | null = null;
  private graph = new UndirectedGraph();
  private player: FloodPlayer | null = null;
  private flashUntil = new Float64Array(0);
  private flashing = new Set<number>();
  private baseSize = 4;
  /** Nodes grow a little with each duplicate they receive (small graphs only: big ones get crowded). */
  private growWithDuplicates = true;
  private stopAnimation: (() => void) | null = null;

  constructor(
    private readonly container: HTMLElement,
    private readonly handlers: ViewHandlers,
  ) {}

  /** Draws a new graph (positions from the server's layout). */
  setGraph(viz: VizGraph): void {
    this.sigma?.kill();
    const graph = new UndirectedGraph();
    this.baseSize = viz.order <= 100 ? 7 : viz.order <= 500 ? 4.5 : viz.order <= 2000 ? 3 : 2.2;
    this.growWithDuplicates = viz.order <= 500;
    for (let u = 0; u < viz.order; u++) {
      graph.addNode(String(u), { x: viz.x[u]!, y: viz.y[u]!, size: this.baseSize, label: viz.labels?.[u] ?? String(u) });
    }
    for (let i = 0; i < viz.src.length; i++) {
      const u = String(viz.src[i]!);
      const v = String(viz.dst[i]!);
      if (u !== v && !graph.hasEdge(u, v)) graph.addEdgeWithKey(String(i), u, v);
    }
    this.graph = graph;
    this.flashUntil = new Float64Array(viz.src.length);
    this.flashing.clear();
    this.sigma = new Sigma(graph, this.container, {
      renderLabels: viz.order <= 80,
      labelRenderedSizeThreshold: 6,
      labelSize: 11,
      labelColor: { color: '#374151' },
      defaultEdgeColor: COLORS.edge,
      hideEdgesOnMove: viz.src.length > 20_000,
      zIndex: true,
      nodeReducer: (key, data) => this.nodeLook(Number(key), data),
      edgeReducer: (key, data) => this.edgeLook(Number(key), data),
    });
    this.sigma.on('clickNode', ({ node }) => this.handlers.onNodeClick(Number(node)));
    this.sigma.on('enterNode', ({ node, event }) => this.handlers.onNodeHover(Number(node), event.x, event.y));
    this.sigma.on('leaveNode', ({ event }) => this.handlers.onNodeHover(null, event.x, event.y));
  }

  /** Follows a (new) player: everything is redrawn from its state. */
  setPlayer(player: FloodPlayer): void {
    this.player = player;
    this.flashUntil.fill(0);
    this.flashing.clear();
    this.sigma?.refresh({ skipIndexation: true });
  }

  private nodeLook(u: number, data: Record<string, unknown>): Record<string, unknown> {
    const p = this.player;
    if (!p) return { ...data, color: COLORS.unreached };
    const hop = p.firstHop[u]!;
    if (hop < 0) return { ...data, color: COLORS.unreached, zIndex: 0 };
    const extra = this.growWithDuplicates ? Math.min(p.duplicatesAt[u]!, 6) * 0.12 * this.baseSize : 0;
    if (hop === 0) return { ...data, color: COLORS.origin, size: this.baseSize * 1.8, zIndex: 3, forceLabel: true };
    return { ...data, color: hopColor(hop), size: this.baseSize + extra, zIndex: 2 };
  }

  private edgeLook(e: number, data: Record<string, unknown>): Record<string, unknown> {
    const p = this.player;
    if (!p) return data;
    if (this.flashUntil[e]! > 0) return { ...data, color: COLORS.duplicate, size: 2.5, zIndex: 3 };
    if (p.inFlight[e]! > 0) return { ...data, color: COLORS.inFlight, size: 2.5, zIndex: 4 };
    const use = p.edgeUse[e]!;
    if (use & CARRIED_FIRST) return { ...data, color: COLORS.tree, size: 1.8, zIndex: 2 };
    if (use & CARRIED_DUPLICATE) return { ...data, color: COLORS.wasted, size: 0.8, zIndex: 1 };
    return { ...data, color: COLORS.edge, size: 0.6, zIndex: 0 };
  }

  /** Redraws what the player changed since the last frame; `now` in ms (performance.now()). */
  update(now: number): void {
    const p = this.player;
    if (!p || !this.sigma) return;
    const changes = p.drain();
    const edges = new Set(changes.edges);
    for (const e of changes.duplicateArrivals) {
      this.flashUntil[e] = now + FLASH_MS;
      this.flashing.add(e);
      edges.add(e);
    }
    for (const e of this.flashing) {
      if (this.flashUntil[e]! <= now) {
        this.flashUntil[e] = 0;
        this.flashing.delete(e);
        edges.add(e);
      }
    }
    if (changes.all) {
      this.sigma.refresh({ skipIndexation: true });
      return;
    }
    if (changes.nodes.length === 0 && edges.size === 0) return;
    this.sigma.refresh({ partialGraph: { nodes: changes.nodes.map(String), edges: [...edges].map(String) }, skipIndexation: true });
  }

  /** True while a duplicate flash is still showing (the loop keeps drawing until it fades). */
  get busy(): boolean {
    return this.flashing.size > 0;
  }

  /** Moves the nodes to new positions with a short animation. */
  moveTo(pos: { x: readonly number[]; y: readonly number[] }): void {
    this.stopAnimation?.();
    const targets: Record<string, { x: number; y: number }> = {};
    this.graph.forEachNode((key) => {
      const u = Number(key);
      targets[key] = { x: pos.x[u]!, y: pos.y[u]! };
    });
    this.stopAnimation = animateNodes(this.graph, targets, { duration: 600 });
  }

  /** Where a node is drawn, in pixels from the graph area's top left (null before drawing). */
  nodePosition(node: number): { x: number; y: number } | null {
    const data = this.sigma?.getNodeDisplayData(String(node));
    return data && this.sigma ? this.sigma.framedGraphToViewport(data) : null;
  }
}
