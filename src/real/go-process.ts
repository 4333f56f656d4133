/**
 * One original Go chat node (the write-up's program, built from its seed-go folder) run as a child
 * process for `launch --go`: started with stdin and stdout piped, its port read from its
 * `Listening for connection requests at [::]:PORT` line, what it showed counted from its
 * `ADDR -> TEXT` lines, commands typed on its stdin, and killed by PID. Only counts per text and
 * the last few lines are kept, so a chatty node cannot grow this process's memory. Every node
 * started here is also killed when this process exits, whatever the way out.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, resolve } from 'node:path';
import { InputError } from '../core/errors.ts';

/** The Go program's name on PATH, as the README's build command names it. */
export const GO_BINARY_NAME = 'seednode';

/** How to build the Go program, for the error when it cannot be found. */
export const GO_BUILD_HINT = `build it from the repository's seed-go folder: tmp=$(mktemp -d) && cp test/fixtures/seed-go/*.go "$tmp" && (cd "$tmp" && go mod init seednode && go build -o seednode .), then pass --go-bin "$tmp/seednode" or put it on PATH`;

const LISTENING = /^Listening for connection requests at .*:(\d+)$/;
const SHOWED = /^(\S+:\d+) -> (.*)$/;
const HANDLING = /^Handling connection: /;
/** Most distinct texts counted, and stdout lines kept for error messages. */
const MAX_TEXTS = 100_000;
const KEEP_LINES = 20;
const MAX_FROM = 8;
/** Longest stdout line taken whole; a longer one is cut there. */
const MAX_LINE = 70_000;

