/**
 * Faults: parsing, the draw of failed nodes and links, and what they do to a run. Each claim is
 * checked on a graph where the answer is known: no loss changes nothing, total loss leaves only
 * the origin, failed nodes never deliver, coverage counts only the live component.
 */
import { describe, expect, it } from 'vitest';
import { parseProtocol } from '../../src/core/protocols/index.ts';
import { simulate } from '../../src/sim/engine/engine.ts';
import { NEVER, NO_FAULTS, parseFail, parseLoss, planFaults, type FaultPlan } from '../../src/sim/faults.ts';
import { parseLatency } from '../../src/sim/latency.ts';
import { pickLiveOrigins, reachableSizes } from '../../src/sim/live.ts';
import { seededRng } from '../../src/sim/random.ts';
import { toCsr } from '../../src/sim/topology/csr.ts';
import { edgeListFromPairs } from '../../src/sim/topology/edge-list.ts';
import { ringWithChords } from './graphs.ts';

const graph = toCsr(ringWithChords(100, 150, 9));
const ALL = ['flood', 'flood-echo', 'gossip:0.7', 'fanout:3', 'ttl:4', 'tree', 'plumtree', 'announce'];
const opts = (faults?: FaultPlan, origins = [0, 50, 25, 75]) => ({
  latency: parseLatency('uniform:1-5'),
  rng: seededRng(2, 'engine'),
  origins,
  lossSeed: '2',
  ...(faults ? { faults } : {}),
});
/** A plan by hand: these nodes down from message `from`. */
const downPlan = (csr: typeof graph, nodes: number[], from = 0, loss = 0, silent = false): FaultPlan => {
  const nodeDownFrom = new Int32Array(csr.order).fill(NEVER);
  for (const u of nodes) nodeDownFrom[u] = from;
  return { loss, silent, nodeDownFrom, linkDownFrom: new Int32Array(csr.targets.length).fill(NEVER), failedNodes: nodes.length, failedLinks: 0 };
};

describe('fault options', () => {
  it('parses loss and failures and names what is allowed', () => {
    expect(parseLoss('0.05')).toBe(0.05);
    expect(parseFail('--fail', '0.1')).toEqual({ fraction: 0.1, after: 0 });
    expect(parseFail('--fail', '0.25@10')).toEqual({ fraction: 0.25, after: 10 });
    expect(() => parseLoss('1.2')).toThrow(/--loss '1.2' is not allowed; expected a probability from 0 to 1/);
    expect(() => parseFail('--fail', '1')).toThrow(/--fail '1' is not allowed; expected F or F@K/);
    expect(() => parseFail('--fail-links', '0.1@x')).toThrow(/--fail-links '0.1@x'/);
  });

  it('fails exactly round(F·N) nodes and round(F·E) links, never a protected node, the same for the same seed', () => {
    const spec = { ...NO_FAULTS, failNodes: 0.13, failLinks: 0.2, failLinksAfter: 3 };
    const a = planFaults(graph, spec, 's', [7]);
    expect(a.nodeDownFrom.filter((x) => x === 0).length).toBe(13);
    expect(a.nodeDownFrom[7]).toBe(NEVER);
    expect(a.linkDownFrom.filter((x) => x === 3).length).toBe(2 * Math.round(0.2 * graph.size));
    for (let h = 0; h < graph.targets.length; h++) expect(a.linkDownFrom[h]).toBe(a.linkDownFrom[graph.twins[h]!]);
    expect(planFaults(graph, spec, 's', [7])).toEqual(a);
    expect(planFaults(graph, spec, 't', [7]).nodeDownFrom).not.toEqual(a.nodeDownFrom);
  });
});

