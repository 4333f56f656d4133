/**
 * The sweep's worker pool: runs cells on `jobs` worker threads (one per core by default), hands
 * the next cells to whichever worker frees up, largest cells first so that a big cell does not
 * start last and leave the other cores idle; small cells travel in batches. Results come back through `onResult` in the order
 * they finish; since a cell's result depends only on the cell and the options, the pool's
 * schedule never changes a result. With one job the cells run in this thread.
 */
import { availableParallelism } from 'node:os';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import { cellCost, runCell, type CellResult, type SweepCell, type SweepOptions } from '../../src/sim/sweep.ts';
import type { WorkerAnswer, WorkerTask } from './worker-body.ts';

export interface PoolOptions {
  /** Worker threads; 1 runs in this thread. Default: one per core. */
  readonly jobs?: number;
  /** Called once per cell as it finishes (e.g. to append it to the JSONL store). */
  readonly onResult?: (result: CellResult) => void;
  /** Stops the pool: running workers are terminated and runPool rejects with the signal's reason. */
  readonly signal?: AbortSignal;
}

/**
 * Batches handed to a worker ahead of time, so that it does not idle for a message round trip
 * after each one.
 */
const IN_FLIGHT = 2;
/**
 * Small cells go to a worker in batches of about this cost (N·D; a few milliseconds of work) and
 * at most BATCH_CELLS cells: a message each way costs tens of microseconds of both threads' time,
 * as much as a whole cell of 100 nodes.
 */
const BATCH_COST = 200_000;
const BATCH_CELLS = 256;

/** One worker per core, as Node sees the cores. */
export function defaultJobs(): number {
  return availableParallelism();
}

/** Largest first (by N·D), grid order among equals. */
function scheduleOrder(cells: readonly SweepCell[]): SweepCell[] {
  return [...cells].sort((a, b) => cellCost(b) - cellCost(a) || a.index - b.index);
}

async function runHere(cells: readonly SweepCell[], options: SweepOptions, pool: PoolOptions): Promise<CellResult[]> {
  const results: CellResult[] = [];
  for (const cell of scheduleOrder(cells)) {
    pool.signal?.throwIfAborted();
    const r = runCell(cell, options);
    results.push(r);
    pool.onResult?.(r);
    await nextTurn(); // let signals, timers and the progress bar run between cells
  }
  return results;
}

/** Runs every cell and resolves to their results (in finishing order). */
export function runPool(cells: readonly SweepCell[], options: SweepOptions, pool: PoolOptions = {}): Promise<CellResult[]> {
  const jobs = Math.min(pool.jobs ?? defaultJobs(), cells.length);
  if (jobs <= 1) return runHere(cells, options, pool);
  const queue = scheduleOrder(cells);
  const results: CellResult[] = [];
  const workers: Worker[] = [];
  return new Promise<CellResult[]>((resolve, reject) => {
    let settled = false;
    const finish = (err: unknown): void => {
      if (settled) return;
      settled = true;
      pool.signal?.removeEventListener('abort', onAbort);
      for (const w of workers) void w.terminate();
      if (err === undefined) resolve(results);
      else reject(err);
    };
    const onAbort = (): void => finish(pool.signal?.reason);
    if (pool.signal?.aborted) return onAbort();
    pool.signal?.addEventListener('abort', onAbort, { once: true });

    let next = 0;
    /** The next cells, as many as make one batch worth a message round trip. */
    const feed = (w: Worker): void => {
      const batch: SweepCell[] = [];
      let cost = 0;
      while (next < queue.length && cost < BATCH_COST && batch.length < BATCH_CELLS) {
        const cell = queue[next++]!;
        batch.push(cell);
        cost += cellCost(cell);
      }
      if (batch.length > 0) w.postMessage({ cells: batch, options } satisfies WorkerTask);
    };
    for (let j = 0; j < jobs; j++) {
      const w = new Worker(new URL('./worker.js', import.meta.url));
      workers.push(w);
      w.on('message', (m: WorkerAnswer) => {
        if (settled) return;
        if (m.error !== undefined || m.results === undefined) return finish(new Error(`sweep worker: ${m.error ?? 'empty answer'}`));
        for (const r of m.results) {
          results.push(r);
          try {
            pool.onResult?.(r);
          } catch (err) {
            return finish(err);
          }
          if (settled) return; // onResult aborted the pool
        }
        if (results.length === cells.length) return finish(undefined);
        feed(w);
      });
      w.on('error', (err) => finish(err));
      w.on('exit', (code) => finish(new Error(`sweep worker exited with code ${code} before the sweep finished`)));
      for (let k = 0; k < IN_FLIGHT; k++) feed(w);
    }
  });
}
