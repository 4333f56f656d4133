/**
 * Benchmark section: start-up and memory of floodlab as installed (the built dist/, no TypeScript
 * loader), beside Node's own start-up measured in the same run. Targets (issue 11): `floodlab
 * --version` ≤ 3× `node -e 0`; `floodlab sim` at N = 1,000 ≤ 4×; one idle real node ≤ 60 MB RSS;
 * 50 real nodes in one process through the burst ≤ 100 MB peak RSS, the burst still ≥ 3,000
 * messages/s with nothing lost. The commands run interleaved, round after round, so that a busy
 * moment on a shared machine slows them all alike. Runnable alone: `npm run bench -- startup`.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { median } from './machine.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const ROUNDS = 15;
/** V8 flags that keep the heap near the live data: for reference only, a user runs with the defaults. */
const CAPPED_HEAP = ['--max-old-space-size=48', '--max-semi-space-size=2'];

/** Wall time (ms) of one run of `node ...args`, which must succeed. */
function wall(args: readonly string[]): number {
  const t = performance.now();
  const out = spawnSync(process.execPath, args, { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = performance.now() - t;
  if (out.status !== 0) throw new Error(`node ${args.join(' ')} exited ${out.status}: ${out.stderr}`);
  return ms;
}

/** Median wall times of the commands, run interleaved for ROUNDS rounds after one warm-up round. */
function startTimes(commands: readonly (readonly string[])[]): number[][] {
  for (const c of commands) wall(c); // warm the file cache
  const times = commands.map(() => [] as number[]);
  for (let r = 0; r < ROUNDS; r++) commands.forEach((c, i) => times[i]!.push(wall(c)));
  return times;
}

/** RSS (MB) of one idle `floodlab node` a second after it listens, and its peak so far. */
async function idleNode(): Promise<{ rssMb: number; peakMb: number }> {
  const child = spawn(process.execPath, ['bin/floodlab.js', 'node', '--port', '0', '--name', 'idle'], { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] });
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('bench: floodlab node did not start within 20 s')), 20_000);
      let seen = '';
      const look = (d: Buffer): void => {
        seen += d.toString();
        if (/127\.0\.0\.1:\d+/.test(seen)) {
          clearTimeout(timer);
          resolve();
        }
      };
      child.stdout.on('data', look);
      child.stderr.on('data', look);
      child.once('exit', (code) => reject(new Error(`bench: floodlab node exited ${code}: ${seen}`)));
    });
    await new Promise((r) => setTimeout(r, 1000));
    const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
    const kb = (key: string): number => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? Number.NaN);
    return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
  } finally {
    child.removeAllListeners('exit');
    child.kill('SIGTERM');
  }
}

interface Burst {
  readonly rssMb: number;
  readonly rate: number[];
  readonly lost: number;
  readonly twice: number;
}

const f0 = (x: number): string => x.toFixed(0);
const verdict = (ok: boolean, target: string): string => (ok ? `met (${target})` : `**missed** (${target})`);

