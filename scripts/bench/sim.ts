/**
 * Benchmark section for the simulator (issue: the main job). N = 10^6, D = 8, random-regular,
 * one message: generation, CSR, hop-synchronous and event-driven floods, the whole CLI run with
 * its peak RSS, and the graphology-plus-JS-queue approach at N = 10^5 for the ratio.
 */
import { UndirectedGraph } from 'graphology';
import { flood } from '../../src/core/protocols/flood.ts';
import { simulate } from '../../src/sim/engine/engine.ts';
import { randomRegular } from '../../src/sim/generators/random-regular.ts';
import { parseLatency } from '../../src/sim/latency.ts';
import { seededRng } from '../../src/sim/random.ts';
import { toCsr, type Csr } from '../../src/sim/topology/csr.ts';
import type { EdgeList } from '../../src/sim/topology/edge-list.ts';
import { execFileSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { runCli, timeMedian } from './machine.ts';
import { checkout, cliVersus, floodVersus, versusTable, type Versus } from './versus.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));

const RUNS = 3;
/** Floods are short and memory-bound, so noisier: more runs for a steadier median. */
const FLOOD_RUNS = 5;

const s = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
const verdict = (ms: number, target: number): string => (ms <= target ? `met (≤ ${s(target)})` : `**missed** (target ≤ ${s(target)})`);

/** What "a user writes first": a graphology graph and a JS array as the queue. */
function graphologyFlood(edges: EdgeList): { buildMs: number; floodMs: number; sends: number } {
  let t = performance.now();
  const g = new UndirectedGraph();
  for (let u = 0; u < edges.order; u++) g.addNode(u);
  for (let e = 0; e < edges.size; e++) g.addEdge(edges.src[e]!, edges.dst[e]!);
  const buildMs = performance.now() - t;
  t = performance.now();
  const seen = new Set<string>(['0']);
  const queue: [string, string | null][] = [['0', null]];
  let sends = 0;
  for (let i = 0; i < queue.length; i++) {
    const [u, from] = queue[i]!;
    g.forEachNeighbor(u, (v: string) => {
      if (v === from) return;
      sends++;
      if (!seen.has(v)) {
        seen.add(v);
        queue.push([v, u]);
      }
    });
  }
  return { buildMs, floodMs: performance.now() - t, sends };
}

/**
 * The floor under any flood on this CSR: a bare BFS with one byte per node and one queue entry
 * per node, no protocol and no per-node counts. The anchors' "CSR hop-sync JS" is this loop.
 */
function bareBfs(csr: Csr): number {
  const { offsets, targets } = csr;
  const seen = new Uint8Array(csr.order);
  const queue = new Int32Array(csr.order);
  let head = 0;
  let tail = 0;
  let sends = 0;
  seen[0] = 1;
  queue[tail++] = 0;
  while (head < tail) {
    const u = queue[head++]!;
    for (let h = offsets[u]!; h < offsets[u + 1]!; h++) {
      sends++;
      const v = targets[h]!;
      if (seen[v] === 0) {
        seen[v] = 1;
        queue[tail++] = v;
      }
    }
  }
  return sends;
}

/** Plain words on why the flood targets are missed: written by hand, checked against the figures. */
function missedWhy(ratio: number, cliMs: number, cliRss: number): string[] {
  return [
    '**Why the flood targets are missed.** The 0.3 s target comes from a bare hop-synchronous loop like the BFS',
    'above, and the 1.2 s one from a bare event-driven loop over the same calendar queue; neither runs a protocol',
    `or keeps per-node figures. floodlab's hop-synchronous flood is ${ratio.toFixed(1)}× the bare BFS measured here because it does`,
    'what the analyzer needs and the loop does not: it runs the core protocol through the Port seam for every node',
    'and every send (the same code real nodes run), and it records per node the first-receipt hop (4 B) and time',
    '(8 B), the sends and the duplicates (4 B each). Those are random accesses into 10^6-entry arrays, and the loop',
    "is memory-bound, so each extra array costs about as much as the BFS's own `seen` byte (dropping only the",
    'per-node duplicate counter saves about 0.15 s). The engine already queues only the copies that can arrive',
    'first (about one event per node, as the BFS does, instead of four): that took hop-synchronous from about',
    '0.83 s to 0.5–0.7 s and event-driven from about 1.85 s to 1.2–1.5 s. On this shared machine the same run',
    'varies by up to 30%. Going further would mean a flood-only loop beside the protocol seam, or per-node figures',
    'derived after the run; we chose one core and exact per-node figures over the target. The whole',
    cliMs <= 3000 && cliRss <= 400
      ? '`floodlab sim` run still meets its 3 s and 400 MB.'
      : `\`floodlab sim\` run took ${s(cliMs)} and ${cliRss.toFixed(0)} MB in this run, against its 3 s and 400 MB.`,
    '',
  ];
}

/** What a child measuring one flood reports: the time of each run and the sends made. */
interface FloodTimes {
  readonly ms: number;
  readonly all: number[];
  readonly sends: number;
}

/**
 * Times one flood (a latency model, or the bare BFS) in a fresh process, as a user's
 * `floodlab sim` run is: one process that ran several latency models would have made the
 * engine's queue call sites polymorphic, which costs up to 30% and is not what anyone runs.
 */
function floodInChild(n: number, d: number, what: string): FloodTimes {
  const self = fileURLToPath(import.meta.url);
  const out = execFileSync(process.execPath, ['--import', 'tsx', self, '--child', String(n), String(d), what], { cwd: root, encoding: 'utf8', timeout: 300_000 });
  return JSON.parse(out) as FloodTimes;
}

/** The child's side: build the same graph, run the flood RUNS times, print FloodTimes. */
function measureFlood(n: number, d: number, what: string): FloodTimes {
  const csr = toCsr(randomRegular({ order: n, degree: d, rng: seededRng(1, 'graph') }));
  const latency = what === 'bare-bfs' ? undefined : parseLatency(what);
  const t = timeMedian(FLOOD_RUNS, () => (latency ? simulate(csr, flood, { latency, rng: seededRng(1, 'engine'), origins: [0] }).perMessage[0]!.sends : bareBfs(csr)));
  return { ms: t.ms, all: t.all, sends: t.result };
}

/** Issue 10's targets for the general path: each protocol's whole run within 4× the flood's and 600 MB. */
function againstFlood(flood: Versus, others: readonly Versus[]): string {
  const parts = others.map((o) => {
    const x = o.current.ms / flood.current.ms;
    const ok = x <= 4 && o.current.rssMb <= 600;
    return `${o.what.replace(/^.*--json ?/, '').replace(/`$/, '')}: ${x.toFixed(1)}× the flood, ${o.current.rssMb.toFixed(0)} MB, ${ok ? 'met' : '**missed**'}`;
  });
  return `Against the targets (each whole run ≤ 4× the flood's and ≤ 600 MB): ${parts.join('; ')}.`;
}

/**
 * This commit against another (BENCH_AGAINST, default the previous commit) in the same run: the
 * engine-only floods and the whole CLI runs the issue names, from both trees in fresh processes.
 */
function versusSection(n: number, d: number): string[] {
  const prev = checkout(process.env['BENCH_AGAINST'] ?? 'HEAD~1');
  try {
    const big = ['sim', '-n', String(n), '-d', String(d), '--json'];
    const rows = [
      floodVersus(prev.dir, n, d, 'constant', FLOOD_RUNS),
      floodVersus(prev.dir, n, d, 'uniform:1-10', FLOOD_RUNS),
      cliVersus(prev.dir, big, RUNS),
      cliVersus(prev.dir, [...big, '--loss', '0.05'], RUNS),
      cliVersus(prev.dir, [...big, '--protocol', 'plumtree'], 1),
      cliVersus(prev.dir, [...big, '--protocol', 'announce'], 1),
    ];
    return [
      `### This commit against ${prev.commit}, measured in this run`,
      '',
      `Engine-only floods: median of ${FLOOD_RUNS} runs in one fresh process per tree; whole commands: median wall time of fresh processes run alternately from each tree (${RUNS} each; 1 for plumtree and announce), largest peak RSS. Set BENCH_AGAINST to compare with another commit.`,
      '',
      ...versusTable(prev.commit, rows),
      '',
      againstFlood(rows[2]!, rows.slice(3)),
      '',
    ];
  } finally {
    prev.remove();
  }
}

/** Runs the section and returns its markdown. */
export function benchSim(): string {
  const n = 1_000_000;
  const d = 8;
  const gen = timeMedian(RUNS, () => randomRegular({ order: n, degree: d, rng: seededRng(1, 'graph') }));
  const csrT = timeMedian(RUNS, () => toCsr(gen.result));
  const hop = floodInChild(n, d, 'constant');
  const evt = floodInChild(n, d, 'uniform:1-10');
  const bfs = floodInChild(n, d, 'bare-bfs');
  const sends = hop.sends;
  const cli = [0, 1, 2].map(() => runCli(['sim', '-n', String(n), '-d', String(d), '--json']));
  const cliMs = cli.map((c) => c.ms).sort((a, b) => a - b)[1]!;
  const cliRss = Math.max(...cli.map((c) => c.rssMb));

  const small = randomRegular({ order: 100_000, degree: d, rng: seededRng(1, 'graph') });
  const gl = [0, 1, 2].map(() => graphologyFlood(small));
  const glBuild = gl.map((x) => x.buildMs).sort((a, b) => a - b)[1]!;
  const glFlood = gl.map((x) => x.floodMs).sort((a, b) => a - b)[1]!;
  const smallCsr = timeMedian(RUNS, () => toCsr(small));
  const smallFlood = timeMedian(RUNS, () => simulate(smallCsr.result, flood, { latency: parseLatency('constant'), rng: seededRng(1, 'engine'), origins: [0] }));

  return [
    '## Simulator: N = 10^6, D = 8, random-regular, one message (`flood`)',
    '',
    `Median of ${RUNS} runs each (${FLOOD_RUNS} for the floods, each timed in a fresh process, as a user's run is). Exact sends measured ${sends.toLocaleString('en-US')} = 2E − (N−1) = ${(n * d - (n - 1)).toLocaleString('en-US')}.`,
    '',
    '| stage | measured | target | anchor on this machine kind |',
    '|---|---|---|---|',
    `| generation (random-regular, configuration model + switch repair) | ${s(gen.ms)} | ${verdict(gen.ms, 600)} | graphology build 25–30 s |`,
    `| CSR build (offsets, targets, twins) | ${s(csrT.ms)} | — | CSR build 0.41 s (JS), 0.24 s (C) |`,
    `| hop-synchronous flood (\`constant\` latency) | ${s(hop.ms)} | ${verdict(hop.ms, 300)} | CSR hop-sync JS 0.19–0.22 s, C 0.08–0.12 s |`,
    `| for scale: a bare BFS on the same CSR (no protocol, no per-node counts) | ${s(bfs.ms)} | — | the anchors' hop-sync loop |`,
    `| event-driven flood (\`uniform:1-10\`, calendar queue) | ${s(evt.ms)} | ${verdict(evt.ms, 1200)} | bucket queue JS 1.2 s, binary heap 2.7 s, PeerSim 21.8–31 s |`,
    `| whole \`floodlab sim -n 1000000 -d 8\` (wall, median of 3 processes) | ${s(cliMs)} | ${verdict(cliMs, 3000)} | — |`,
    `| its peak RSS | ${cliRss.toFixed(0)} MB | ${cliRss <= 400 ? 'met' : '**missed**'} (≤ 400 MB) | graphology 2.4 GB, PeerSim 0.77 GB |`,
    '| N = 10^7, D = 8 (one process) | see the sweep section below: time per stage and peak RSS | completes | — |',
    '',
    `Hop-synchronous flood ÷ bare BFS: ${(hop.ms / bfs.ms).toFixed(2)}× (goal ≤ 1.3×).`,
    '',
    ...versusSection(n, d),
    ...(hop.ms > 300 || evt.ms > 1200 ? missedWhy(hop.ms / bfs.ms, cliMs, cliRss) : []),
    '### The same flood the way a user writes it first, at N = 10^5 (measured in this run)',
    '',
    '| approach | build | flood |',
    '|---|---|---|',
    `| graphology graph + JS array queue | ${s(glBuild)} | ${s(glFlood)} |`,
    `| floodlab: CSR + engine running the core protocol | ${s(smallCsr.ms)} | ${s(smallFlood.ms)} |`,
    `| ratio | ${(glBuild / smallCsr.ms).toFixed(0)}× | ${(glFlood / smallFlood.ms).toFixed(1)}× |`,
    '',
  ].join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const child = process.argv.indexOf('--child');
  if (child >= 0) {
    const [n, d, what] = process.argv.slice(child + 1);
    process.stdout.write(JSON.stringify(measureFlood(Number(n), Number(d), what!)) + '\n');
  } else process.stdout.write(benchSim() + '\n');
}
