// One membership benchmark in a process of its own (so its peak RSS is its own), run by
// scripts/bench/membership.ts on the built JavaScript, as users run it (no TypeScript loader):
//   node scripts/bench/membership-run.mjs grow|kill N OVERLAY
// Prints one JSON line: wall ms of the grow (and of the kill through repair), messages, peak RSS.
import { killAndRepair } from '../../dist/sim/grow/failure.js';
import { grow } from '../../dist/sim/grow/grow.js';
import { peakRssMb } from './peak-rss.js';

const [what, nText, overlay] = process.argv.slice(2);
const nodes = Number(nText);
let t = performance.now();
const r = grow({ nodes, want: 5, overlay: overlay ?? 'blog', seed: 1 });
const growMs = performance.now() - t;
let killMs = null;
let repairTimeMs = null;
let repairMessages = null;
if (what === 'kill') {
  t = performance.now();
  const f = killAndRepair(r.net, 5, 0.5, 1, 1);
  killMs = performance.now() - t;
  repairTimeMs = f.repairTimeMs;
  repairMessages = f.repairMessages;
}
const rssMb = peakRssMb();
process.stdout.write(
  JSON.stringify({ nodes, overlay, growMs, messages: r.membership.total, settled: r.settled, killMs, repairTimeMs, repairMessages, rssMb, cpuMs: process.cpuUsage().user / 1000 }) + '\n',
);
