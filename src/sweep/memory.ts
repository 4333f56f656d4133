/**
 * How many workers fit in memory. Each worker holds one cell's graph at a time, and the biggest
 * cells run first and together, so J workers need about J times the biggest cell. A cell's peak
 * is estimated from its size: about 25 bytes per node per unit of degree (edge list, CSR,
 * generator scratch) plus 60 per node (engine state), which gives the 200–250 bytes per node
 * measured at N = 10^7, D = 8 (scripts/bench/sweep.ts).
 */
import { totalmem } from 'node:os';
import type { SweepCell } from '../sim/sweep.ts';

/** Share of the machine's memory the workers may plan to use together. */
const BUDGET = 0.75;

/** Estimated peak bytes of one cell. */
export function cellBytes(cell: Pick<SweepCell, 'nodes' | 'degree'>): number {
  return cell.nodes * (25 * cell.degree + 60);
}

/** The most workers (at least 1, at most `jobs`) whose biggest cells fit in memory together. */
export function jobsThatFit(cells: readonly Pick<SweepCell, 'nodes' | 'degree'>[], jobs: number, memory = totalmem()): number {
  const biggest = cells.reduce((m, c) => Math.max(m, cellBytes(c)), 0);
  if (biggest === 0) return jobs;
  return Math.max(1, Math.min(jobs, Math.floor((BUDGET * memory) / biggest)));
}
