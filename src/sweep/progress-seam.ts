/**
 * What a sweep reports its progress to, and the reporter that prints nothing (library use,
 * --no-progress). Apart from progress.ts so that the library's entry does not load the terminal
 * bar (cli-progress) that only the CLI draws.
 */

export interface Progress {
  /** `cells` and `cost` to run; `skipped` cells were already done (resume). */
  start(cells: number, cost: number, skipped: number, note: string): void;
  /** One cell of this cost finished. */
  tick(cost: number): void;
  /** The run ended (`done` false when it was interrupted). */
  stop(done: boolean): void;
}

/** Progress that prints nothing (--no-progress, and library use). */
export const silentProgress: Progress = { start: () => {}, tick: () => {}, stop: () => {} };
