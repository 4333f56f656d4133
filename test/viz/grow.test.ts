/**
 * Grow mode's server side: `/api/grow` records the run with the same runner as `floodlab grow`
 * (the observer changes nothing), the replayed trace ends on exactly the overlay grow() and
 * killAndRepair() leave, the replay's counters add up, and bad queries get a 400 with one line.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { killAndRepair } from '../../src/sim/grow/failure.ts';
import { grow, overlayEdges } from '../../src/sim/grow/grow.ts';
import type { EdgeList } from '../../src/sim/topology/edge-list.ts';
import { recordGrow } from '../../src/viz/grow-trace.ts';
import type { GrowPayload } from '../../src/viz/grow-types.ts';
import { CRASHED, GrowPlayer, LIVE } from '../../src/viz/page/grow/replay.ts';
import { startVizServer, type VizServer } from '../../src/viz/server.ts';

let server: VizServer;
beforeAll(async () => {
  server = await startVizServer({ defaults: { n: 30, d: 4, topology: 'random-regular', protocol: 'flood', latency: 'constant', seed: '5', origin: '' } });
}, 30_000);
afterAll(async () => {
  await server?.close();
});

/** Edge keys lo-hi, sorted; `ids` maps an edge list's renumbered nodes back to node ids. */
function keys(g: EdgeList, ids?: number[]): string[] {
  const out: string[] = [];
  for (let e = 0; e < g.size; e++) {
    const a = ids ? ids[g.src[e]!]! : g.src[e]!;
    const b = ids ? ids[g.dst[e]!]! : g.dst[e]!;
    out.push(`${Math.min(a, b)}-${Math.max(a, b)}`);
  }
  return out.sort();
}

function replayed(p: GrowPlayer): string[] {
  return [...p.edges].map((k) => `${Math.floor(k / p.order)}-${k % p.order}`).sort();
}

describe('/api/grow', () => {
  it('serves grow mode at /?mode=grow and the flood page at /', async () => {
    expect(await (await fetch(`${server.url}?mode=grow`)).text()).toContain('id="grow-canvas"');
    expect(await (await fetch(server.url)).text()).toContain('id="graph"');
    expect((await fetch(`${server.url}grow.css`)).status).toBe(200);
  });

  for (const overlay of ['blog', 'hyparview']) {
    it(`${overlay}, no kill: the trace ends on grow()'s edges for the same options and seed`, async () => {
      const body = (await (await fetch(`${server.url}api/grow?n=50&want=4&overlay=${overlay}&kill=0&seed=7`)).json()) as GrowPayload;
      const r = grow({ nodes: 50, want: 4, overlay, entry: 'first', seed: '7' });
      const p = new GrowPlayer(body.order, body.trace);
      p.advanceTo(p.length);
      expect(p.cursor).toBe(body.trace.grownAt);
      expect(replayed(p)).toEqual(keys(r.edges));
      expect(p.live).toBe(50);
      expect(p.links).toBe(r.edges.size);
      expect(p.messages).toBe(r.membership.total);
      expect(Object.fromEntries(body.trace.messageTypes.map((t, k) => [t, p.byType[k]]))).toEqual(r.membership.byType);
      expect(body.figures.grown.edges).toBe(r.edges.size);
      expect(body.x.length).toBe(50);
    });
  }

  it('with a kill: the trace ends on the overlay killAndRepair() leaves, ⌊F·n⌋ crashed', () => {
    for (const overlay of ['blog', 'hyparview']) {
      const q = { n: 80, want: 4, overlay, entry: 'random' as const, kill: 0.4, seed: '3' };
      const rec = recordGrow(q);
      const r = grow({ nodes: 80, want: 4, overlay, entry: 'random', seed: '3' });
      const f = killAndRepair(r.net, 4, 0.4, 10, '3');
      const ids: number[] = [];
      for (let u = 0; u < 80; u++) if (r.net.alive(u)) ids.push(u);
      const p = new GrowPlayer(80, rec.trace);
      p.advanceTo(p.length);
      expect(p.crashed).toBe(32);
      expect(p.live).toBe(f.live);
      expect(replayed(p)).toEqual(keys(overlayEdges(r.net), ids));
      expect(p.components()).toBe(f.componentsAfterRepair);
      expect(rec.figures.failure?.repairMessages).toBe(f.repairMessages);
      // Crashed nodes keep no links; live degrees add up to 2E.
      let sum = 0;
      for (let u = 0; u < 80; u++) {
        if (p.status[u] === CRASHED) expect(p.degree[u]).toBe(0);
        if (p.status[u] === LIVE) sum += p.degree[u]!;
      }
      expect(sum).toBe(2 * p.links);
    }
  });

  it('the observer changes nothing: the same run with and without it', () => {
    const plain = grow({ nodes: 70, want: 5, overlay: 'hyparview', entry: 'first', seed: '11' });
    const watched = recordGrow({ n: 70, want: 5, overlay: 'hyparview', entry: 'first', kill: 0, seed: '11' });
    expect(watched.grownEdges.size).toBe(plain.edges.size);
    expect(keys(watched.grownEdges as EdgeList)).toEqual(keys(plain.edges));
    expect(watched.figures.grown.membershipMessages).toBe(plain.membership.total);
  });

  it('answers bad grow queries with 400 and one line naming the key', async () => {
    for (const [query, reason] of [
      ['n=301', "viz: n '301' is not allowed; expected an integer from 2 to 300"],
      ['n=abc', "viz: n 'abc' is not allowed"],
      ['want=0', "viz: want '0' is not allowed; expected an integer from 1 to 20"],
      ['n=5&want=5', 'viz: want 5 with n 5; need want < n'],
      ['overlay=scamp', "viz: overlay 'scamp' is not one of blog, hyparview"],
      ['entry=last', "viz: entry 'last' is not one of first, random"],
      ['kill=0.95', "viz: kill '0.95' is not allowed; expected a number from 0 to 0.9"],
      ['kill=-1', "viz: kill '-1' is not allowed"],
    ] as const) {
      const res = await fetch(`${server.url}api/grow?${query}`);
      expect(res.status).toBe(400);
      const error = ((await res.json()) as { error: string }).error;
      expect(error).toContain(reason);
      expect(error).not.toContain('\n');
    }
  });
});
