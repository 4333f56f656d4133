/**
 * The launcher: real nodes wired as a generated graph, in this process and as child processes,
 * counts equal to the formulas, every node shut down afterwards (its port refuses connections).
 */
import { spawnSync } from 'node:child_process';
import { connect } from 'node:net';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DeliveryTracker } from '../../src/real/deliveries.ts';
import { floodEach, wire } from '../../src/real/launch.ts';
import { startProcesses } from '../../src/real/process-cluster.ts';
import { runLaunch } from '../../src/real/run-launch.ts';
import { buildTopology } from '../../src/sim/topology/spec.ts';
import { mismatches } from '../../src/cli/render/launch.ts';
import type { LaunchReport } from '../../src/real/run-launch.ts';
import type { SimReport } from '../../src/sim/run.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));

function refuses(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = connect(port, '127.0.0.1');
    s.once('connect', () => (s.destroy(), resolve(false)));
    s.once('error', () => resolve(true));
  });
}

describe('launch', () => {
  it('in one process: counts from the formula, coverage time and compact frames', async () => {
    const graph = buildTopology('ring', { nodes: 12, degree: 4, seed: 1 }).edges; // E = 24
    const report = await runLaunch({ graph, names: Array.from({ length: 12 }, (_, i) => `n${i}`), origins: [0, 5, 11], protocol: 'flood', timeoutMs: 10_000 });
    expect(report.perMessage.map((m) => m.sends)).toEqual([37, 37, 37]); // 2E − (N−1) = 48 − 11
    expect(report.perMessage.every((m) => m.reached === 12 && m.deliveredTwice === 0)).toBe(true);
    expect(report.perMessage.every((m) => m.coverageMs > 0)).toBe(true);
    expect(report.perMessage.every((m) => m.bytesOut / m.sends <= 80)).toBe(true);
    expect(report.perNode).toHaveLength(12);
  });

  it('as child processes: same counts, and every process and socket is gone afterwards', async () => {
    const graph = buildTopology('ring', { nodes: 4, degree: 2, seed: 1 }).edges; // a 4-cycle, E = 4
    const tracker = new DeliveryTracker(4);
    const cluster = await startProcesses({ names: ['p0', 'p1', 'p2', 'p3'], protocol: 'flood-echo', onDeliver: tracker.record, startTimeoutMs: 30_000 });
    const ports = cluster.handles.map((h) => h.port);
    try {
      await wire(cluster, graph, 10_000);
      const messages = await floodEach(cluster, graph, tracker, { origins: [0, 2], pollMs: 5, messageTimeoutMs: 10_000 });
      expect(messages.map((m) => m.sends)).toEqual([8, 8]); // 2E
      expect(messages.map((m) => m.reached)).toEqual([4, 4]);
    } finally {
      await cluster.close();
    }
    expect(await Promise.all(ports.map(refuses))).toEqual([true, true, true, true]);
  }, 40_000);

  it('flags a message whose real count differs from the simulator', () => {
    const real = {
      perMessage: [
        { sends: 61, reached: 20, origin: 3 },
        { sends: 60, reached: 20, origin: 4 },
      ],
    } as unknown as LaunchReport;
    const sim = {
      perMessage: [
        { sends: 61, reached: 20 },
        { sends: 61, reached: 20 },
      ],
    } as unknown as SimReport;
    expect(mismatches(real, sim)).toEqual(['message 1 from node 4: real 60 sends reaching 20 nodes, simulator 61 sends reaching 20']);
  });

  it('the CLI prints the table and OK, and refuses too many processes with exit 2', () => {
    const ok = spawnSync(process.execPath, ['bin/floodlab.js', 'launch', '-n', '10', '-d', '3', '-m', '2', '--seed', '4'], { cwd: root, encoding: 'utf8', timeout: 30_000 });
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/2E − \(N−1\) = 21 /); // N = 10, E = 15: 30 − 9
    expect(ok.stdout).toMatch(/^OK: real flood sent exactly what the simulator and the formula predict/m);
    const tooMany = spawnSync(process.execPath, ['bin/floodlab.js', 'launch', '-n', '201', '--processes'], { cwd: root, encoding: 'utf8', timeout: 30_000 });
    expect(tooMany.status).toBe(2);
    expect(tooMany.stderr.trim()).toBe('floodlab: launch: --processes starts one OS process per node; --nodes 201 is over the limit of 200 (drop --processes to run them in one process)');
  }, 40_000);
});
