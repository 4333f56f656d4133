/**
 * What `floodlab grow` reports about a grown network, as plain data (the CLI renders it): graph
 * figures, membership messages spent, and the flood's exact cost on the grown overlay beside a
 * random-regular network of the same N and (rounded) mean degree.
 */
import { graphFigures } from '../analysis/index.ts';
import { seededRng } from '../random.ts';
import { components } from '../topology/components.ts';
import { toCsr } from '../topology/csr.ts';
import type { DegreeStats, PathStats } from '../analysis/index.ts';
import type { GrowResult, MembershipSpent } from './grow.ts';

export interface GrowReport {
  readonly nodes: number;
  readonly edges: number;
  readonly overlay: string;
  readonly want: number;
  readonly settled: boolean;
  readonly settledAtMs: number;
  readonly lastJoinMs: number;
  readonly connected: boolean;
  readonly components: number;
  readonly degree: DegreeStats;
  readonly clustering: number;
  /** True when clustering and path length are exact (all nodes, all sources). */
  readonly exact: boolean;
  readonly pathLength: PathStats;
  readonly membershipMessages: MembershipSpent;
  /** Why the mean degree is what it is (blog: near 2K). */
  readonly degreeWhy: string;
  readonly flood: {
    /** Payload sends of one flood from node 0 (the first node): 2E − (n − 1) over its component. */
    readonly transmissions: number;
    readonly reached: number;
    readonly formulas: { readonly flood: string; readonly randomRegular: string };
    /** The same flood on a random D-regular network of the same N, D the rounded mean degree: N·D − (N − 1). */
    readonly randomRegularTransmissions: number;
    readonly randomRegularDegree: number;
  };
}

export function growReport(r: GrowResult, seed: string | number): GrowReport {
  const csr = toCsr(r.edges);
  const f = graphFigures(csr, { rng: seededRng(seed, 'analysis') });
  const comp = components(r.edges);
  const c0 = comp.of[0] ?? 0;
  const n0 = comp.nodes[c0] ?? 0;
  const e0 = comp.edges[c0] ?? 0;
  const n = r.edges.order;
  const d = Math.max(1, Math.round(f.degree.mean));
  return {
    nodes: n,
    edges: r.edges.size,
    overlay: r.overlay,
    want: r.want,
    settled: r.settled,
    settledAtMs: Math.round(r.endMs),
    lastJoinMs: Math.round(r.lastJoinMs),
    connected: comp.count === 1,
    components: comp.count,
    degree: f.degree,
    clustering: f.clustering,
    exact: f.pathLength.sources === n,
    pathLength: f.pathLength,
    membershipMessages: r.membership,
    degreeWhy:
      r.overlay === 'blog'
        ? `blog's mean degree lands near 2K = ${2 * r.want}: every join adds about K links (the newcomer's K requests are each accepted by one node), and each link has two ends, so E ≈ K·N and the mean 2E/N ≈ 2K; nothing drops a surplus link.`
        : `hyparview's mean degree stays at or below K = ${r.want}: the active view is capped at K, and a node admitting one more drops one (DISCONNECT).`,
    flood: {
      transmissions: n0 > 0 ? 2 * e0 - (n0 - 1) : 0,
      reached: n0,
      formulas: { flood: '2E − (N − 1) over the origin’s component', randomRegular: 'N·D − (N − 1)' },
      randomRegularTransmissions: n * d - (n - 1),
      randomRegularDegree: d,
    },
  };
}
