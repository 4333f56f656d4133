/**
 * `floodlab grow`'s progress on stderr (stdout carries the report, byte for byte): growing 10^6
 * nodes takes minutes. On a terminal, a bar over the joins, then one line per later stage
 * (settling, the report, a kill or churn and its repair). Elsewhere (a log, CI), as the sweep does:
 * a plain line at most every 10 s, so a short run stays silent.
 */
import { SingleBar } from 'cli-progress';
import { formatDuration } from '../sweep/progress.ts';

export interface GrowProgress {
  /** `done` of `total` joins made. */
  joined(done: number, total: number): void;
  /** A later stage begins ('settling', 'report', …). */
  stage(what: string): void;
  stop(): void;
}

export const silentGrowProgress: GrowProgress = { joined: () => {}, stage: () => {}, stop: () => {} };

export function growProgress(stream: NodeJS.WriteStream = process.stderr, clock: () => number = () => performance.now(), intervalMs = 10_000): GrowProgress {
  const t0 = clock();
  let last = t0;
  let bar: SingleBar | undefined;
  const tty = stream.isTTY === true;
  const left = (done: number, total: number): string => (done > 0 ? `about ${formatDuration((((clock() - t0) / 1000) * (total - done)) / done)} left` : '');
  const line = (text: string): void => void stream.write(`floodlab grow: ${text}\n`);
  const due = (): boolean => {
    const now = clock();
    if (now - last < intervalMs) return false;
    last = now;
    return true;
  };
  const stop = (): void => {
    bar?.stop();
    bar = undefined;
  };
  // Plain functions, not methods: grow() is handed them one by one.
  return {
    joined(done, total) {
      if (tty) {
        if (!bar) {
          bar = new SingleBar({ stream, format: 'grow [{bar}] {percentage}% | {value}/{total} joins | {left}', barsize: 30, hideCursor: true });
          bar.start(total, done, { left: '' });
        }
        bar.update(done, { left: left(done, total) });
        if (done === total) stop();
      } else if (due()) line(`${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')} joins, ${left(done, total)}`);
    },
    stage(what) {
      // Elsewhere than a terminal only once the run is long enough to have said something.
      if (tty || clock() - t0 >= intervalMs) line(`${what} (${formatDuration((clock() - t0) / 1000)} so far)`);
    },
    stop,
  };
}
