/**
 * Benchmark section for sweeps at scale (issue 6): cells per second on 1 and 2 worker processes
 * over a fixed grid (median of 3 runs) and the speed-up; one N = 10^7, D = 8 flood in a child
 * process, stage by stage, with its peak RSS; and the memory each node costs. Runnable alone:
 * `node --import tsx scripts/bench/sweep.ts`.
 */
import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { sweepCells, type SweepOptions } from '../../src/sim/sweep.ts';
import { machineLine, median, runCli } from './machine.ts';
import type { BigRun } from './sweep-big.ts';

const RUNS = 3;
const GRID: SweepOptions = { nodes: [30_000, 100_000, 300_000], degrees: [4, 5, 6, 7, 8], seeds: 2, seed: '1', topology: 'random-regular', protocol: 'flood', latency: 'uniform:1-10', messages: 1 };
const root = fileURLToPath(new URL('../../', import.meta.url));

const s = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
const n = (x: number, digits = 0): string => x.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/**
 * Wall times of the whole `floodlab sweep` command on `jobs` workers, each in a fresh process
 * (start-up included). A fresh process for both: a sweep run inside this one would start with
 * the JIT state the other sections left (call sites made polymorphic by the real nodes), which
 * once made one worker look three times slower than two.
 */
function sweepMs(jobs: number): number[] {
  const args = ['sweep', '-n', GRID.nodes.join(','), '-d', GRID.degrees.join(','), '--seeds', String(GRID.seeds), '--seed', GRID.seed];
  args.push('-t', GRID.topology, '-p', GRID.protocol, '-l', GRID.latency, '-m', String(GRID.messages), '--jobs', String(jobs), '--no-progress');
  return Array.from({ length: RUNS }, () => runCli(args).ms);
}

/** One big flood in a fresh process, so that its peak RSS is its own. */
function bigRun(nodes: number, degree: number): BigRun {
  const child = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/bench/sweep-big.ts', String(nodes), String(degree)], { cwd: root, encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`sweep-big ${nodes} ${degree} exited ${child.status}: ${child.stderr}`);
  return JSON.parse(child.stdout) as BigRun;
}

/** Runs the section and returns its markdown. */
export async function benchSweep(): Promise<string> {
  const cells = sweepCells(GRID).length;
  const load = loadavg()[0]!;
  const one = sweepMs(1);
  const two = sweepMs(2);
  const [t1, t2] = [median(one), median(two)];
  const small = bigRun(1_000_000, 8);
  const big = bigRun(10_000_000, 8);
  const total = big.stages.reduce((sum, st) => sum + st.ms, 0);
  const marginal = ((big.peakRssMb - small.peakRssMb) * 2 ** 20) / (big.nodes - small.nodes);
  const arrays = big.stages.reduce((sum, st) => sum + st.arrayMb, 0);

  return [
    '## Sweeps: worker processes, and one flood of 10^7 nodes',
    '',
    `Grid: N ∈ {${GRID.nodes.map((x) => n(x)).join(', ')}}, D ∈ {${GRID.degrees.join(', ')}}, ${GRID.seeds} seeds, ${GRID.topology}, ${GRID.protocol}, latency ${GRID.latency}: ${cells} cells. ` +
      `Whole \`floodlab sweep\` command, each run in a fresh process (start-up included), median of ${RUNS} runs; load average when the section started: ${load.toFixed(2)} on this ${machineLine().split(',')[0]} machine.`,
    '',
    '| workers | wall time (median) | runs | cells per second |',
    '|---|---|---|---|',
    `| 1 (\`--jobs 1\`: cells run in the command's own process) | ${s(t1)} | ${one.map(s).join(', ')} | ${n(cells / (t1 / 1000), 1)} |`,
    `| 2 (\`--jobs 2\`: two worker processes) | ${s(t2)} | ${two.map(s).join(', ')} | ${n(cells / (t2 / 1000), 1)} |`,
    `| speed-up | ${(t1 / t2).toFixed(2)}× | | |`,
    '',
    `### N = 10^7, D = 8, random-regular, one message (\`flood\`, constant latency), in a child process`,
    '',
    `Reached ${n(big.reached)} nodes with ${n(big.sends)} sends (2E − (N−1) = ${n(big.nodes * big.degree - (big.nodes - 1))}).`,
    '',
    '| stage | time | RSS after it | typed arrays it returns |',
    '|---|---|---|---|',
    ...big.stages.map((st) => `| ${st.name} | ${s(st.ms)} | ${n(st.rssMb)} MB | ${n(st.arrayMb)} MB |`),
    `| **all stages** | **${s(total)}** | **peak ${n(big.peakRssMb)} MB** | ${n(arrays)} MB |`,
    '',
    `Memory per node (D = 8): peak RSS ÷ N = ${n((big.peakRssMb * 2 ** 20) / big.nodes)} bytes at N = 10^7 ` +
      `(${n((small.peakRssMb * 2 ** 20) / small.nodes)} at N = 10^6, where the runtime's fixed ~50 MB weighs in); ` +
      `marginal (peak at 10^7 − peak at 10^6) ÷ 9·10^6 = ${n(marginal)} bytes per node; the typed arrays above are ${n((arrays * 2 ** 20) / big.nodes)} bytes per node. ` +
      `The 10^6 run took ${s(small.stages.reduce((sum, st) => sum + st.ms, 0))} in all, peak ${n(small.peakRssMb)} MB.`,
    '',
  ].join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) process.stdout.write((await benchSweep()) + '\n');
