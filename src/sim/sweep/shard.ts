/**
 * Shards: `--shard I/K` runs the I-th of K slices of a grid, so K machines can split one sweep.
 * Cells are dealt largest first (cost N·D) to the shard with the least work so far (ties to the
 * lower shard), which keeps the K slices close in cost even when N spans orders of magnitude.
 * The split is a pure function of the grid and K, so every machine computes the same one.
 */
import { InputError } from '../../core/errors.ts';
import type { SweepCell } from './grid.ts';

export interface Shard {
  /** 1-based: 1..count. */
  readonly index: number;
  readonly count: number;
}

/** Most shards a sweep may be split into. */
export const MAX_SHARDS = 10_000;

/** Parses 'I/K' (1 ≤ I ≤ K ≤ 10000); throws InputError naming the text and what is allowed. */
export function parseShard(text: string): Shard {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!(count >= 1 && count <= MAX_SHARDS && index >= 1 && index <= count)) {
    throw new InputError('ERR_BAD_SHARD', `'${text}' is not allowed; expected I/K with 1 ≤ I ≤ K ≤ ${MAX_SHARDS}, e.g. 1/4 ... 4/4 (shards count from 1)`);
  }
  return { index, count };
}

/** The relative cost of a cell: the engine's work grows with the number of half-edges, N·D. */
export function cellCost(cell: SweepCell): number {
  return cell.nodes * Math.max(1, cell.degree);
}

/** The cells of one shard, in grid order. Together the K shards hold every cell exactly once. */
export function shardCells(cells: readonly SweepCell[], shard: Shard): SweepCell[] {
  if (shard.count === 1) return [...cells];
  const order = [...cells].sort((a, b) => cellCost(b) - cellCost(a) || a.index - b.index);
  // A binary min-heap of shards by (load, shard number).
  const load = new Float64Array(shard.count);
  const heap = Array.from({ length: shard.count }, (_, i) => i);
  const less = (a: number, b: number): boolean => load[a]! < load[b]! || (load[a] === load[b] && a < b);
  const mine: SweepCell[] = [];
  for (const cell of order) {
    const s = heap[0]!;
    if (s === shard.index - 1) mine.push(cell);
    load[s]! += cellCost(cell);
    for (let i = 0; ; ) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && less(heap[l]!, heap[m]!)) m = l;
      if (r < heap.length && less(heap[r]!, heap[m]!)) m = r;
      if (m === i) break;
      [heap[i], heap[m]] = [heap[m]!, heap[i]!];
      i = m;
    }
  }
  return mine.sort((a, b) => a.index - b.index);
}
