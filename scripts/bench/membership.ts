/**
 * Benchmark section for membership (issue 12, item 6): growing networks by joins with blog and
 * hyparview (K = 5), and a 50% kill through repair. Each run is a process of its own for its peak
 * RSS. The targets are at N = 10^6; runs are at N = 10^5 (a 10^6 run takes minutes here) and the
 * 10^6 figure is extrapolated from the cost per membership message, which is what grows with N,
 * and from the messages per join, which does not change with N (about 70 for blog at K = 5).
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const N = 100_000;
/**
 * HyParView is measured at 10^5 too (about a minute and a half here): its cost per message grows
 * faster with N than blog's (docs/membership.md), so scaling a 2·10^4 run by 50 promised too little.
 */
const N_HYPARVIEW = N;

interface Run {
  nodes: number;
  overlay: string;
  growMs: number;
  messages: number;
  settled: boolean;
  killMs: number | null;
  repairTimeMs: number | null;
  repairMessages: number | null;
  rssMb: number;
  cpuMs: number;
}

/** The bare random walk's cost per hop at N nodes (walk-floor.mjs): the memory floor under any walk-based growth. */
function floor(nodes: number): number {
  const out = spawnSync(process.execPath, ['scripts/bench/walk-floor.mjs', String(nodes), String(10_000_000)], { cwd: root, encoding: 'utf8' });
  if (out.status !== 0) throw new Error(`walk floor ${nodes} exited ${out.status}: ${out.stderr}`);
  return (JSON.parse(out.stdout.trim()) as { nsPerHop: number }).nsPerHop;
}

function run(what: 'grow' | 'kill', nodes: number, overlay: string): Run {
  const out = spawnSync(process.execPath, ['scripts/bench/membership-run.mjs', what, String(nodes), overlay], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 24 });
  if (out.status !== 0) throw new Error(`membership bench ${what} ${nodes} ${overlay} exited ${out.status}: ${out.stderr}`);
  return JSON.parse(out.stdout.trim().split('\n').pop()!) as Run;
}

const s = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
const verdict = (ms: number, target: number): string => (ms <= target ? `met (≤ ${s(target)})` : `**missed** (target ≤ ${s(target)})`);

/** Of `times` runs, the one with the median of `key`, and every run's `key` in seconds (this machine's memory speed varies from minute to minute). */
function median(times: number, make: () => Run, key: (r: Run) => number): { run: Run; all: string } {
  const runs = Array.from({ length: times }, make).sort((a, b) => key(a) - key(b));
  return { run: runs[Math.floor(times / 2)]!, all: runs.map((r) => (key(r) / 1000).toFixed(1)).join(', ') };
}

export function benchMembership(): string {
  const blogRuns = median(
    3,
    () => run('grow', N, 'blog'),
    (r) => r.growMs,
  );
  const blog = blogRuns.run;
  const hyp = run('grow', N_HYPARVIEW, 'hyparview');
  const killRuns = median(
    3,
    () => run('kill', N, 'blog'),
    (r) => r.growMs + r.killMs!,
  );
  const kill = killRuns.run;
  const floor6 = floor(1_000_000);
  const floor5 = floor(N);
  const perJoin = blog.messages / blog.nodes;
  // The real 10^6 run takes 6 to 8 minutes here: only when asked.
  const million = process.env.BENCH_MILLION ? run('grow', 1_000_000, 'blog') : undefined;
  const row = (name: string, r: Run, scale: number, target: number): string => {
    const perMsgUs = (1000 * r.cpuMs) / r.messages; // CPU: less swayed by other jobs than wall time
    const at6 = r.growMs * scale;
    return `| ${name} | ${s(r.growMs)} (CPU ${s(r.cpuMs)}) | ${r.messages.toLocaleString('en-US')} (${(r.messages / r.nodes).toFixed(1)} per join) | ${perMsgUs.toFixed(2)} µs | ${Math.round(r.rssMb)} MB | ~${s(at6)} | ${verdict(at6, target)} |`;
  };
  return [
    '## Membership: growing by joins (issue 12)',
    '',
    `Each run is \`grow({ nodes, want: 5, overlay, seed: 1 })\` in a process of its own on the built JavaScript (scripts/bench/membership-run.mjs): joins spread over 60 s of simulated time, then settling. Runs at N = ${N.toLocaleString('en-US')}; the 10^6 column scales the wall time by 10 (messages per join do not depend on N). The cost per message grows with N (more of each hop misses the caches: see the floor below), so the scaled time is a lower estimate; the 10^6 memory target is judged only on a measured 10^6 run.`,
    '',
    '| run | wall (CPU) | membership messages | CPU per message | peak RSS | time at 10^6, extrapolated | target at 10^6 |',
    '|---|---|---|---|---|---|---|',
    row(`blog, K = 5 (median of 3: ${blogRuns.all} s)`, blog, 10, 10_000),
    row('hyparview, K = 5', hyp, 10, 30_000),
    million
      ? `| blog, K = 5, **at 10^6, measured** | ${s(million.growMs)} (CPU ${s(million.cpuMs)}) | ${million.messages.toLocaleString('en-US')} (${(million.messages / million.nodes).toFixed(1)} per join) | ${((1000 * million.cpuMs) / million.messages).toFixed(2)} µs | ${Math.round(million.rssMb)} MB | (measured) | ${verdict(million.growMs, 10_000)}; memory ${million.rssMb <= 1536 ? 'met' : '**missed**'} (≤ 1536 MB) |`
      : '| blog, K = 5, at 10^6 | not run this time (6 to 8 minutes here): `BENCH_MILLION=1 npm run bench -- membership` measures it | | | | | |',
    '',
    '| run | grow | kill to repair | repair | whole run | target |',
    '|---|---|---|---|---|---|',
    `| 10^5 nodes, blog, --kill 0.5 (median of 3 whole runs: ${killRuns.all} s) | ${s(kill.growMs)} | ${s(kill.killMs!)} | ${kill.repairMessages?.toLocaleString('en-US')} messages, ${kill.repairTimeMs === null ? 'not repaired within 600 s' : `${(kill.repairTimeMs / 1000).toFixed(1)} s simulated`} | ${s(kill.growMs + kill.killMs!)} | ${verdict(kill.growMs + kill.killMs!, 10_000)} |`,
    '',
    `**The memory floor.** Every blog message is one hop of a random walk to a random node. A bare walk over a random graph held in typed arrays (scripts/bench/walk-floor.mjs: a degree read, a neighbour read and two random draws per hop, nothing else) costs ${floor6.toFixed(0)} ns per hop at 10^6 nodes and ${floor5.toFixed(0)} ns at 10^5 on this machine: two dependent reads that miss every cache. Growing 10^6 nodes by blog takes about ${perJoin.toFixed(0)} hops per join, so ${((perJoin * 1e6 * floor6) / 1e9).toFixed(0)} s is the floor before any protocol work: the 10 s target is below what this machine's memory allows for a simulation that makes every hop. At 10^5 the floor is ${((perJoin * 1e5 * floor5) / 1e9).toFixed(1)} s. Ours reads more per hop than the bare walk: the receiving link's target and its word (delay, far link, closing), the node's link count and link row to count its links and pick one, its learned addresses (the rule learns every passing joiner, which is what lets a survivor of a mass failure find the network again), and the message object, each in a different place; see docs/membership.md for what was done and what is left.`,
    '',
  ].join('\n');
}
