/**
 * The launcher's nodes as separate OS processes (`launch --processes`, `launch --grow --processes`):
 * one child per node running the built worker.js (plain Node, no TypeScript loader), driven over
 * IPC. Bounded in count (MAX_PROCESSES) and in time (a start timeout; `close()` waits briefly, then
 * kills whatever is left), so none outlives the launcher.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { InputError } from '../core/errors.ts';
import { builtEntry } from '../runtime/built-entry.ts';
import type { Cluster, ClusterOptions, NodeHandle } from './cluster.ts';
import type { NodeStats } from './node.ts';

/** Most child processes one launch may start. */
export const MAX_PROCESSES = 200;

/** Messages from the launcher to a worker. */
export type ToWorker = { t: 'connect'; port: number } | { t: 'originate'; req: number; text: string } | { t: 'stats'; req: number } | { t: 'peers'; req: number } | { t: 'close' };
/** Messages from a worker to the launcher. */
export type ToParent =
  | { t: 'ready'; port: number; name: string }
  | { t: 'deliver'; id: string; at: number; hops: number }
  | { t: 'originated'; req: number; id: string; at: number }
  | { t: 'stats'; req: number; stats: NodeStats }
  | { t: 'peers'; req: number; peers: string[] };

/** A worker that keeps its links by a membership protocol instead of being wired by `connect`. */
export interface WorkerMembership {
  readonly overlay: string;
  readonly want: number;
  /** The entry's port on 127.0.0.1; none for the entry itself. */
  readonly join?: number | undefined;
}

/** The worker's command line after its path: NAME PROTOCOL [OVERLAY WANT JOIN_PORT|-]. */
export function workerArgs(name: string, protocol: string, membership?: WorkerMembership): string[] {
  if (!membership) return [name, protocol];
  return [name, protocol, membership.overlay, String(membership.want), membership.join === undefined ? '-' : String(membership.join)];
}

export interface ProcessClusterOptions extends ClusterOptions {
  /** Child processes are told the protocol by name: a registered spec only. */
  readonly protocol: string;
  /** Longest wait for every child to be listening. */
  readonly startTimeoutMs?: number;
  /** Aborting while children start stops them at once. */
  readonly signal?: AbortSignal;
}

/** A node in a child process: a NodeHandle, plus its pid, its membership links, and a crash. */
export interface ProcessHandle extends NodeHandle {
  readonly pid: number;
  /** Its membership protocol's peers ('127.0.0.1:port'); empty for a node wired by `connect`. */
  peers(): Promise<string[]>;
  /** SIGKILL: no goodbye on any link, as a crash; resolves once the process is gone. */
  crash(): Promise<void>;
}

/** Workers that said 'ready' (they have their IPC and signal handlers). */
const ready = new WeakSet<ChildProcess>();

const exited = (c: ChildProcess): boolean => c.exitCode !== null || c.signalCode !== null;

/** Asks each child to close (SIGTERM if it cannot hear), then SIGKILLs what is left after graceMs. */
function kill(children: readonly ChildProcess[], graceMs: number): Promise<void> {
  const exits = children.map(
    (c) =>
      new Promise<void>((resolve) => {
        if (exited(c)) return resolve();
        c.once('exit', () => resolve());
        // A worker that is not listening yet has no handlers: SIGTERM's default ends it at once.
        if (c.connected && ready.has(c)) c.send({ t: 'close' } satisfies ToWorker);
        else c.kill('SIGTERM');
      }),
  );
  const timer = setTimeout(() => children.forEach((c) => !exited(c) && c.kill('SIGKILL')), graceMs);
  return Promise.all(exits).then(() => clearTimeout(timer));
}

let nextReq = 0;

export interface ForkedWorker {
  readonly child: ChildProcess;
  /** Resolves when the worker listens; rejects if it exits first. */
  readonly started: Promise<ProcessHandle>;
}

/**
 * Forks one worker. `onDeliver` hears its first deliveries; requests (originate, stats, peers) are
 * answered over IPC and rejected if the process goes.
 */
export function forkWorker(name: string, protocol: string, onDeliver: (id: string, at: number, hops: number) => void, log?: (line: string) => void, membership?: WorkerMembership): ForkedWorker {
  const child = fork(builtEntry(import.meta.url, './worker.js'), workerArgs(name, protocol, membership), { execArgv: [], stdio: ['ignore', 'ignore', log ? 'pipe' : 'ignore', 'ipc'] });
  const pending = new Map<number, { resolve: (m: ToParent) => void; reject: (err: Error) => void }>();
  const request = <T extends ToParent>(make: (req: number) => ToWorker): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      if (!child.connected) return reject(new Error(`launch: node process ${name} (pid ${child.pid}) has gone`));
      const req = nextReq++;
      pending.set(req, { resolve: resolve as (m: ToParent) => void, reject });
      child.send(make(req));
    });
  child.stderr?.on('data', (chunk: Buffer) => log?.(chunk.toString().trimEnd()));
  const started = new Promise<ProcessHandle>((resolve, reject) => {
    child.once('exit', (code, signal) => {
      reject(new Error(`launch: node process ${name} exited (${signal ?? code}) before it was ready`));
      for (const p of pending.values()) p.reject(new Error(`launch: node process ${name} exited (${signal ?? code})`));
      pending.clear();
    });
    child.on('message', (m: ToParent) => {
      if (m.t === 'deliver') return onDeliver(m.id, m.at, m.hops);
      if (m.t !== 'ready') {
        pending.get(m.req)?.resolve(m);
        pending.delete(m.req);
        return;
      }
      ready.add(child);
      resolve({
        name: m.name,
        port: m.port,
        pid: child.pid!,
        connect: (port) => void child.send({ t: 'connect', port } satisfies ToWorker),
        originate: (text) => request<Extract<ToParent, { t: 'originated' }>>((req) => ({ t: 'originate', req, text })),
        stats: () => request<Extract<ToParent, { t: 'stats' }>>((req) => ({ t: 'stats', req })).then((r) => r.stats),
        peers: () => request<Extract<ToParent, { t: 'peers' }>>((req) => ({ t: 'peers', req })).then((r) => r.peers),
        crash: () =>
          new Promise<void>((done) => {
            if (exited(child)) return done();
            child.once('exit', () => done());
            child.kill('SIGKILL');
          }),
        close: () => kill([child], 3000),
      });
    });
  });
  return { child, started };
}

/** Closes these children (politely, then SIGKILL after 3 s); for a launcher's `finally`. */
export function closeWorkers(children: readonly ChildProcess[]): Promise<void> {
  return kill(children, 3000);
}

/** Throws the one-line error for more than MAX_PROCESSES children. */
export function checkProcessCount(n: number): void {
  if (n > MAX_PROCESSES)
    throw new InputError(
      'ERR_TOO_MANY_PROCESSES',
      `launch: --processes starts one process per node; ${n} nodes is over the limit of ${MAX_PROCESSES} (run them in one process instead: drop --processes)`,
    );
}

/** Starts one child process per name and resolves when all listen. */
export async function startProcesses(options: ProcessClusterOptions): Promise<Cluster> {
  const n = options.names.length;
  checkProcessCount(n);
  const children: ChildProcess[] = [];
  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => (closing ??= kill(children, 3000));
  const started = options.names.map((name, i) => {
    const w = forkWorker(name, options.protocol, (id, at, hops) => options.onDeliver(i, id, at, hops), options.log);
    children.push(w.child);
    return w.started as Promise<NodeHandle>;
  });
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
