/**
 * This commit against the previous one, in the same run on the same machine: the previous commit
 * is checked out into a temporary folder (git archive, node_modules symlinked, built when it has a
 * build), and the same
 * commands run in fresh processes from each tree, alternating, so that load on a shared machine
 * falls on both alike. Figures are medians; RSS is the largest seen.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median } from './machine.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const probe = fileURLToPath(new URL('./rss-probe.js', import.meta.url));

/** A tree of commit `rev` in a temporary folder; call `remove` when done. */
export function checkout(rev: string): { dir: string; commit: string; remove: () => void } {
  const commit = execFileSync('git', ['rev-parse', '--short', rev], { cwd: root, encoding: 'utf8' }).trim();
  const dir = mkdtempSync(join(tmpdir(), 'floodlab-prev-'));
  execFileSync('sh', ['-c', `git archive ${commit} | tar -x -C '${dir}'`], { cwd: root });
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
  // A tree whose bin runs dist/ needs its own build (older trees ran the sources through tsx).
  const scripts = (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { scripts?: Record<string, string> }).scripts ?? {};
  if (scripts.build) execFileSync('npm', ['run', '-s', 'build'], { cwd: dir, stdio: 'ignore' });
  return { dir, commit, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Wall ms and peak RSS MB of `node bin/floodlab.js ...args` run from `tree`. */
function cliOnce(tree: string, args: readonly string[]): { ms: number; rssMb: number } {
  const t = performance.now();
  const out = spawnSync(process.execPath, ['--import', probe, 'bin/floodlab.js', ...args], { cwd: tree, encoding: 'utf8', maxBuffer: 1 << 28 });
  const ms = performance.now() - t;
  if (out.status !== 0) throw new Error(`floodlab ${args.join(' ')} in ${tree} exited ${out.status}: ${out.stderr}`);
  const m = /maxrss_kb=(\d+)/.exec(out.stderr);
  return { ms, rssMb: m ? Number(m[1]) / 1024 : Number.NaN };
}

/** The engine alone on one graph: builds it, runs the flood `runs` times, prints the times. */
const FLOOD_CHILD = `
const [root, n, d, latencySpec, runs] = process.argv.slice(2);
const { flood } = await import(root + '/src/core/protocols/flood.ts');
const { simulate } = await import(root + '/src/sim/engine/engine.ts');
const { randomRegular } = await import(root + '/src/sim/generators/random-regular.ts');
const { parseLatency } = await import(root + '/src/sim/latency.ts');
const { seededRng } = await import(root + '/src/sim/random.ts');
const { toCsr } = await import(root + '/src/sim/topology/csr.ts');
const csr = toCsr(randomRegular({ order: Number(n), degree: Number(d), rng: seededRng(1, 'graph') }));
const latency = parseLatency(latencySpec);
const all = [];
for (let i = 0; i < Number(runs); i++) {
  const t = performance.now();
  simulate(csr, flood, { latency, rng: seededRng(1, 'engine'), origins: [0] });
  all.push(performance.now() - t);
}
process.stdout.write(JSON.stringify(all) + '\\n');
`;

export interface Versus {
  readonly what: string;
  readonly previous: { ms: number; rssMb: number };
  readonly current: { ms: number; rssMb: number };
}

/** Engine-only flood times (median of `runs` in one fresh process per tree). */
export function floodVersus(prev: string, n: number, d: number, latency: string, runs: number): Versus {
  const dir = mkdtempSync(join(tmpdir(), 'floodlab-child-'));
  const child = join(dir, 'flood-child.mts');
  writeFileSync(child, FLOOD_CHILD);
  const time = (tree: string): number => {
    const out = execFileSync(process.execPath, ['--import', 'tsx', child, tree, String(n), String(d), latency, String(runs)], { cwd: tree, encoding: 'utf8', timeout: 600_000 });
    return median(JSON.parse(out) as number[]);
  };
  try {
    const previous = time(prev);
    const current = time(root);
    return { what: `engine only: flood, \`${latency}\`, N = ${n.toLocaleString('en-US')}, D = ${d}`, previous: { ms: previous, rssMb: Number.NaN }, current: { ms: current, rssMb: Number.NaN } };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A whole CLI command from both trees, alternating, `runs` times each. */
export function cliVersus(prev: string, args: readonly string[], runs: number): Versus {
  const p: { ms: number; rssMb: number }[] = [];
  const c: { ms: number; rssMb: number }[] = [];
  for (let i = 0; i < runs; i++) {
    p.push(cliOnce(prev, args));
    c.push(cliOnce(root, args));
  }
  const sum = (xs: typeof p) => ({ ms: median(xs.map((x) => x.ms)), rssMb: Math.max(...xs.map((x) => x.rssMb)) });
  return { what: `\`floodlab ${args.join(' ')}\``, previous: sum(p), current: sum(c) };
}

/** The markdown table of the comparisons. */
export function versusTable(commit: string, rows: readonly Versus[]): string[] {
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  const mb = (x: number) => (Number.isNaN(x) ? '' : `, ${x.toFixed(0)} MB`);
  return [
    `| command | previous commit ${commit} | this commit | this ÷ previous |`,
    '|---|---|---|---|',
    ...rows.map((r) => `| ${r.what} | ${s(r.previous.ms)}${mb(r.previous.rssMb)} | ${s(r.current.ms)}${mb(r.current.rssMb)} | ${(r.current.ms / r.previous.ms).toFixed(2)}× |`),
  ];
}
