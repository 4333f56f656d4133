/**
 * The page in a real headless Chromium: it loads, the flood plays to the end, and the counters
 * the page computed by replaying the trace equal what `floodlab sim --json` prints for the same
 * N, D, topology, protocol, latency, seed and origin. Leaves a screenshot in results/.
 * Skipped, with the reason printed, only where /usr/bin/chromium cannot be had.
 */
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startVizServer, type VizServer } from '../../src/viz/server.ts';
import { chromiumMissing, launchChromium } from './chromium.ts';

const missing = chromiumMissing();
if (missing) console.log(`browser test skipped: ${missing}`);

const defaults = { n: 60, d: 4, topology: 'random-regular', protocol: 'flood', latency: 'constant', seed: '1', origin: '' };
let server: VizServer | undefined;
let browser: Awaited<ReturnType<typeof launchChromium>> | undefined;

beforeAll(async () => {
  if (missing) return;
  server = await startVizServer({ defaults });
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

interface Settings {
  n: number;
  d: number;
  topology: string;
  protocol: string;
  latency: string;
  seed: string;
  origin: number;
}

function simJson(s: Settings): { transmissions: number; reached: number; duplicates: number; ldh: number; duplicatesPerNode: { mean: number; max: number }; waste: { rows: unknown[] } } {
  const args = [
    'bin/floodlab.js',
    'sim',
    '-n',
    String(s.n),
    '-d',
    String(s.d),
    '--topology',
    s.topology,
    '--protocol',
    s.protocol,
    '--latency',
    s.latency,
    '--seed',
    s.seed,
    '--origin',
    String(s.origin),
    '--json',
  ];
  return JSON.parse(execFileSync('node', args, { encoding: 'utf8' }));
}

async function playToEnd(s: Settings, screenshot?: string): Promise<Record<string, number>> {
  const page = await browser!.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const query = new URLSearchParams({ n: String(s.n), d: String(s.d), topology: s.topology, protocol: s.protocol, latency: s.latency, seed: s.seed, origin: String(s.origin), speed: '60' });
  await page.goto(`${server!.url}?${query}`);
  await page.waitForFunction(() => document.body.dataset['state'] === 'ready', null, { timeout: 20_000 });
  expect(await page.locator('#events').getAttribute('data-value')).toBe('0');
  await page.click('#play');
  await page.waitForFunction(() => document.body.dataset['state'] === 'done', null, { timeout: 30_000 });
  const read = async (id: string): Promise<number> => Number(await page.locator(`#${id}`).getAttribute('data-value'));
  const counters = {
    sends: await read('sends'),
    reached: await read('reached'),
    duplicates: await read('duplicates'),
    ldh: await read('ldh'),
    dupMean: await read('dup-mean'),
    dupMax: await read('dup-max'),
    wasteRows: await page.locator('#waste-table tbody tr').count(),
  };
  if (screenshot) {
    await page.waitForTimeout(600); // let the last duplicate flashes fade
    await page.screenshot({ path: screenshot, fullPage: true });
  }
  expect(errors).toEqual([]);
  await page.close();
  return counters;
}

describe('the viz page in headless Chromium', () => {
  it.runIf(!missing)(
    'clicking a node floods from there: the origin changes, the count is 2E − (N−1) again',
    async () => {
      const page = await browser!.context.newPage();
      await page.goto(`${server!.url}?n=60&d=4&seed=1&origin=0&speed=60`);
      await page.waitForFunction(() => document.body.dataset['state'] === 'ready', null, { timeout: 20_000 });
      const at = await page.evaluate(() => (globalThis as unknown as { floodlab: { nodePosition(n: number): { x: number; y: number } } }).floodlab.nodePosition(7));
      const box = (await page.locator('#graph').boundingBox())!;
      await page.mouse.click(box.x + at.x, box.y + at.y);
      await page.waitForFunction(() => document.body.dataset['state'] === 'done', null, { timeout: 30_000 });
      expect(await page.inputValue('input[name=origin]')).toBe('7');
      expect(page.url()).toContain('origin=7');
      expect(await page.locator('#sends').getAttribute('data-value')).toBe(String(2 * 120 - 59));
      await page.close();
    },
    60_000,
  );

  const cases: [Settings, string?][] = [
    [{ n: 60, d: 4, topology: 'random-regular', protocol: 'flood', latency: 'constant', seed: '1', origin: 0 }, 'results/viz-flood.png'],
    [{ n: 90, d: 6, topology: 'watts-strogatz:0.2', protocol: 'flood-echo', latency: 'uniform:1-9', seed: '4', origin: 17 }],
  ];
  for (const [settings, screenshot] of cases) {
    it.runIf(!missing)(
      `${settings.protocol} over ${settings.topology}, N=${settings.n}, D=${settings.d}, latency ${settings.latency}: the page's counters equal floodlab sim --json`,
      async () => {
        const page = await playToEnd(settings, screenshot);
        const sim = simJson(settings);
        expect(page).toEqual({
          sends: sim.transmissions,
          reached: sim.reached,
          duplicates: sim.duplicates,
          ldh: sim.ldh,
          dupMean: sim.duplicatesPerNode.mean,
          dupMax: sim.duplicatesPerNode.max,
          wasteRows: sim.waste.rows.length,
        });
      },
      60_000,
    );
  }
});