/** Runs the section and returns its markdown. */
export async function benchStartup(): Promise<string> {
  const commands = [
    ['-e', '0'],
    ['bin/floodlab.js', '--version'],
    ['bin/floodlab.js', 'sim', '-n', '1000', '-d', '4'],
  ] as const;
  const times = startTimes(commands);
  const [nodeMs, versionMs, simMs] = times.map(median) as [number, number, number];
  const idle = await idleNode();
  const runBurst = (flags: readonly string[], runs = 3): Burst =>
    JSON.parse(execFileSync(process.execPath, [...flags, 'scripts/bench/burst-50.mjs', '50', String(runs)], { cwd: root, encoding: 'utf8', timeout: 300_000 })) as Burst;
  // Three processes of three bursts each: a peak RSS is one sample of the collector's timing, so the median of three.
  const bursts = [0, 1, 2].map(() => runBurst([]));
  const burst: Burst = {
    rssMb: median(bursts.map((b) => b.rssMb)),
    rate: bursts.flatMap((b) => b.rate),
    lost: bursts.reduce((n, b) => n + b.lost, 0),
    twice: bursts.reduce((n, b) => n + b.twice, 0),
  };
  // One burst per process: 50 nodes alone, without what two earlier clusters made V8 grow.
  const single = Math.max(...[0, 1, 2].map(() => runBurst([], 1).rssMb));
  // Five clusters in a row: how far the three-run peak is from V8's next doubling of its young generation.
  const five = runBurst([], 5);
  // The same burst with V8's heap held small: what is left is the live data.
  const capped = runBurst(CAPPED_HEAP);
  const rate = median(burst.rate);
  const ratio = (ms: number): string => `${(ms / nodeMs).toFixed(2)}×`;
  return [
    '## Start-up and memory (the built package, no TypeScript loader)',
    '',
    `Wall time of a fresh process, median of ${ROUNDS} interleaved rounds (\`node bin/floodlab.js\` is what the installed \`floodlab\` command runs).`,
    'RSS of one idle `floodlab node` one second after it listens (/proc VmRSS, and VmHWM for its peak); 50 nodes in one process: the real-node',
    "section's burst (random 4-regular, 1,000 messages back to back, 3 runs on fresh nodes) through the public `floodlab/real` entry (the graph from `floodlab/sim`), peak RSS of that process;",
    'three such processes, the median peak (and the rate over all nine bursts).',
    '',
    '| what | measured | against `node -e 0` | target |',
    '|---|---|---|---|',
    `| \`node -e 0\` | ${f0(nodeMs)} ms | 1× | — |`,
    `| \`floodlab --version\` | ${f0(versionMs)} ms | ${ratio(versionMs)} | ${verdict(versionMs <= 3 * nodeMs, '≤ 3×')} |`,
    `| \`floodlab sim -n 1000 -d 4\` | ${f0(simMs)} ms | ${ratio(simMs)} | ${verdict(simMs <= 4 * nodeMs, '≤ 4×')} |`,
    `| one idle real node (\`floodlab node\`) | ${f0(idle.rssMb)} MB RSS (peak ${f0(idle.peakMb)} MB) | — | ${verdict(idle.rssMb <= 60, '≤ 60 MB')} |`,
    `| 50 real nodes, one process, burst | ${burst.rssMb.toFixed(1)} MB peak RSS (median of 3 processes: ${bursts.map((b) => b.rssMb.toFixed(1)).join(', ')}) | — | ${verdict(burst.rssMb <= 100, '≤ 100 MB')} |`,
    `| the same, one burst per process (not three in a row) | ${f0(single)} MB peak RSS (largest of 3 processes) | — | — |`,
    `| the same burst's rate | ${f0(rate)}/s (runs: ${burst.rate.map(f0).join(', ')}); lost ${burst.lost}, delivered twice ${burst.twice} | — | ${verdict(rate >= 3000 && burst.lost === 0 && burst.twice === 0, '≥ 3,000/s, none lost')} |`,
    `| the same, five runs in one process (not three) | ${f0(five.rssMb)} MB peak RSS; lost ${five.lost}, delivered twice ${five.twice} | — | — |`,
    `| for reference: three runs under \`node ${CAPPED_HEAP.join(' ')}\` | ${f0(capped.rssMb)} MB peak RSS, ${f0(median(capped.rate))}/s, lost ${capped.lost}, delivered twice ${capped.twice} | — | — |`,
    '',
    "About 38 MB of each peak is Node's own code (the pages of the node binary). What decides the rest is V8's young generation: it starts",
    'small and doubles, up to 2 × 16 MB, each time the bytes that survived young collections since it last grew pass its size. What survives',
    'here is mostly each fresh cluster (its 50 nodes, 200 sockets and links, and what setting them up leaves): copied once and promoted once,',
    'about 1.4 MB a cluster (seen with `--trace-gc-nvp`). Three clusters stay at 2 × 8 MB; five cross the next doubling (five-run row). For this reason',
    "each link's write queue keeps few slots between ticks: an array kept large is regrown in the old generation, and the store it leaves there",
    "keeps that tick's frames alive through young collections (with up to 1,024 slots kept, the doubling came during the second cluster and",
    'the peak was 100–102 MB). No V8 flag is used for the targets.',
    '',
    `Per round (ms): node ${times[0]!.map(f0).join(', ')}; --version ${times[1]!.map(f0).join(', ')}; sim ${times[2]!.map(f0).join(', ')}.`,
    '',
  ].join('\n');
}
