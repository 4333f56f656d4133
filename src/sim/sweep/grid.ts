/**
 * The grid of a sweep: its options and its cells (N, D, seed), numbered in one fixed order so
 * that cells can run anywhere, in any order, and still be put back together by index.
 */
import { InputError } from '../../core/errors.ts';

export interface SweepOptions {
  readonly nodes: readonly number[];
  readonly degrees: readonly number[];
  /** Seeds per (N, D) pair. */
  readonly seeds: number;
  /** The first seed; the others follow from it (see cellSeed). */
  readonly seed: string;
  readonly topology: string;
  readonly protocol: string;
  readonly latency: string;
  readonly messages: number;
}

export interface SweepCell {
  /** Position in the grid: cells are numbered N-major, then D, then seed. */
  readonly index: number;
  readonly nodes: number;
  readonly degree: number;
  readonly seed: string;
}

/** The i-th seed of a sweep: S, S+1, ... for a numeric S; S, S-1, S-2, ... otherwise. */
export function cellSeed(base: string, i: number): string {
  if (i === 0) return base;
  return /^\d+$/.test(base) ? String(Number(base) + i) : `${base}-${i}`;
}

/** Every cell of the grid, in a fixed order. */
export function sweepCells(options: SweepOptions): SweepCell[] {
  if (!Number.isInteger(options.seeds) || options.seeds < 1 || options.seeds > 10_000) {
    throw new InputError('ERR_BAD_OPTION', `sweep: seeds ${options.seeds} must be an integer from 1 to 10000`);
  }
  const cells: SweepCell[] = [];
  for (const nodes of options.nodes) {
    for (const degree of options.degrees) {
      for (let i = 0; i < options.seeds; i++) cells.push({ index: cells.length, nodes, degree, seed: cellSeed(options.seed, i) });
    }
  }
  return cells;
}

/** The command-line flag of each option, in the order they are compared and shown. */
const FLAGS: readonly (readonly [keyof SweepOptions, string])[] = [
  ['nodes', '--nodes'],
  ['degrees', '--degree'],
  ['seeds', '--seeds'],
  ['seed', '--seed'],
  ['topology', '--topology'],
  ['protocol', '--protocol'],
  ['latency', '--latency'],
  ['messages', '--messages'],
];

const show = (v: unknown): string => (Array.isArray(v) ? v.join(',') : String(v));

/**
 * The first option on which two sweeps differ, as the flag and both values, or null when they
 * are the same sweep (same grid, same run options), whose cells may then be mixed.
 */
export function sweepDifference(a: SweepOptions, b: SweepOptions): { flag: string; a: string; b: string } | null {
  for (const [key, flag] of FLAGS) {
    const [x, y] = [show(a[key]), show(b[key])];
    if (x !== y) return { flag, a: x, b: y };
  }
  return null;
}

/** The options as a plain object with a fixed key order (what is written beside each cell). */
export function plainSweepOptions(o: SweepOptions): SweepOptions {
  return { nodes: [...o.nodes], degrees: [...o.degrees], seeds: o.seeds, seed: o.seed, topology: o.topology, protocol: o.protocol, latency: o.latency, messages: o.messages };
}