describe('faults in a run', () => {
  it('loss 0 is no loss: every protocol gives exactly the healthy counts', () => {
    const none = { ...downPlan(graph, []), loss: 0 };
    for (const spec of ALL) {
      const healthy = simulate(graph, parseProtocol(spec), opts());
      expect(simulate(graph, parseProtocol(spec), opts(none)).perMessage, spec).toEqual(healthy.perMessage);
    }
  });

  it('loss 1 leaves every message at its origin, and every transmission is lost', () => {
    for (const spec of ALL) {
      const r = simulate(graph, parseProtocol(spec), opts(downPlan(graph, [], 0, 1)));
      for (const m of r.perMessage) {
        expect(m.reached, spec).toBe(1);
        expect(m.lost).toBe(m.sends + m.control);
      }
    }
  });

  it('failed nodes never deliver, detected or silent', () => {
    const failed = [3, 10, 11, 40, 66, 90];
    for (const silent of [false, true]) {
      for (const spec of ALL) {
        const r = simulate(graph, parseProtocol(spec), opts(downPlan(graph, failed, 0, 0, silent)));
        for (const u of failed) expect(r.firstHop[u], spec).toBe(-1);
        for (const m of r.perMessage) expect(m.reached).toBeLessThanOrEqual(graph.order - failed.length);
      }
    }
  });

  it('a detected failure refuses sends to the failed node; a silent one counts them, lost', () => {
    // star: hub 0 with leaves 1..5; leaf 5 down. Flood from leaf 1: 1→0, then 0→2,3,4 (and 0→5)
    const star = toCsr(
      edgeListFromPairs(6, [
        [0, 1],
        [0, 2],
        [0, 3],
        [0, 4],
        [0, 5],
      ]),
    );
    const detected = simulate(star, parseProtocol('flood'), opts(downPlan(star, [5]), [1])).perMessage[0]!;
    expect(detected).toMatchObject({ sends: 4, lost: 0, reached: 5 });
    const silent = simulate(star, parseProtocol('flood'), opts(downPlan(star, [5], 0, 0, true), [1])).perMessage[0]!;
    expect(silent).toMatchObject({ sends: 5, lost: 1, reached: 5 });
    // flood over the live graph sends 2E' − (N'−1) when failures are detected
    const failed = [3, 10, 11, 40, 66, 90];
    const plan = downPlan(graph, failed);
    const live = reachableSizes(graph, plan, [0]);
    const r = simulate(graph, parseProtocol('flood'), opts(plan, [0])).perMessage[0]!;
    expect(r.sends).toBe(2 * live[0]!.edges - (live[0]!.nodes - 1));
  });

  it('counts coverage against the live nodes of the origin’s component', () => {
    // path 0─1─2─3─4 with 2 down: from 0 only {0, 1} can be reached
    const path = toCsr(
      edgeListFromPairs(5, [
        [0, 1],
        [1, 2],
        [2, 3],
        [3, 4],
      ]),
    );
    const plan = downPlan(path, [2]);
    const r = simulate(path, parseProtocol('flood'), { ...opts(plan, [0, 4]) });
    expect(r.perMessage.map((m) => m.reached)).toEqual([2, 2]);
    expect(reachableSizes(path, plan, [0, 4])).toEqual([
      { nodes: 2, edges: 1 },
      { nodes: 2, edges: 1 },
    ]);
    // a failed link cuts a cycle into a path: still all 4; two cut it in two
    const cycle = toCsr(
      edgeListFromPairs(4, [
        [0, 1],
        [1, 2],
        [2, 3],
        [3, 0],
      ]),
    );
    const links = (hs: number[]) => ({ ...downPlan(cycle, []), linkDownFrom: Int32Array.from(cycle.targets, (_, h) => (hs.includes(h) || hs.includes(cycle.twins[h]!) ? 0 : NEVER)) });
    expect(reachableSizes(cycle, links([0]), [0])[0]!.nodes).toBe(4);
    const h12 = cycle.offsets[1]! + 1; // node 1's second link: to 2
    expect(cycle.targets[h12]).toBe(2);
    expect(reachableSizes(cycle, links([0, h12]), [1])[0]!.nodes).toBe(1);
  });

  it('nodes failing after K messages: the first K messages reach everyone, later ones the live nodes', () => {
    const plan = downPlan(graph, [1, 2, 3, 4, 5], 2);
    const r = simulate(graph, parseProtocol('flood'), opts(plan));
    const live = reachableSizes(graph, plan, [0, 50, 25, 75]).map((c) => c.nodes);
    expect(live).toEqual([100, 100, 95, 95]);
    expect(r.perMessage.map((m) => m.reached)).toEqual(live);
  });

  it('draws random origins among live nodes only', () => {
    const plan = downPlan(
      graph,
      Array.from({ length: 50 }, (_, i) => 2 * i),
    );
    const o = pickLiveOrigins(graph.order, 200, undefined, undefined, seededRng(1, 'origins'), plan);
    expect(o.every((u) => u % 2 === 1)).toBe(true);
  });
});

describe('plumtree under failures', () => {
  it('regains full coverage of the live component at once, then stops grafting', () => {
    const origins = Array.from({ length: 30 }, (_, i) => (i * 31 + 1) % 100).map((u) => (u % 10 === 0 ? u + 1 : u));
    // after 10 messages the tree has settled; then nodes 0, 10, ..., 90 fail
    const plan = downPlan(
      graph,
      Array.from({ length: 10 }, (_, i) => 10 * i),
      10,
    );
    const r = simulate(graph, parseProtocol('plumtree'), opts(plan, origins));
    const live = reachableSizes(graph, plan, origins);
    r.perMessage.forEach((m, k) => expect(m.reached, `message ${k}`).toBe(live[k]!.nodes));
    expect(r.perMessage[10]!.controlByType['graft']).toBeGreaterThan(0);
    expect(r.perMessage.slice(-5).every((m) => (m.controlByType['graft'] ?? 0) === 0)).toBe(true);
    // tree, by contrast, loses the subtrees below the failed nodes
    const t = simulate(graph, parseProtocol('tree'), opts(plan, origins));
    expect(t.perMessage.slice(10).some((m, i) => m.reached < live[10 + i]!.nodes)).toBe(true);
  });
});
