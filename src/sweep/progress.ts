/**
 * A sweep's progress on stderr, never on stdout (which carries the table, byte for byte). On a
 * terminal: a cli-progress bar with cells done, cells per second and time left. Otherwise (a log
 * file, CI, a batch scheduler): one plain line at most every 10 s, and a closing line for runs
 * that took longer than that, so short runs stay silent. Time left is weighted by each cell's
 * cost (N·D), because a sweep's cells differ in size by orders of magnitude.
 */
import { SingleBar } from 'cli-progress';
import type { Progress } from './progress-seam.ts';

export { silentProgress, type Progress } from './progress-seam.ts';

export interface ProgressOptions {
  readonly stream?: NodeJS.WriteStream;
  /** Milliseconds since some start; injected by tests. */
  readonly clock?: () => number;
  /** Plain mode: least time between two lines, ms. */
  readonly intervalMs?: number;
  /** Force plain lines (true) or the bar (false); default: the bar when `stream` is a TTY. */
  readonly plain?: boolean;
}

/** '45 s', '3 min 20 s', '2 h 05 min'. */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${s % 60} s`;
  return `${Math.floor(s / 3600)} h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')} min`;
}

/** The progress reporter for this stream: a bar on a terminal, quiet lines elsewhere. */
export function makeProgress(options: ProgressOptions = {}): Progress {
  const stream = options.stream ?? process.stderr;
  const clock = options.clock ?? ((): number => performance.now());
  const interval = options.intervalMs ?? 10_000;
  const plain = options.plain ?? !stream.isTTY;
  let [cells, cost, done, doneCost, t0, last, printed] = [0, 0, 0, 0, 0, 0, false];
  let bar: SingleBar | undefined;

  const status = (): { cells: string; rate: string; left: string } => {
    const elapsed = (clock() - t0) / 1000;
    const rate = elapsed > 0 ? done / elapsed : 0;
    const left = doneCost > 0 ? ((cost - doneCost) * elapsed) / doneCost : Infinity;
    return { cells: `${done}/${cells} cells`, rate: `${rate.toFixed(rate < 10 ? 2 : 0)} cells/s`, left: `${formatDuration(left)} left` };
  };
  const line = (text: string): void => void stream.write(`floodlab sweep: ${text}\n`);

  return {
    start(n, c, skipped, note) {
      [cells, cost, done, doneCost, t0, printed] = [n, c, 0, 0, clock(), false];
      last = t0;
      const where = note ? ` (${note})` : '';
      if (skipped > 0 && n === 0) line(`all ${skipped} cells already done${where}`);
      else if (skipped > 0) line(`${skipped} cell${skipped > 1 ? 's' : ''} already done${where}; running the other ${n}`);
      if (plain || n === 0) return;
      bar = new SingleBar({ stream, format: 'sweep [{bar}] {percentage}% | {cells} | {rate} | {left}', barsize: 30, hideCursor: true, clearOnComplete: false });
      bar.start(Math.max(1, c), 0, status());
    },
    tick(c) {
      done++;
      doneCost += c;
      if (bar) return bar.update(doneCost, status());
      const now = clock();
      if (now - last < interval || done === cells) return; // the last cell gets the closing line
      last = now;
      printed = true;
      const s = status();
      line(`${s.cells} (${Math.floor((100 * doneCost) / Math.max(1, cost))}% of the work), ${s.rate}, about ${s.left}`);
    },
    stop(complete) {
      if (bar) {
        bar.update(doneCost, { ...status(), left: complete ? `done in ${formatDuration((clock() - t0) / 1000)}` : 'interrupted' });
        bar.stop();
        bar = undefined;
        return;
      }
      const took = clock() - t0;
      if (complete && (printed || took >= interval)) line(`${done}/${cells} cells in ${formatDuration(took / 1000)}`);
    },
  };
}
