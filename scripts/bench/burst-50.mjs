// Child of the start-up and memory section (startup.ts): 50 real nodes in this one process, on
// the built JavaScript as a user's program runs them (floodlab/real, and the graph from
// floodlab/sim's buildTopology: the entries a program of real nodes needs, from dist/, no
// TypeScript loader), through the real-node section's burst: the same random 4-regular graph,
// 20 warm-up messages, then 1,000 sent back to back, RUNS times on fresh nodes (default 3):
//   node scripts/bench/burst-50.mjs N [RUNS]
// Prints one JSON line:
// peak RSS (MB), burst rates, messages lost and delivered twice.
import { buildTopology } from '../../dist/sim/index.js';
import { DeliveryTracker, floodBurst, floodEach, startInProcess, wire } from '../../dist/real/index.js';
import { peakRssMb } from './peak-rss.js';

const N = Number(process.argv[2] ?? 50);
const RUNS = Number(process.argv[3] ?? 3);
const graph = buildTopology('random-regular', { nodes: N, degree: 4, seed: 1 }).edges;
const origins = (k) => Array.from({ length: k }, (_, i) => i % N);
const rate = [];
let lost = 0;
let twice = 0;
for (let run = 0; run < RUNS; run++) {
  const tracker = new DeliveryTracker(N);
  const cluster = await startInProcess({ names: Array.from({ length: N }, (_, i) => `n${i}`), protocol: 'flood', onDeliver: tracker.record });
  try {
    await wire(cluster, graph);
    await floodEach(cluster, graph, tracker, { origins: origins(20), text: () => 'hello' });
    const burst = await floodBurst(cluster, graph, tracker, { origins: origins(1000), text: () => 'hello', messageTimeoutMs: 60_000 });
    rate.push((burst.messages - burst.incomplete) / (burst.ms / 1000));
    lost += burst.incomplete;
    twice += burst.deliveredTwice;
  } finally {
    await cluster.close();
  }
}
process.stdout.write(JSON.stringify({ n: N, rssMb: peakRssMb(), rate, lost, twice }) + '\n');
