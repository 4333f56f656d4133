/**
 * A user's own protocol, defined here and nowhere else, joins the registry with registerProtocol()
 * and then runs in sim, compare and launch over real nodes with no other edit: its closed form
 * (from its entry) fills the waste table's exact row and the expected count.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Msg } from '../../../src/core/message.ts';
import { parseProtocol, protocolList, registerProtocol, unregisterProtocol } from '../../../src/core/protocols/index.ts';
import type { Port, Protocol } from '../../../src/core/seam.ts';
import { countsAreExact, mismatches, renderLaunch } from '../../../src/cli/render/launch.ts';
import { renderSimReport } from '../../../src/cli/render/waste.ts';
import { runLaunch } from '../../../src/real/run-launch.ts';
import { compareProtocols } from '../../../src/sim/compare.ts';
import { runSimulation } from '../../../src/sim/run.ts';
import { buildTopology } from '../../../src/sim/topology/spec.ts';

/** Flood, but every copy is sent twice: 2·(2E − (N−1)) sends on a connected graph. */
function twice(name: string): Protocol {
  function receive(port: Port, fromLink: number, msg: Msg): void {
    if (!port.firstSight(msg.id)) return;
    port.deliver(msg);
    for (let link = 0; link < port.links; link++) {
      if (link === fromLink) continue;
      port.send(link, msg);
      port.send(link, msg);
    }
  }
  return { name, originate: (port, msg) => receive(port, -1, msg), receive };
}

beforeAll(() => {
  registerProtocol('twice', {
    usage: 'twice',
    summary: 'flood, every copy sent twice',
    exactSends: (n, e) => 2 * (2 * e - (n - 1)),
    exactFormula: '2(2E − (N−1))',
    exactMeaning: 'two copies on every link but the one the message came in on',
    make: () => twice('twice'),
  });
});
afterAll(() => unregisterProtocol('twice'));

describe('registerProtocol', () => {
  it('lists and parses the new rule, and refuses a taken or untypable name', () => {
    expect(protocolList().map((p) => p.name)).toContain('twice');
    expect(parseProtocol('twice').name).toBe('twice');
    expect(() => registerProtocol('flood', { usage: 'flood', summary: '', make: () => twice('flood') })).toThrow(/'flood' is already registered/);
    expect(() => registerProtocol('Bad Name', { usage: 'x', summary: '', make: () => twice('x') })).toThrow(/cannot be registered/);
  });

  it('runs in sim: exact count from its entry, its own row in the waste table', () => {
    // ring of 10, D = 4: E = 20, so 2·(40 − 9) = 62 sends per message.
    const r = runSimulation({ nodes: 10, degree: 4, topology: 'ring', protocol: 'twice', latency: 'constant', seed: '1', messages: 3 });
    expect(r.transmissionsTotal).toBe(3 * 62);
    expect(r.expectedTransmissionsTotal).toBe(3 * 62);
    expect(r.waste.rows.find((row) => row.what === 'twice: exact sends')).toMatchObject({ formula: '2(2E − (N−1))', value: 62, measured: 62 });
    expect(r.waste.rows.find((row) => row.formula === 'sends − (N−1)')).toMatchObject({ value: 62 - 9 });
    expect(renderSimReport(r)).toContain('twice: exact sends');
  });

  it('runs in compare beside the built-in rules', () => {
    const c = compareProtocols({ nodes: 10, degree: 4, topology: 'ring', latency: 'constant', seed: '1', messages: 2, protocols: ['flood', 'twice'], payloadBytes: 100 });
    const [flood, mine] = c.rows;
    expect(mine!.protocol).toBe('twice');
    expect(mine!.transmissionsPerMessage).toBe(2 * flood!.transmissionsPerMessage);
  });

  it('runs over real nodes on 127.0.0.1', async () => {
    const graph = buildTopology('ring', { nodes: 6, degree: 2, seed: 1 }).edges; // a 6-cycle: E = 6
    const report = await runLaunch({ graph, names: Array.from({ length: 6 }, (_, i) => `n${i}`), origins: [0], protocol: 'twice', timeoutMs: 10_000 });
    expect(report.perMessage.map((m) => m.sends)).toEqual([2 * (12 - 5)]);
    expect(report.perMessage[0]!.reached).toBe(6);
    // The launch renderer takes the formula from the entry, and counts its nouns.
    const sim = runSimulation({ nodes: 6, degree: 2, topology: 'ring', protocol: 'twice', latency: 'constant', seed: '1', messages: 1, origin: '0' });
    expect(countsAreExact('twice')).toBe(true);
    expect(mismatches(report, sim)).toEqual([]);
    const text = renderLaunch(report, sim);
    expect(text).toContain('N = 6 nodes, D = 2, E = 6 links');
    expect(text).toContain('2(2E − (N−1)) = 14');
  });
});
