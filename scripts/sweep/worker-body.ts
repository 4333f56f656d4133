/**
 * The body of a sweep worker thread: runs each cell it is sent and posts the result back. A bug
 * (anything but a bad-input result, which runCell returns as data) is posted as an error.
 */
import { parentPort } from 'node:worker_threads';
import { runCell, type SweepCell, type SweepOptions } from '../../src/sim/sweep.ts';

/** What the pool sends: one cell to run under the sweep's options. */
export interface WorkerTask {
  readonly cell: SweepCell;
  readonly options: SweepOptions;
}

const port = parentPort;
if (!port) throw new Error('sweep worker: must run as a worker thread');
port.on('message', (task: WorkerTask) => {
  try {
    port.postMessage({ result: runCell(task.cell, task.options) });
  } catch (err) {
    port.postMessage({ error: err instanceof Error ? (err.stack ?? err.message) : String(err) });
  }
});
