// `launch --go K` with the real Go program (built from test/fixtures/seed-go): Go nodes mixed into
// a launched network, counts on a path checked against the Go program's rule, what every node
// showed, and every Go process gone afterwards (also after a timeout); the CLI end to end.
import { spawnSync } from 'node:child_process';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { runMixedLaunch } from '../../../src/real/go-launch.ts';
import { pickGoNodes } from '../../../src/real/go-plan.ts';
import { findGoBinary, runningGoPids } from '../../../src/real/go-process.ts';
import type { LaunchGraph } from '../../../src/real/graph.ts';
import { buildTopology } from '../../../src/sim/topology/spec.ts';
import { seededRng } from '../../../src/sim/random.ts';
import { renderGoLaunch, splitSends } from '../../../src/cli/render/go-launch.ts';
import type { MixedLaunchReport } from '../../../src/real/go-launch.ts';
import { buildGoNode } from './build-go.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
let binary = '';
beforeAll(() => void (binary = buildGoNode()), 120_000);

const gone = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return false;
  } catch {
    return true;
  }
};

describe('pickGoNodes', () => {
  it('places K nodes with no two linked, the same for the same seed', () => {
    const graph = buildTopology('random-regular', { nodes: 30, degree: 4, seed: 3 }).edges;
    const go = pickGoNodes(graph, 5, seededRng('3', 'go'));
    expect(go).toHaveLength(5);
    expect(pickGoNodes(graph, 5, seededRng('3', 'go'))).toEqual(go);
    for (let e = 0; e < graph.size; e++) expect(go.includes(graph.src[e]!) && go.includes(graph.dst[e]!)).toBe(false);
  });

  it('refuses when the graph has no K nodes apart (a complete graph has one)', () => {
    const k4: LaunchGraph = { order: 4, size: 6, src: [0, 0, 0, 1, 1, 2], dst: [1, 2, 3, 2, 3, 3] };
    expect(() => pickGoNodes(k4, 2, seededRng('1', 'go'))).toThrow(/--go 2: found only 1 node of this graph with no link between them/);
    expect(() => pickGoNodes(k4, 4, seededRng('1', 'go'))).toThrow(/--go 4 must be from 1 to N − 1 = 3/);
  });
});

