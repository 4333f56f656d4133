/**
 * The viz server over HTTP on 127.0.0.1: serves the bundled page, answers a flood with the graph,
 * the trace and the same report `floodlab sim` gives, and answers bad input with a 400 and the
 * one-line reason.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSimulation } from '../../src/sim/run.ts';
import { startVizServer, type VizServer } from '../../src/viz/server.ts';
import type { FloodPayload } from '../../src/viz/types.ts';

const defaults = { n: 30, d: 4, topology: 'random-regular', protocol: 'flood', latency: 'constant', seed: '5', origin: '' };
let server: VizServer;

beforeAll(async () => {
  server = await startVizServer({ defaults });
}, 30_000);
afterAll(async () => {
  await server?.close();
});

describe('viz server', () => {
  it('listens on 127.0.0.1 and serves the page and its bundled script', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const html = await fetch(server.url);
    expect(html.headers.get('content-type')).toMatch(/text\/html/);
    expect(await html.text()).toContain('<script type="module" src="/main.js">');
    const js = await fetch(`${server.url}main.js`);
    expect(js.status).toBe(200);
    expect((await js.text()).length).toBeGreaterThan(10_000);
  });

  it("answers a flood with the graph, one SEND row per transmission, and sim's report", async () => {
    const res = await fetch(`${server.url}api/flood?n=40&d=4&seed=9&origin=3&protocol=flood-echo`);
    const body = (await res.json()) as FloodPayload;
    expect(body.graph.order).toBe(40);
    expect(body.graph.src.length).toBe(80);
    expect(body.trace.origin).toBe(3);
    expect(body.trace.kind.filter((k) => k === 0).length).toBe(2 * 80);
    const report = runSimulation({ nodes: 40, degree: 4, topology: 'random-regular', protocol: 'flood-echo', latency: 'constant', seed: '9', origin: '3', messages: 1 });
    expect(body.report).toEqual(JSON.parse(JSON.stringify(report, (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? null : v))));
  });

  it('answers bad input with 400 and the reason', async () => {
    for (const [query, reason] of [
      ['n=abc', "viz: n 'abc' is not allowed; expected an integer from 2 to 5000"],
      ['n=99999', "viz: n '99999' is not allowed; expected an integer from 2 to 5000"],
      ['protocol=nope', "protocol: unknown protocol 'nope'"],
      ['origin=77', "origin '77' is not a node"],
    ] as const) {
      const res = await fetch(`${server.url}api/flood?${query}`);
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: string }).error).toContain(reason);
    }
    expect((await fetch(`${server.url}nothing-here`)).status).toBe(404);
  });
});
