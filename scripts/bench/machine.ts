/**
 * Shared helpers of the benchmark sections: what machine this is, medians of repeated runs, and
 * running a floodlab command in a child process to measure its wall time and peak RSS alone.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** One markdown line naming the machine, Node and the commit measured. */
export function machineLine(): string {
  let commit = 'unknown';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
  } catch {
    // not a git checkout: say so rather than fail the bench
  }
  const cpu = cpus();
  return `${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, commit ${commit}`;
}

/** Median of numbers. */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Runs `fn` `runs` times and returns the median wall time in ms and the last result. */
export function timeMedian<T>(runs: number, fn: () => T): { ms: number; all: number[]; result: T } {
  const all: number[] = [];
  let result: T | undefined;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    result = fn();
    all.push(performance.now() - t);
  }
  return { ms: median(all), all, result: result as T };
}

/** Wall time (ms) and peak RSS (MB) of `node bin/floodlab.js ...args` in a fresh process. */
export function runCli(args: readonly string[]): { ms: number; rssMb: number; stdout: string } {
  const probe = fileURLToPath(new URL('./rss-probe.js', import.meta.url));
  const t = performance.now();
  const out = spawnSync(process.execPath, ['--import', probe, 'bin/floodlab.js', ...args], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 28 });
  const ms = performance.now() - t;
  if (out.status !== 0) throw new Error(`floodlab ${args.join(' ')} exited ${out.status}: ${out.stderr}`);
  const m = /maxrss_kb=(\d+)/.exec(out.stderr);
  return { ms, rssMb: m ? Number(m[1]) / 1024 : Number.NaN, stdout: out.stdout };
}
