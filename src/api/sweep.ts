/**
 * sweep(): a grid of N and D over seeds, as `floodlab sweep` runs it, as an async iterable of
 * finished cells (in the order they finish; each carries its grid index). Cells run on worker
 * processes (one per core by default; `jobs: 1` runs them in this process), resume from and
 * append to `out` when given. Leaving the loop early stops the workers.
 */
import { check } from '../core/errors.ts';
import { sweepCells, type CellResult, type Shard, type SweepCell, type SweepOptions } from '../sim/sweep.ts';
import { runSweep } from '../sweep/run-sweep.ts';
import { DEFAULTS, seedText } from './options.ts';

export type { CellResult, Shard, SweepCell };

/** The grid: every N with every D, `seeds` seeds each (S, S+1, ...). */
export interface SweepGrid {
  readonly nodes: number | readonly number[];
  readonly degrees: number | readonly number[];
  /** Seeds per (N, D) (default 1). */
  readonly seeds?: number;
}

/** Cells finished so far out of the run's total (cells taken from `out` count as finished). */
export interface SweepProgress {
  readonly done: number;
  readonly total: number;
}

export interface SweepRunOptions {
  readonly topology?: string;
  readonly protocol?: string;
  readonly latency?: string;
  /** The first seed (default 1). */
  readonly seed?: string | number;
  /** Messages per cell (default 1). */
  readonly messages?: number;
  /** Worker processes (default one per core); 1 runs the cells in this process. */
  readonly jobs?: number;
  /** JSONL file: cells found there are not run again, and finished cells are appended. */
  readonly out?: string;
  /** Run only this slice of the grid, e.g. { index: 1, count: 3 }. */
  readonly shard?: Shard;
  /** Stops the sweep; the loop then throws the signal's reason. */
  readonly signal?: AbortSignal;
  /** Called after each cell, with the count so far. */
  readonly onProgress?: (progress: SweepProgress) => void;
}

const list = (x: number | readonly number[]): readonly number[] => (typeof x === 'number' ? [x] : x);

/** The sweep's options as the simulator takes them. */
export function sweepOptionsOf(grid: SweepGrid, options: SweepRunOptions = {}): SweepOptions {
  const nodes = list(grid.nodes);
  const degrees = list(grid.degrees);
  check(nodes.length > 0 && degrees.length > 0, 'ERR_BAD_OPTION', 'sweep: the grid needs at least one N (nodes) and one D (degrees)');
  return {
    nodes,
    degrees,
    seeds: grid.seeds ?? 1,
    seed: seedText(options.seed),
    topology: options.topology ?? DEFAULTS.topology,
    protocol: options.protocol ?? DEFAULTS.protocol,
    latency: options.latency ?? DEFAULTS.latency,
    messages: options.messages ?? DEFAULTS.messages,
  };
}

/** Runs the grid and yields each cell's result as it finishes. */
export async function* sweep(grid: SweepGrid, options: SweepRunOptions = {}): AsyncGenerator<CellResult, void, undefined> {
  const sweepOptions = sweepOptionsOf(grid, options);
  sweepCells(sweepOptions); // bad options throw here, before any worker starts
  const stop = new AbortController();
  const onAbort = (): void => stop.abort(options.signal?.reason);
  options.signal?.addEventListener('abort', onAbort, { once: true });
  if (options.signal?.aborted) onAbort();
  const ready: CellResult[] = [];
  const yielded = new Set<number>();
  let wake: (() => void) | undefined;
  let total = 0;
  let finished = false;
  let failure: { error: unknown } | undefined;
  const run = runSweep(sweepOptions, {
    ...(options.jobs !== undefined ? { jobs: options.jobs } : {}),
    ...(options.out !== undefined ? { out: options.out } : {}),
    ...(options.shard ? { shard: options.shard } : {}),
    signal: stop.signal,
    progress: { start: (cells, _cost, skipped) => (total = cells + skipped), tick: () => {}, stop: () => {} },
    onCell: (r) => {
      ready.push(r);
      wake?.();
    },
  }).then(
    (done) => {
      ready.push(...done.results); // cells taken from `out`; those yielded already are skipped below
      finished = true;
      wake?.();
    },
    (error: unknown) => {
      failure = { error };
      wake?.();
    },
  );
  try {
    for (;;) {
      const next = ready.shift();
      if (next) {
        if (yielded.has(next.index)) continue;
        yielded.add(next.index);
        options.onProgress?.({ done: yielded.size, total });
        yield next;
        continue;
      }
      if (failure) throw failure.error;
      if (finished) return;
      await new Promise<void>((resolve) => (wake = resolve));
      wake = undefined;
    }
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
    if (!finished && !failure) stop.abort(new Error('sweep: the loop ended early'));
    await run;
  }
}
