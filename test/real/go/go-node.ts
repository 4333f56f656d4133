/**
 * Test helper: runs the original Go chat node (built by build-go.ts) in its own temporary folder
 * with stdin and stdout piped, records its output lines and stops it by PID. It listens on the first
 * free port from 55555 upwards and prints `Listening for connection requests at [::]:PORT`; a
 * received message prints as `REMOTE_ADDR -> TEXT`. `stopAllGo()` (for afterEach) kills every one.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildGoNode } from './build-go.ts';

export interface GoNode {
  readonly pid: number;
  readonly port: number;
  /** Every stdout line so far, in order. */
  readonly lines: string[];
  /** Writes one line to its stdin (a message, `connect host:port`, `exit`). */
  type(line: string): void;
  /**
   * Types `connect 127.0.0.1:port` and resolves once the link is in its list: it prints
   * `Handling connection: ADDR` just before adding the link, so this waits a further 50 ms.
   */
  connectTo(port: number): Promise<void>;
  /** Resolves with the first line (from the start) matching `pattern`, or rejects after ms. */
  waitLine(pattern: RegExp, ms?: number): Promise<string>;
  /** Resolves once `count(pattern)` reaches n, or rejects after ms. */
  waitCount(pattern: RegExp, n: number, ms?: number): Promise<void>;
  /** Lines matching `pattern`, counted now. */
  count(pattern: RegExp): number;
  /** Texts it showed as received (`ADDR -> TEXT`), in order. */
  received(): Array<{ from: string; text: string }>;
  /** Kills it by PID and removes its folder. */
  stop(): Promise<void>;
}

const running = new Set<GoNode>();

/** A line the Go program prints for a received message. */
export const RECEIVED_LINE = /^(\S+:\d+) -> (.*)$/;

export async function startGoNode(): Promise<GoNode> {
  const binary = buildGoNode();
  const cwd = mkdtempSync(join(tmpdir(), 'floodlab-go-node-'));
  const proc: ChildProcessWithoutNullStreams = spawn(binary, [], { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
  const lines: string[] = [];
  const waiters = new Set<() => void>();
  let partial = '';
  const take = (chunk: string, prefix: string): void => {
    const parts = (partial + chunk).split('\n');
    partial = parts.pop()!;
    lines.push(...parts.map((l) => prefix + l));
    for (const w of [...waiters]) w();
  };
  proc.stdout.setEncoding('utf8');
  proc.stdout.on('data', (chunk: string) => take(chunk, ''));
  proc.stderr.setEncoding('utf8');
  proc.stderr.on('data', (chunk: string) =>
    lines.push(
      ...chunk
        .split('\n')
        .filter(Boolean)
        .map((l) => `stderr: ${l}`),
    ),
  );
  proc.stdin.on('error', () => undefined); // writing to a node that already exited
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));

  const poll = (ok: () => boolean, what: () => string, ms: number): Promise<void> =>
    new Promise((resolve, reject) => {
      const check = (): void => {
        if (!ok()) return;
        waiters.delete(check);
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(new Error(`go node ${proc.pid}: ${what()} within ${ms} ms; its output:\n${lines.join('\n')}`));
      }, ms);
      waiters.add(check);
      check();
    });
  const count = (pattern: RegExp): number => lines.filter((l) => pattern.test(l)).length;
  const waitLine = async (pattern: RegExp, ms = 8000): Promise<string> => {
    await poll(
      () => lines.some((l) => pattern.test(l)),
      () => `no line matching ${pattern}`,
      ms,
    );
    return lines.find((l) => pattern.test(l))!;
  };

  const node: GoNode = {
    pid: proc.pid!,
    port: 0,
    lines,
    type: (line) => void proc.stdin.write(line + '\n'),
    connectTo: async (port) => {
      proc.stdin.write(`connect 127.0.0.1:${port}\n`);
      await waitLine(new RegExp(`^Handling connection: 127\\.0\\.0\\.1:${port}$`));
      await new Promise((r) => setTimeout(r, 50));
    },
    waitLine,
    waitCount: (pattern, n, ms = 8000) =>
      poll(
        () => count(pattern) >= n,
        () => `${count(pattern)} of ${n} lines matching ${pattern}`,
        ms,
      ),
    count,
    received: () =>
      lines.flatMap((l) => {
        const m = RECEIVED_LINE.exec(l);
        return m ? [{ from: m[1]!, text: m[2]! }] : [];
      }),
    stop: async () => {
      running.delete(node);
      if (proc.exitCode === null && proc.signalCode === null) {
        process.kill(proc.pid!, 'SIGKILL');
        await exited;
      }
      rmSync(cwd, { recursive: true, force: true });
    },
  };
  running.add(node);
  try {
    const listening = await waitLine(/^Listening for connection requests at .*:(\d+)$/, 15_000);
    (node as { port: number }).port = Number(/:(\d+)$/.exec(listening)![1]);
  } catch (error) {
    await node.stop();
    throw error;
  }
  return node;
}

/** Kills every Go node still running. */
export async function stopAllGo(): Promise<void> {
  await Promise.all([...running].map((n) => n.stop()));
}