/** The Go binary to run, as an absolute path: `goBin` if given (it must be an executable file), else `seednode` on PATH. */
export function findGoBinary(goBin: string | undefined, path = process.env['PATH'] ?? ''): string {
  if (goBin !== undefined) {
    if (!isExecutable(goBin)) throw new InputError('ERR_NO_GO_BINARY', `launch: --go-bin ${goBin} is not an executable file; ${GO_BUILD_HINT}`);
    // Absolute: the Go node runs in another folder, where a relative path would point elsewhere.
    return resolve(goBin);
  }
  for (const dir of path.split(delimiter)) {
    const candidate = resolve(dir || '.', GO_BINARY_NAME);
    if (isExecutable(candidate)) return candidate;
  }
  throw new InputError('ERR_NO_GO_BINARY', `launch: --go needs the original Go program and there is no ${GO_BINARY_NAME} on PATH and no --go-bin; ${GO_BUILD_HINT}`);
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

const live = new Set<GoProcess>();
let exitHookSet = false;

export class GoProcess {
  readonly pid: number;
  port = 0;
  /** Per text: the addresses it showed it from (`ADDR -> TEXT`), one entry per line, at most MAX_FROM kept. */
  private readonly shown = new Map<string, { count: number; from: string[] }>();
  private readonly last: string[] = [];
  private handlingCount = 0;
  private partial = '';
  private exitCode: number | null | undefined;
  private readonly exited: Promise<void>;
  private readonly changed = new Set<() => void>();

  private constructor(private readonly proc: ChildProcessWithoutNullStreams) {
    this.pid = proc.pid!;
    proc.stdout.setEncoding('utf8');
    proc.stdout.on('data', (chunk: string) => this.take(chunk));
    proc.stderr.setEncoding('utf8');
    proc.stderr.on('data', (chunk: string) => this.keep(`stderr: ${chunk.trim().slice(0, 300)}`));
    proc.stdin.on('error', () => undefined); // typing to a node that already exited
    proc.on('error', () => undefined); // a failed kill of a process already gone
    this.exited = new Promise((resolve) => proc.once('exit', (code, signal) => ((this.exitCode = code ?? (signal ? -1 : 0)), this.notify(), resolve())));
  }

  /** Starts the binary and resolves once it listens (its port read from its output). */
  static async start(binary: string, cwd: string, timeoutMs = 15_000): Promise<GoProcess> {
    const proc = spawn(binary, [], { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    await new Promise<void>((resolve, reject) => {
      proc.once('spawn', () => resolve());
      proc.once('error', (err) => reject(new Error(`launch: cannot start the Go node ${binary}: ${err.message}`)));
    });
    const node = new GoProcess(proc);
    live.add(node);
    if (!exitHookSet) {
      exitHookSet = true;
      process.once('exit', () => {
        for (const n of live) n.killNow();
      });
    }
    try {
      await node.until(() => node.port > 0, timeoutMs, 'print its listening port');
    } catch (err) {
      await node.stop();
      throw err;
    }
    return node;
  }

  /** Writes one line to its stdin: a message, `connect HOST:PORT`, `quit`. */
  type(line: string): void {
    this.proc.stdin.write(`${line}\n`);
  }

  /** Times it showed `text` as received. */
  showed(text: string): number {
    return this.shown.get(text)?.count ?? 0;
  }

  /** The link addresses it showed `text` from, in order (the first MAX_FROM). */
  showedFrom(text: string): readonly string[] {
    return this.shown.get(text)?.from ?? [];
  }

  /** `Handling connection` lines so far: links it opened or accepted. */
  get handling(): number {
    return this.handlingCount;
  }

  get running(): boolean {
    return this.exitCode === undefined;
  }

  /** Its last few output lines, for an error message. */
  tail(): string {
    return this.last.join(' | ');
  }

  /** Resolves when `ok()` holds (checked on every output line); rejects after `ms` or if it exits. */
  until(ok: () => boolean, ms: number, what: string): Promise<void> {
    return new Promise((resolve, reject) => {
      const done = (err?: Error): void => {
        this.changed.delete(check);
        clearTimeout(timer);
        if (err) reject(err);
        else resolve();
      };
      const check = (): void => {
        if (ok()) done();
        else if (!this.running) done(new Error(`launch: the Go node (pid ${this.pid}) exited (code ${this.exitCode}) before it would ${what}; its last lines: ${this.tail()}`));
      };
      const timer = setTimeout(() => done(new Error(`launch: the Go node (pid ${this.pid}, port ${this.port}) did not ${what} within ${ms} ms; its last lines: ${this.tail()}`)), ms);
      this.changed.add(check);
      check();
    });
  }

  /** Kills it by PID (SIGKILL) and resolves once it is gone; idempotent. */
  async stop(): Promise<void> {
    this.killNow();
    await this.exited;
    live.delete(this);
  }

  private killNow(): void {
    if (this.running) {
      try {
        process.kill(this.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  }

  private take(chunk: string): void {
    const parts = (this.partial + chunk).split('\n');
    this.partial = parts.pop()!.slice(0, MAX_LINE);
    for (const line of parts) this.line(line.replace(/\r$/, ''));
    this.notify();
  }

  private line(line: string): void {
    this.keep(line.slice(0, 300));
    const listening = LISTENING.exec(line);
    if (listening && this.port === 0) this.port = Number(listening[1]);
    else if (HANDLING.test(line)) this.handlingCount++;
    const m = SHOWED.exec(line);
    if (!m) return;
    let entry = this.shown.get(m[2]!);
    if (!entry && this.shown.size < MAX_TEXTS) this.shown.set(m[2]!, (entry = { count: 0, from: [] }));
    if (!entry) return;
    entry.count++;
    if (entry.from.length < MAX_FROM) entry.from.push(m[1]!);
  }

  private keep(line: string): void {
    this.last.push(line);
    if (this.last.length > KEEP_LINES) this.last.shift();
  }

  private notify(): void {
    for (const check of [...this.changed]) check();
  }
}

/** PIDs of the Go nodes started here and not yet stopped (tests check none outlives a launch). */
export function runningGoPids(): number[] {
  return [...live].filter((n) => n.running).map((n) => n.pid);
}
