/**
 * Grow mode in a real headless Chromium: the page loads `?mode=grow...`, plays the joins to the
 * settled network (where it pauses), then the kill and the repair to the end; its counters,
 * computed by replaying the trace, equal what `floodlab grow --json` prints for the same options:
 * links and components after growth; after repair, components and the flood's 2E − (N − 1) (from
 * the JSON's floodAfterRepair: transmissions per message over one component). Leaves
 * results/viz-grow.png. Skipped, with the reason printed, only where /usr/bin/chromium is missing.
 */
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startVizServer, type VizServer } from '../../src/viz/server.ts';
import { chromiumMissing, launchChromium } from './chromium.ts';

const missing = chromiumMissing();
if (missing) console.log(`grow browser test skipped: ${missing}`);

let server: VizServer | undefined;
let browser: Awaited<ReturnType<typeof launchChromium>> | undefined;

beforeAll(async () => {
  if (missing) return;
  server = await startVizServer({ defaults: { n: 60, d: 4, topology: 'random-regular', protocol: 'flood', latency: 'constant', seed: '1', origin: '' } });
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

interface GrowJson {
  edges: number;
  components: number;
  failure: { live: number; componentsAfterRepair: number; floodAfterRepair: { messages: number; transmissions: number } };
}

function growJson(n: number, want: number, overlay: string, kill: number, seed: string): GrowJson {
  const args = ['bin/floodlab.js', 'grow', '-n', String(n), '--want', String(want), '--overlay', overlay, '--kill', String(kill), '--seed', seed, '--json'];
  return JSON.parse(execFileSync('node', args, { encoding: 'utf8' }));
}

describe('grow mode in headless Chromium', () => {
  const cases: [number, number, string, number, string, string?][] = [
    [60, 4, 'blog', 0.3, '1', 'results/viz-grow.png'],
    [40, 4, 'hyparview', 0.5, '3'],
  ];
  for (const [n, want, overlay, kill, seed, screenshot] of cases) {
    it.runIf(!missing)(
      `${overlay} n=${n} want=${want} kill=${kill}: counters after growth and after repair equal floodlab grow --json`,
      async () => {
        const page = await browser!.context.newPage();
        const errors: string[] = [];
        page.on('pageerror', (e) => errors.push(e.message));
        await page.goto(`${server!.url}?mode=grow&n=${n}&want=${want}&overlay=${overlay}&kill=${kill}&seed=${seed}&speed=1000`);
        await page.waitForFunction(() => document.body.dataset['state'] === 'ready', null, { timeout: 30_000 });
        const read = async (id: string): Promise<number> => Number(await page.locator(`#${id}`).getAttribute('data-value'));
        expect(await read('live')).toBe(0);
        await page.click('#play');
        await page.waitForFunction(() => document.body.dataset['state'] === 'grown', null, { timeout: 30_000 });
        const grown = { live: await read('live'), links: await read('links'), components: await read('components'), cost: await read('flood-cost') };
        await page.click('#play');
        await page.waitForFunction(() => document.body.dataset['state'] === 'done', null, { timeout: 30_000 });
        const after = { live: await read('live'), links: await read('links'), components: await read('components'), cost: await read('flood-cost') };
        if (screenshot) await page.screenshot({ path: screenshot });
        expect(errors).toEqual([]);
        await page.close();

        const cli = growJson(n, want, overlay, kill, seed);
        expect(grown).toEqual({ live: n, links: cli.edges, components: cli.components, cost: cli.components === 1 ? 2 * cli.edges - (n - 1) : -1 });
        const f = cli.failure;
        expect(after.live).toBe(f.live);
        expect(after.live).toBe(n - Math.floor(kill * n));
        expect(after.components).toBe(f.componentsAfterRepair);
        if (f.componentsAfterRepair === 1) {
          // One component: every message cost 2E − (n − 1), so the page's E must give the same.
          expect(after.cost * f.floodAfterRepair.messages).toBe(f.floodAfterRepair.transmissions);
          expect(after.cost).toBe(2 * after.links - (after.live - 1));
        }
      },
      90_000,
    );
  }
});
