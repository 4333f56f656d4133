/**
 * The launcher's nodes as separate OS processes (`launch --processes`): one child per node
 * running worker.ts, driven over IPC. Bounded in count (MAX_PROCESSES) and in time (a start
 * timeout; `close()` waits briefly, then kills whatever is left), so none outlives the launcher.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { InputError } from '../core/errors.ts';
import type { Cluster, ClusterOptions, NodeHandle } from './cluster.ts';
import type { NodeStats } from './node.ts';

/** Most child processes one launch may start. */
export const MAX_PROCESSES = 200;

/** Messages from the launcher to a worker. */
export type ToWorker = { t: 'connect'; port: number } | { t: 'originate'; req: number; text: string } | { t: 'stats'; req: number } | { t: 'close' };
/** Messages from a worker to the launcher. */
export type ToParent =
  | { t: 'ready'; port: number; name: string }
  | { t: 'deliver'; id: string; at: number; hops: number }
  | { t: 'originated'; req: number; id: string; at: number }
  | { t: 'stats'; req: number; stats: NodeStats };

const root = fileURLToPath(new URL('../../', import.meta.url));
const workerPath = fileURLToPath(new URL('./worker.ts', import.meta.url));

export interface ProcessClusterOptions extends ClusterOptions {
  /** Child processes are told the protocol by name: a registered spec only. */
  readonly protocol: string;
  /** Longest wait for every child to be listening. */
  readonly startTimeoutMs?: number;
  /** Aborting while children start stops them at once. */
  readonly signal?: AbortSignal;
}

/** Workers that said 'ready' (they have their IPC and signal handlers). */
const ready = new WeakSet<ChildProcess>();

/** Asks each child to close (SIGTERM if it cannot hear), then SIGKILLs what is left after graceMs. */
function kill(children: readonly ChildProcess[], graceMs: number): Promise<void> {
  const exits = children.map(
    (c) =>
      new Promise<void>((resolve) => {
        if (c.exitCode !== null || c.signalCode !== null) return resolve();
        c.once('exit', () => resolve());
        // A worker that is not listening yet has no handlers: SIGTERM's default ends it at once.
        if (c.connected && ready.has(c)) c.send({ t: 'close' } satisfies ToWorker);
        else c.kill('SIGTERM');
      }),
  );
  const timer = setTimeout(() => children.forEach((c) => c.exitCode === null && c.signalCode === null && c.kill('SIGKILL')), graceMs);
  return Promise.all(exits).then(() => clearTimeout(timer));
}

/** Starts one child process per name and resolves when all listen. */
export async function startProcesses(options: ProcessClusterOptions): Promise<Cluster> {
  const n = options.names.length;
  if (n > MAX_PROCESSES)
    throw new InputError(
      'ERR_TOO_MANY_PROCESSES',
      `launch: --processes starts one process per node; ${n} nodes is over the limit of ${MAX_PROCESSES} (run them in one process instead: drop --processes)`,
    );
  const children: ChildProcess[] = [];
  const pending = new Map<number, { child: ChildProcess; resolve: (m: ToParent) => void; reject: (err: Error) => void }>();
  let nextReq = 0;
  const request = <T extends ToParent>(child: ChildProcess, make: (req: number) => ToWorker): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      if (!child.connected) return reject(new Error(`launch: a node process (pid ${child.pid}) has gone`));
      const req = nextReq++;
      pending.set(req, { child, resolve: resolve as (m: ToParent) => void, reject });
      child.send(make(req));
    });
  const gone = (child: ChildProcess, name: string, why: string): void => {
    for (const [req, p] of pending) {
      if (p.child !== child) continue;
      pending.delete(req);
      p.reject(new Error(`launch: node process ${name} exited (${why})`));
    }
  };
  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => (closing ??= kill(children, 3000));

  const started = options.names.map(
    (name, i) =>
      new Promise<NodeHandle>((resolve, reject) => {
        const child = fork(workerPath, [name, options.protocol], { cwd: root, execArgv: ['--import', 'tsx'], stdio: ['ignore', 'ignore', options.log ? 'pipe' : 'ignore', 'ipc'] });
        children.push(child);
        child.stderr?.on('data', (chunk: Buffer) => options.log?.(chunk.toString().trimEnd()));
        child.once('exit', (code, signal) => {
          reject(new Error(`launch: node process ${name} exited (${signal ?? code}) before it was ready`));
          gone(child, name, String(signal ?? code));
        });
        child.on('message', (m: ToParent) => {
          if (m.t === 'deliver') options.onDeliver(i, m.id, m.at, m.hops);
          else if (m.t === 'ready') {
            ready.add(child);
            resolve({
              name: m.name,
              port: m.port,
              connect: (port) => void child.send({ t: 'connect', port } satisfies ToWorker),
              originate: (text) => request<Extract<ToParent, { t: 'originated' }>>(child, (req) => ({ t: 'originate', req, text })),
              stats: () => request<Extract<ToParent, { t: 'stats' }>>(child, (req) => ({ t: 'stats', req })).then((r) => r.stats),
              close: () => kill([child], 3000),
            });
          } else {
            pending.get(m.req)?.resolve(m);
            pending.delete(m.req);
          }
        });
      }),
  );
  const timeoutMs = options.startTimeoutMs ?? 60_000;
  let timer: NodeJS.Timeout | undefined;
  let onAbort: (() => void) | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`launch: the ${n} node processes were not all listening after ${timeoutMs} ms`)), timeoutMs);
    onAbort = () => reject(new Error('launch: stopped while the node processes were starting'));
    if (options.signal?.aborted) onAbort();
    options.signal?.addEventListener('abort', onAbort, { once: true });
  });
  try {
    const handles = await Promise.race([Promise.all(started), timeout]);
    return { handles, close };
  } catch (err) {
    await close();
    throw err;
  } finally {
    clearTimeout(timer);
    if (onAbort) options.signal?.removeEventListener('abort', onAbort);
  }
}