describe('the mixed launch report', () => {
  const report = (shown: number[], wrong: number[], goRaced: number[] = []): MixedLaunchReport => ({
    nodes: [
      { kind: 'floodlab', name: 'a', port: 40000, degree: 1 },
      { kind: 'go', name: 'go', port: 55555, degree: 2, pid: 123 },
      { kind: 'floodlab', name: 'b', port: 40001, degree: 1 },
    ],
    startMs: 1,
    wireMs: 1,
    perMessage: [{ origin: 0, text: 'message 0', id: 'x', sends: 1, received: 2, duplicates: 1, goSendsInferred: 2, shown, wrong, goRaced }],
    floodlabTotals: {
      sent: 1,
      received: 2,
      controlSent: 0,
      controlReceived: 0,
      duplicates: 1,
      delivered: 2,
      bytesIn: 0,
      bytesOut: 0,
      peers: 2,
      connected: 2,
      dropped: 0,
      seen: 1,
      badFrames: 0,
      badSignatures: 0,
      stale: 0,
      unsigned: 0,
      unverified: 0,
      hopLimited: 0,
      refused: 0,
    },
    allOnce: wrong.length === 0,
  });
  const about = { protocol: 'flood', topology: 'path', seed: '1' };

  it('splits floodlab sends by the inferred Go sends: receipts − Go sends went floodlab → floodlab, the rest to Go', () => {
    expect(splitSends(report([1, 1, 1], []).perMessage[0]!)).toEqual({ toFloodlab: 0, toGo: 1 });
  });

  it('names every node that did not show a message once', () => {
    expect(renderGoLaunch(report([1, 1, 1], []), about)).toMatch(/^OK: every node showed each of the 1 message exactly once\.$/m);
    const bad = renderGoLaunch(report([1, 0, 2], [1, 2]), about);
    // A path a – Go – b has no floodlab–floodlab link: under flood-echo all floodlab receipts came from the Go node.
    expect(renderGoLaunch(report([1, 1, 1], []), { ...about, protocol: 'flood-echo' })).toMatch(/2·E_ff = 0 times; floodlab received beyond that 2, equal to the Go sends inferred/);
    const raced = renderGoLaunch(report([1, 2, 1], [], [1]), about);
    expect(raced).toMatch(/^The Go program's own race, 1 time: a Go node showed a message more than once, each time from another link \(message 0 at node 1 \(2 times\)\)/m);
    expect(raced).toMatch(/^OK: every floodlab node showed each of the 1 message exactly once, and every Go node at least once/m);
    expect(bad).toMatch(/^NOT OK:\n {2}message 0: node 1 \(go\) showed it 0 times\n {2}message 0: node 2 \(floodlab\) showed it 2 times$/m);
  });
});

describe('launch --go with the real Go program', { timeout: 60_000 }, () => {
  it('a path floodlab – Go – floodlab: counts from the Go rule, each node shows each message once, no Go process left', async () => {
    // 0 dials the Go node 1 with gob; the Go node 1 dials 2 through its stdin `connect`.
    const graph: LaunchGraph = { order: 3, size: 2, src: [0, 1], dst: [1, 2] };
    const report = await runMixedLaunch({ graph, names: ['a', 'go', 'b'], origins: [0, 1, 2], protocol: 'flood', goNodes: [1], goBinary: binary, timeoutMs: 30_000 });
    // From a: a sends 1 (to the Go node), which sends to both links (2, inferred): a gets it back as a duplicate, b delivers and, under flood, sends nothing.
    // Typed at the Go node: it sends 2, a and b deliver and send nothing.
    expect(report.perMessage.map((m) => [m.sends, m.goSendsInferred, m.received, m.duplicates])).toEqual([
      [1, 2, 2, 1],
      [0, 2, 2, 0],
      [1, 2, 2, 1],
    ]);
    expect(report.perMessage.map((m) => m.shown)).toEqual([
      [1, 1, 1],
      [1, 0, 1],
      [1, 1, 1],
    ]);
    expect(report.perMessage[1]!.id).toMatch(/^g\d+$/); // the Go node's UniqueID, as floodlab names it
    expect(report.allOnce).toBe(true);
    expect(report.nodes[1]!.port).toBeGreaterThanOrEqual(55555);
    expect(gone(report.nodes[1]!.pid!)).toBe(true);
    expect(runningGoPids()).toEqual([]);
  });

  it('flood-echo: what floodlab received beyond its own 2·E(floodlab–floodlab) sends is the Go sends inferred', async () => {
    // Under flood-echo every floodlab node that sees a message writes it once on every link, so
    // floodlab–floodlab links carry it 2·E_ff times whatever the timing; every other receipt at a
    // floodlab node came from a Go node, which must be what the Go rule predicts.
    const graph = buildTopology('random-regular', { nodes: 8, degree: 3, seed: 5 }).edges; // E = 12
    const goNodes = pickGoNodes(graph, 2, seededRng('5', 'go'));
    const report = await runMixedLaunch({
      graph,
      names: Array.from({ length: 8 }, (_, i) => `n${i}`),
      origins: [goNodes[0]!, ...[0, 1, 2, 3, 4, 5, 6, 7].filter((i) => !goNodes.includes(i)).slice(0, 2), goNodes[1]!],
      protocol: 'flood-echo',
      goNodes,
      goBinary: binary,
      timeoutMs: 40_000,
    });
    const eff = 12 - 3 * goNodes.length; // Go nodes have 3 links each, none between them
    // Both Go nodes see each message: 3 + 3, plus 3 for each extra line a Go node printed when two links brought it at once (its race).
    const extra = report.perMessage.map((m) => goNodes.reduce((sum, g) => sum + Math.max(0, m.shown[g]! - 1), 0));
    expect(report.perMessage.map((m, k) => m.goSendsInferred - 3 * extra[k]!)).toEqual([6, 6, 6, 6]);
    expect(report.perMessage.map((m) => m.received - 2 * eff)).toEqual(report.perMessage.map((m) => m.goSendsInferred));
    expect(report.allOnce).toBe(true);
  });

  it('stops every Go process when the launch times out (or a Go node crashes)', async () => {
    const graph = buildTopology('random-regular', { nodes: 8, degree: 3, seed: 1 }).edges;
    const goNodes = pickGoNodes(graph, 2, seededRng('1', 'go'));
    const seen = new Set<number>();
    const sample = setInterval(() => runningGoPids().forEach((p) => seen.add(p)), 50);
    const origins = Array.from({ length: 100 }, (_, k) => k % 8); // each waits ≥ 400 ms for quiet: far over the limit
    await expect(runMixedLaunch({ graph, names: Array.from({ length: 8 }, (_, i) => `n${i}`), origins, protocol: 'flood', goNodes, goBinary: binary, timeoutMs: 3000 })).rejects.toThrow(
      // The time limit ends it, unless the Go program's own defect (unsynchronised maps under
      // concurrent traffic) crashes a Go node first: either way the launch must stop every Go node.
      /not finished after 3 s; every node was stopped|the Go node with pid \d+ exited during message/,
    );
    clearInterval(sample);
    expect(seen.size).toBe(2);
    expect([...seen].every(gone)).toBe(true);
    expect(runningGoPids()).toEqual([]);
  });

  it('the CLI: -n 8 -d 3 --go 2 --messages 3 shows every message once at every node, Go nodes included', () => {
    const out = spawnSync(process.execPath, ['bin/floodlab.js', 'launch', '-n', '8', '-d', '3', '--go', '2', '--messages', '3', '--go-bin', binary, '--timeout', '40'], {
      cwd: root,
      encoding: 'utf8',
      timeout: 50_000,
    });
    expect(out.stderr, out.stdout).toBe('');
    expect(out.status).toBe(0);
    expect(out.stdout).toMatch(/6 floodlab nodes in this process and 2 original Go nodes/);
    expect(out.stdout).toMatch(/\(Go, typed\)/); // at least one message typed at a Go node
    // Exactly once everywhere, or (rarely, under load) a Go node twice from two links at once: the Go program's own race, named as such.
    expect(out.stdout).toMatch(/^OK: every (node|floodlab node) showed each of the 3 messages exactly once/m);
    const pids = [...out.stdout.matchAll(/Go \(pid (\d+)\)/g)].map((m) => Number(m[1]));
    expect(pids).toHaveLength(2);
    expect(pids.every(gone)).toBe(true);
  });

  it('the CLI: without --go-bin and no seednode on PATH, one line saying how to build it, exit 2', () => {
    const out = spawnSync(process.execPath, ['bin/floodlab.js', 'launch', '-n', '8', '-d', '3', '--go', '2'], {
      cwd: root,
      encoding: 'utf8',
      timeout: 30_000,
      env: { ...process.env, PATH: dirname(process.execPath) },
    });
    expect(out.status).toBe(2);
    expect(out.stderr.trim().split('\n')).toHaveLength(1);
    expect(out.stderr).toMatch(
      /^floodlab: launch: --go needs the original Go program and there is no seednode on PATH and no --go-bin; build it from the repository's seed-go folder: .*go mod init seednode && go build/,
    );
    expect(() => findGoBinary('/nonexistent/seednode')).toThrow(/--go-bin \/nonexistent\/seednode is not an executable file/);
  });
});
