/**
 * The shape every long real-network command shares (launch, launch --go, launch --grow): run the
 * work with a signal that Ctrl-C or SIGTERM fires, and turn a failure into one line on stderr,
 * exit 130 when interrupted, else 1. The handlers are removed whatever happens.
 */
import { fail } from './action.ts';

/** Runs `work`; its failure ends the process with one line (see above). */
export async function interruptible<T>(work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const abort = new AbortController();
  const interrupt = (): void => abort.abort();
  process.once('SIGINT', interrupt);
  process.once('SIGTERM', interrupt);
  try {
    return await work(abort.signal);
  } catch (err) {
    return fail(err instanceof Error ? err.message : String(err), abort.signal.aborted ? 130 : 1);
  } finally {
    process.off('SIGINT', interrupt);
    process.off('SIGTERM', interrupt);
  }
}

/** The `log` option for `--verbose`: each line to stderr. */
export function verboseLog(verbose: boolean | undefined): { log?: (line: string) => void } {
  return verbose ? { log: (line: string) => process.stderr.write(`${line}\n`) } : {};
}
