/**
 * Test helper: runs `node bin/floodlab.js node --port 0 ...` as a user would, writes lines to
 * its stdin and waits for lines on its stdout. Every child is killed in `stopAll()`.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const running = new Set<ChildProcessWithoutNullStreams>();

export interface CliNode {
  readonly proc: ChildProcessWithoutNullStreams;
  readonly port: number;
  readonly lines: string[];
  type(line: string): void;
  /** Resolves with the first line (from the start) matching `pattern`, or rejects after ms. */
  waitLine(pattern: RegExp, ms?: number): Promise<string>;
  /** Lines matching `pattern`, counted now. */
  count(pattern: RegExp): number;
  exited: Promise<number | null>;
}

export async function startCliNode(...args: string[]): Promise<CliNode> {
  // Key files go to a fresh folder, never the user's ~/.config.
  const env = { ...process.env, XDG_CONFIG_HOME: mkdtempSync(join(tmpdir(), 'floodlab-cli-')) };
  const proc = spawn(process.execPath, ['bin/floodlab.js', 'node', '--port', '0', ...args], { cwd: root, stdio: ['pipe', 'pipe', 'pipe'], env });
  running.add(proc);
  const lines: string[] = [];
  const waiters = new Set<() => void>();
  let partial = '';
  proc.stdout.setEncoding('utf8');
  proc.stdout.on('data', (chunk: string) => {
    const parts = (partial + chunk).split('\n');
    partial = parts.pop()!;
    lines.push(...parts);
    for (const w of waiters) w();
  });
  proc.stderr.setEncoding('utf8');
  proc.stderr.on('data', (chunk: string) =>
    lines.push(
      ...chunk
        .split('\n')
        .filter(Boolean)
        .map((l) => `stderr: ${l}`),
    ),
  );
  const exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => (running.delete(proc), resolve(code))));
  const waitLine = (pattern: RegExp, ms = 8000): Promise<string> =>
    new Promise((resolve, reject) => {
      const check = (): void => {
        const hit = lines.find((l) => pattern.test(l));
        if (hit === undefined) return;
        waiters.delete(check);
        clearTimeout(timer);
        resolve(hit);
      };
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(new Error(`no line matching ${pattern} within ${ms} ms; got:\n${lines.join('\n')}`));
      }, ms);
      waiters.add(check);
      check();
    });
  const listening = await waitLine(/^listening on 127\.0\.0\.1:\d+/, 15_000);
  return {
    proc,
    port: Number(/:(\d+)/.exec(listening)![1]),
    lines,
    type: (line) => void proc.stdin.write(line + '\n'),
    waitLine,
    count: (pattern) => lines.filter((l) => pattern.test(l)).length,
    exited,
  };
}

/** Kills every child still running. */
export async function stopAll(): Promise<void> {
  await Promise.all(
    [...running].map(
      (p) =>
        new Promise<void>((resolve) => {
          p.once('exit', () => resolve());
          p.kill('SIGKILL');
        }),
    ),
  );
}
