/**
 * Benchmark section for real nodes (issue 3): N = 10 and N = 50 nodes on a random 4-regular
 * graph, all in one process on 127.0.0.1: time for one message to reach every node, throughput of
 * a 1,000-message burst (checking nothing was lost or delivered twice), bytes per message per
 * link for a 5-byte text, peak RSS. Each N runs in a child process of its own so that its RSS is
 * its own. Runnable alone: `node --import tsx scripts/bench/real.ts` prints the section.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { startInProcess } from '../../src/real/cluster.ts';
import { DeliveryTracker } from '../../src/real/deliveries.ts';
import { floodBurst, floodEach, wire } from '../../src/real/launch.ts';
import { buildTopology } from '../../src/sim/topology/spec.ts';
import { median } from './machine.ts';
import { peakRssMb } from './peak-rss.js';

const RUNS = 3;
const WARMUP = 20;
const TIMED = 30;
const BURST = 1000;
const TEXT = 'hello';

interface Figures {
  readonly n: number;
  /** Per run: the median time (ms) of TIMED messages to reach all nodes. */
  readonly reachMs: number[];
  /** Per run: messages per second delivered to all nodes in a burst. */
  readonly rate: number[];
  readonly lost: number;
  readonly twice: number;
  readonly bytesPerSend: number;
  readonly rssMb: number;
}

/** Measures one N in this process; `signed` gives every node a key (signed messages and links). */
export async function measure(n: number, signed = false): Promise<Figures> {
  const graph = buildTopology('random-regular', { nodes: n, degree: 4, seed: 1 }).edges;
  const origins = (k: number): number[] => Array.from({ length: k }, (_, i) => i % n);
  const figures = { n, reachMs: [] as number[], rate: [] as number[], lost: 0, twice: 0, bytesPerSend: 0, rssMb: 0 };
  let bytes = 0;
  let sends = 0;
  for (let run = 0; run < RUNS; run++) {
    const tracker = new DeliveryTracker(n);
    const cluster = await startInProcess({ names: Array.from({ length: n }, (_, i) => `n${i}`), protocol: 'flood', onDeliver: tracker.record, signed });
    try {
      await wire(cluster, graph);
      await floodEach(cluster, graph, tracker, { origins: origins(WARMUP), text: () => TEXT });
      const timed = await floodEach(cluster, graph, tracker, { origins: origins(TIMED), text: () => TEXT });
      figures.reachMs.push(median(timed.map((m) => m.coverageMs)));
      for (const m of timed) {
        bytes += m.bytesOut;
        sends += m.sends;
      }
      const burst = await floodBurst(cluster, graph, tracker, { origins: origins(BURST), text: () => TEXT, messageTimeoutMs: 60_000 });
      figures.rate.push((burst.messages - burst.incomplete) / (burst.ms / 1000));
      figures.lost += burst.incomplete;
      figures.twice += burst.deliveredTwice;
    } finally {
      await cluster.close();
    }
  }
  figures.bytesPerSend = bytes / sends;
  figures.rssMb = peakRssMb();
  return figures;
}

const ms = (x: number): string => `${x.toFixed(2)} ms`;
const list = (xs: number[], f: (x: number) => string): string => xs.map(f).join(', ');

/** Runs the section (one child process per N) and returns its markdown. */
export async function benchReal(): Promise<string> {
  const self = fileURLToPath(import.meta.url);
  const root = fileURLToPath(new URL('../../', import.meta.url));
  const child = (n: number, signed: boolean): Figures =>
    JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', self, '--child', String(n), ...(signed ? ['--signed'] : [])], { cwd: root, encoding: 'utf8', timeout: 300_000 })) as Figures;
  const all: Figures[] = [10, 50].map((n) => child(n, false));
  // The same with every node keyed: Ed25519-signed messages (222 B for "hello") and signed handshakes.
  const signed: Figures[] = [10, 50].map((n) => child(n, true));
  const rows = [...all.map((f) => ({ f, label: String(f.n) })), ...signed.map((f) => ({ f, label: `${f.n}, signed` }))].map(({ f, label }) => {
    const reach = median(f.reachMs);
    const rate = median(f.rate);
    return `| ${label} | ${ms(reach)} (runs: ${list(f.reachMs, (x) => x.toFixed(2))}) | ${rate.toFixed(0)}/s (runs: ${list(f.rate, (x) => x.toFixed(0))}); lost ${f.lost}, delivered twice ${f.twice} | ${f.bytesPerSend.toFixed(1)} B | ${f.rssMb.toFixed(0)} MB |`;
  });
  const at50 = all.find((f) => f.n === 50)!;
  const verdict = (ok: boolean, target: string): string => (ok ? `met (${target})` : `**missed** (${target})`);
  return [
    '## Real nodes: flood over TCP on 127.0.0.1, random 4-regular, one process',
    '',
    `Each figure is the median of ${RUNS} runs, each on freshly started nodes. Time to reach all: the median over ${TIMED} messages sent one after another`,
    `(after ${WARMUP} warm-up messages), from the origin's send to the last node's first delivery. Throughput: ${BURST} messages sent back to back,`,
    `divided by the time until every node had every one of them. Bytes: frame bytes (4-byte length + JSON body) per send, text "${TEXT}".`,
    '',
    '| N | time to reach all | burst throughput | bytes per message per link | peak RSS |',
    '|---|---|---|---|---|',
    ...rows,
    '',
    '| at N = 50 | floodlab | target | libp2p floodsub | 100-line newline-JSON flood |',
    '|---|---|---|---|---|',
    `| time to reach all | ${ms(median(at50.reachMs))} | ${verdict(median(at50.reachMs) <= 3, '≤ 3 ms')} | 48 ms | 2.6 ms |`,
    `| messages per second, nothing lost | ${median(at50.rate).toFixed(0)}/s, lost ${at50.lost} | ${verdict(median(at50.rate) >= 3000 && at50.lost === 0, '≥ 3,000/s, none lost')} | 90/s | 2,100/s |`,
    `| bytes per message per link | ${at50.bytesPerSend.toFixed(1)} B | ${verdict(at50.bytesPerSend <= 80, '≤ 80 B')} | 350 B | 92 B |`,
    `| peak RSS (this N alone) | ${at50.rssMb.toFixed(0)} MB | — | 320 MB | — |`,
    '',
  ].join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const child = process.argv.indexOf('--child');
  if (child >= 0) process.stdout.write(JSON.stringify(await measure(Number(process.argv[child + 1]), process.argv.includes('--signed'))) + '\n');
  else process.stdout.write((await benchReal()) + '\n');
}
