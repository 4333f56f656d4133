/**
 * One big flood, stage by stage, meant to run alone in a child process so that its peak RSS is
 * its own: `node --import tsx scripts/bench/sweep-big.ts N D [SEED]` prints one JSON line with
 * the wall time (ms) and the RSS after each stage of what `floodlab sim` does, the process's
 * peak RSS, and the bytes the typed arrays of each stage hold.
 */
import { parseProtocol } from '../../src/core/protocols/index.ts';
import { simulate } from '../../src/sim/engine/engine.ts';
import { parseLatency } from '../../src/sim/latency.ts';
import { pickOrigins } from '../../src/sim/origins.ts';
import { seededRng } from '../../src/sim/random.ts';
import { csrComponents } from '../../src/sim/topology/components.ts';
import { toCsr } from '../../src/sim/topology/csr.ts';
import { buildTopology } from '../../src/sim/topology/spec.ts';
import { peakRssMb } from './peak-rss.js';

/** What the child reports. */
export interface BigRun {
  readonly nodes: number;
  readonly degree: number;
  readonly stages: readonly { readonly name: string; readonly ms: number; readonly rssMb: number; readonly arrayMb: number }[];
  readonly peakRssMb: number;
  readonly sends: number;
  readonly reached: number;
}

const mb = (bytes: number): number => bytes / 2 ** 20;
const arrays = (...xs: readonly ArrayBufferView[]): number => mb(xs.reduce((s, x) => s + x.byteLength, 0));

function main(): void {
  const [nodes, degree] = [Number(process.argv[2] ?? 1e7), Number(process.argv[3] ?? 8)];
  const seed = process.argv[4] ?? '1';
  const stages: { name: string; ms: number; rssMb: number; arrayMb: number }[] = [];
  const stage = <T>(name: string, fn: () => T, bytes: (x: T) => number): T => {
    const t = performance.now();
    const x = fn();
    stages.push({ name, ms: performance.now() - t, rssMb: mb(process.memoryUsage.rss()), arrayMb: bytes(x) });
    return x;
  };
  const topo = stage(
    'generate (random-regular)',
    () => buildTopology('random-regular', { nodes, degree, seed }),
    (t) => arrays(t.edges.src, t.edges.dst),
  );
  const csr = stage(
    'CSR (offsets, targets, twins)',
    () => toCsr(topo.edges),
    (c) => arrays(c.offsets, c.targets, c.twins),
  );
  const comps = stage(
    'components (union–find over the CSR)',
    () => csrComponents(csr),
    (c) => arrays(c.of, c.nodes, c.edges),
  );
  const origins = pickOrigins(csr.order, 1, undefined, undefined, seededRng(seed, 'origins'));
  const result = stage(
    'flood (engine, constant latency)',
    () => simulate(csr, parseProtocol('flood'), { latency: parseLatency('constant'), rng: seededRng(seed, 'engine'), origins }),
    (r) => arrays(r.sendsPerNode, r.duplicatesPerNode, r.firstHop, r.firstTime),
  );
  const m = result.perMessage[0]!;
  if (comps.count < 1) throw new Error('no component');
  const run: BigRun = { nodes, degree, stages, peakRssMb: peakRssMb(), sends: m.sends, reached: m.reached };
  process.stdout.write(JSON.stringify(run) + '\n');
}

main();
