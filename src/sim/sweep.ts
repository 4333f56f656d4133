/**
 * Sweeps: the grid of (N, D, seed) cells, one simulation per cell, the summary over seeds and the
 * split into shards. The parts live in src/sim/sweep/; this file is the one to import.
 * Threads, files and progress belong to the edge: see src/sweep/.
 */
export { cellSeed, plainSweepOptions, sweepCells, sweepDifference, type SweepCell, type SweepOptions } from './sweep/grid.ts';
export { CELL_NUMBERS, runCell, type CellResult } from './sweep/run-cell.ts';
export { cellCost, MAX_SHARDS, parseShard, shardCells, type Shard } from './sweep/shard.ts';
export { summarizeSweep, type Spread, type SweepRow } from './sweep/summary.ts';
