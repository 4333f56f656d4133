/**
 * The body of a sweep worker thread: runs each batch of cells it is sent and posts the results
 * back. A bug (anything but a bad-input result, which runCell returns as data) is posted as an error.
 */
import { parentPort } from 'node:worker_threads';
import { runCell, type CellResult, type SweepCell, type SweepOptions } from '../../src/sim/sweep.ts';

/** What the pool sends: a batch of cells to run under the sweep's options. */
export interface WorkerTask {
  readonly cells: readonly SweepCell[];
  readonly options: SweepOptions;
}

/** What a worker answers: the batch's results, or the bug that stopped it. */
export interface WorkerAnswer {
  readonly results?: readonly CellResult[];
  readonly error?: string;
}

const port = parentPort;
if (!port) throw new Error('sweep worker: must run as a worker thread');
port.on('message', (task: WorkerTask) => {
  try {
    port.postMessage({ results: task.cells.map((cell) => runCell(cell, task.options)) } satisfies WorkerAnswer);
  } catch (err) {
    port.postMessage({ error: err instanceof Error ? (err.stack ?? err.message) : String(err) } satisfies WorkerAnswer);
  }
});
