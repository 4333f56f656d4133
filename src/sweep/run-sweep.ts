/**
 * A sweep from options to results, with the machinery around the pure grid: the shard to run,
 * the JSONL file to resume from and append to, the worker pool and the progress display.
 */
import { cellCost, shardCells, sweepCells, type CellResult, type Shard, type SweepCell, type SweepOptions } from '../sim/sweep.ts';
import { openCellStore } from './jsonl-store.ts';
import { runPool } from './pool.ts';
import { silentProgress, type Progress } from './progress-seam.ts';

export interface RunSweepOptions {
  /** Worker processes (default: one per core); 1 runs the cells in this process. */
  readonly jobs?: number;
  /** JSONL file: cells found there are skipped, finished cells are appended. */
  readonly out?: string;
  /** Run only this slice of the grid. */
  readonly shard?: Shard;
  readonly progress?: Progress;
  /** Stops the sweep; cells finished so far are already in `out`. */
  readonly signal?: AbortSignal;
  /** Called after each newly finished cell has been stored. */
  readonly onCell?: (result: CellResult) => void;
}

export interface SweepRun {
  /** The cells of this run's slice (every cell without a shard), in grid order. */
  readonly cells: readonly SweepCell[];
  /** One result per cell of the slice, in grid order. */
  readonly results: readonly CellResult[];
  /** Cells run now, and cells taken from `out`. */
  readonly ran: number;
  readonly skipped: number;
  /** True when a torn last line (a run killed mid-write) was cut off `out`. */
  readonly repaired: boolean;
}

/** Runs the cells of the sweep (or of one shard) that `out` does not hold yet. */
export async function runSweep(options: SweepOptions, run: RunSweepOptions = {}): Promise<SweepRun> {
  const grid = sweepCells(options);
  const cells = run.shard ? shardCells(grid, run.shard) : grid;
  const store = run.out === undefined ? undefined : openCellStore(run.out, options);
  const results = new Map<number, CellResult>();
  for (const c of cells) {
    const stored = store?.done.get(c.index);
    if (stored) results.set(c.index, stored);
  }
  const todo = cells.filter((c) => !results.has(c.index));
  const progress = run.progress ?? silentProgress;
  progress.start(
    todo.length,
    todo.reduce((s, c) => s + cellCost(c), 0),
    results.size,
    run.out ?? '',
  );
  let complete = false;
  try {
    await runPool(todo, options, {
      ...(run.jobs !== undefined ? { jobs: run.jobs } : {}),
      ...(run.signal ? { signal: run.signal } : {}),
      onResult: (r) => {
        store?.append(r);
        results.set(r.index, r);
        progress.tick(cellCost(grid[r.index]!));
        run.onCell?.(r);
      },
    });
    complete = true;
  } finally {
    progress.stop(complete);
  }
  return { cells, results: cells.map((c) => results.get(c.index)!), ran: todo.length, skipped: cells.length - todo.length, repaired: store?.repaired ?? false };
}
