/**
 * Graph figures for a grown network in one call: links per node, components, clustering, path
 * lengths. Exact below `exactBelow` nodes, sampled (seeded) above it.
 */
import type { Rng } from '../../core/rng.ts';
import { csrComponents } from '../topology/components.ts';
import type { Csr } from '../topology/csr.ts';
import { averageClustering } from './clustering.ts';
import { degreeStats, type DegreeStats } from './degree.ts';
import { pathStats, type PathStats } from './paths.ts';

export { averageClustering } from './clustering.ts';
export { degreeStats, type DegreeStats } from './degree.ts';
export { pathStats, type PathStats } from './paths.ts';

export interface GraphFigures {
  readonly degree: DegreeStats;
  readonly components: number;
  readonly clustering: number;
  readonly pathLength: PathStats;
}

export interface FigureOptions {
  readonly rng: Rng;
  /** Exact figures for fewer nodes than this (default 2,000). */
  readonly exactBelow?: number;
  /** Nodes sampled for clustering above it (default 10,000). */
  readonly clusteringSamples?: number;
  /** BFS sources above it (default 32). */
  readonly pathSources?: number;
}

export function graphFigures(csr: Csr, o: FigureOptions): GraphFigures {
  const exact = csr.order < (o.exactBelow ?? 2000);
  return {
    degree: degreeStats(csr),
    components: csrComponents(csr).count,
    clustering: averageClustering(csr, exact ? {} : { samples: o.clusteringSamples ?? 10_000, rng: o.rng }),
    pathLength: pathStats(csr, exact ? {} : { sources: o.pathSources ?? 32, rng: o.rng }),
  };
}
