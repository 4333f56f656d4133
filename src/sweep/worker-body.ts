/**
 * The body of a sweep worker process: runs each batch of cells it is sent and sends the results
 * back. A bug (anything but a bad-input result, which runCell returns as data) is sent as an
 * error. The pool alone decides when to stop: the worker ignores Ctrl-C and SIGTERM (which a
 * terminal or a batch scheduler sends to every process of the job) and leaves when its pool does.
 */
import { runCell, type CellResult, type SweepCell, type SweepOptions } from '../sim/sweep.ts';

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

const send = process.send?.bind(process);
if (!send) throw new Error('sweep worker: must be started by the sweep pool (child_process.fork)');
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => {});
process.on('disconnect', () => process.exit(0));
process.on('message', (task: WorkerTask) => {
  let answer: WorkerAnswer;
  try {
    answer = { results: task.cells.map((cell) => runCell(cell, task.options)) };
  } catch (err) {
    answer = { error: err instanceof Error ? (err.stack ?? err.message) : String(err) };
  }
  send(answer);
});
