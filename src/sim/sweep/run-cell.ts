/**
 * One cell of a sweep: one simulation, reduced to per-message means. Plain data in, plain data
 * out, so a cell can run in a worker process or on another machine and its result be stored as JSON.
 */
import { InputError } from '../../core/errors.ts';
import { runSimulation } from '../run.ts';
import type { SweepCell, SweepOptions } from './grid.ts';

/** What one cell measured (per message means), or why it could not run. */
export type CellResult =
  | {
      readonly index: number;
      readonly nodes: number;
      readonly degree: number;
      readonly seed: string;
      readonly ok: true;
      readonly edges: number;
      readonly sends: number;
      readonly expected: number | null;
      readonly reached: number;
      readonly coverage: number;
      readonly rmr: number;
      readonly ldh: number;
      readonly timeMs: number;
    }
  | { readonly index: number; readonly nodes: number; readonly degree: number; readonly seed: string; readonly ok: false; readonly error: string };

/** The numeric fields of a successful result (those that may be NaN or infinite). */
export const CELL_NUMBERS = ['edges', 'sends', 'expected', 'reached', 'coverage', 'rmr', 'ldh', 'timeMs'] as const;

/** Runs one cell; bad combinations (e.g. N·D odd for a regular graph) become an error result. */
export function runCell(cell: SweepCell, options: SweepOptions): CellResult {
  const base = { index: cell.index, nodes: cell.nodes, degree: cell.degree, seed: cell.seed };
  try {
    const r = runSimulation({ nodes: cell.nodes, degree: cell.degree, seed: cell.seed, topology: options.topology, protocol: options.protocol, latency: options.latency, messages: options.messages });
    const k = r.messages;
    return {
      ...base,
      ok: true,
      nodes: r.nodes,
      edges: r.edges,
      sends: r.transmissionsPerMessage,
      expected: r.expectedTransmissionsTotal === null ? null : r.expectedTransmissionsTotal / k,
      reached: r.reachedPerMessage,
      coverage: r.coverageMean,
      rmr: r.rmr ?? Number.NaN,
      ldh: r.ldhMax,
      timeMs: r.timeToFullCoverageMs ?? Number.NaN,
    };
  } catch (err) {
    if (err instanceof InputError) return { ...base, ok: false, error: err.message };
    throw err;
  }
}
