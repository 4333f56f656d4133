/**
 * The sweep's worker pool: runs cells on `jobs` worker processes (one per core by default),
 * hands the next cells to whichever worker frees up, largest first so that a big cell does not
 * start last and leave the other cores idle; small cells travel in batches. Results come back
 * through `onResult` in the order they finish; since a cell's result depends only on the cell
 * and the options, the schedule never changes a result. With one job the cells run here.
 *
 * Processes, not worker_threads: a cell allocates large typed arrays (CSR, event queue) and
 * drops them, and threads of one process serialise on the kernel's memory map for that (page
 * faults, unmaps). Measured on this 2-core machine over the bench grid: two threads 1.0–1.35×
 * one, two processes 1.6–1.7×. See docs/sweeps.md.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { cellCost, runCell, type CellResult, type SweepCell, type SweepOptions } from '../sim/sweep.ts';
import type { WorkerAnswer, WorkerTask } from './worker-body.ts';

export interface PoolOptions {
  /** Worker processes; 1 runs the cells in this process. Default: one per core. */
  readonly jobs?: number;
  /** Called once per cell as it finishes (e.g. to append it to the JSONL store). */
  readonly onResult?: (result: CellResult) => void;
  /** Stops the pool: the workers are killed and runPool rejects with the signal's reason. */
  readonly signal?: AbortSignal;
}

/** Batches handed to a worker ahead of time, so that it never idles for a message round trip. */
const IN_FLIGHT = 2;
/**
 * Small cells go out in batches of about this cost (N·D: a few milliseconds of work) and at most
 * BATCH_CELLS cells, since a message each way costs as much as a whole cell of 100 nodes.
 */
const BATCH_COST = 200_000;
const BATCH_CELLS = 256;
/** How much of a dead worker's stderr is kept for the error message. */
const STDERR_TAIL = 2000;

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

/** A worker process: plain JS entry that registers tsx; structured clone keeps NaN and Infinity. */
function startWorker(): { child: ChildProcess; stderr: () => string } {
  const entry = fileURLToPath(new URL('./worker.js', import.meta.url));
  const child = fork(entry, [], { execArgv: [], serialization: 'advanced', stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
  let tail = '';
  child.stderr?.on('data', (d: Buffer) => (tail = (tail + d.toString()).slice(-STDERR_TAIL)));
  return { child, stderr: () => tail.trim() };
}

/** Runs every cell and resolves to their results (in finishing order). */
export function runPool(cells: readonly SweepCell[], options: SweepOptions, pool: PoolOptions = {}): Promise<CellResult[]> {
  const jobs = Math.min(pool.jobs ?? defaultJobs(), cells.length);
  if (jobs <= 1) return runHere(cells, options, pool);
  const queue = scheduleOrder(cells);
  const results: CellResult[] = [];
  const workers: ChildProcess[] = [];
  return new Promise<CellResult[]>((resolve, reject) => {
    let settled = false;
    const finish = (err: unknown): void => {
      if (settled) return;
      settled = true;
      pool.signal?.removeEventListener('abort', onAbort);
      for (const w of workers) w.kill('SIGKILL'); // they hold nothing worth keeping
      if (err === undefined) resolve(results);
      else reject(err);
    };
    const onAbort = (): void => finish(pool.signal?.reason);
    if (pool.signal?.aborted) return onAbort();
    pool.signal?.addEventListener('abort', onAbort, { once: true });

    let next = 0;
    const feed = (w: ChildProcess): void => {
      const batch: SweepCell[] = [];
      let cost = 0;
      while (next < queue.length && cost < BATCH_COST && batch.length < BATCH_CELLS) {
        const cell = queue[next++]!;
        batch.push(cell);
        cost += cellCost(cell);
      }
      if (batch.length > 0) w.send({ cells: batch, options } satisfies WorkerTask);
    };
    for (let j = 0; j < jobs; j++) {
      const { child: w, stderr } = startWorker();
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
          if (settled) return; // onResult stopped the pool
        }
        if (results.length === cells.length) return finish(undefined);
        feed(w);
      });
      w.on('error', (err) => finish(err));
      w.on('exit', (code, signal) => {
        const why = signal ? `was killed by ${signal}` : `exited with code ${code}`;
        const said = stderr();
        finish(new Error(`sweep worker ${why} before the sweep finished${said ? `; it said: ${said}` : ''}`));
      });
      for (let k = 0; k < IN_FLIGHT; k++) feed(w);
    }
  });
}
