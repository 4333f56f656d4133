/**
 * Attacks by volume: one authenticated peer sending as fast as it can (it was relayed at 100,000
 * messages a second with no limit), and a victim whose stdout nobody reads (it buffered without
 * bound, 97 → 182 MB).
 *
 *   h1 ── victim ── h2        mallory ──► victim (the flood)
 */
import { afterEach, describe, expect, it } from 'vitest';
import { generateNodeKey } from '../../../src/real/trust/keys.ts';
import { signMessage } from '../../../src/real/trust/signed.ts';
import { startCliNode, stopAll } from '../cli-node.ts';
import { closeAll, testNode, until } from '../nodes.ts';
import { cleanup, intruder, rssMb, signedBody } from './attacker.ts';

afterEach(async () => {
  cleanup();
  await closeAll();
  await stopAll();
});

describe('attack: volume', () => {
  it("one peer's flood is held to its token bucket while honest chat passes", async () => {
    const rate = 500;
    const burst = 1000;
    const victim = await testNode('victim', { key: generateNodeKey(), limits: { budget: { messages: { ratePerSec: rate, burst }, bytes: { ratePerSec: 1e9, burst: 1e9 } } } });
    const [h1, h2] = await Promise.all([testNode('h1', { key: generateNodeKey() }), testNode('h2', { key: generateNodeKey() })]);
    h1.node.connect('127.0.0.1', victim.node.port);
    h2.node.connect('127.0.0.1', victim.node.port);
    await until(() => victim.node.stats().connected === 2, 'honest links');
    const mallory = await intruder(victim.node.port, 'mallory');
    const now = Date.now();
    const flood = Array.from({ length: 5000 }, (_, i) => signedBody(signMessage(mallory.key, 'mallory', `spam ${i}`, now + i), 1));
    const start = performance.now();
    for (const body of flood) mallory.send(body);
    h1.node.originate('honest line');
    await until(() => h2.got.some((m) => m.text === 'honest line'), 'the honest line through the flood', 3000);
    await new Promise((r) => setTimeout(r, 1000));
    const elapsed = (performance.now() - start) / 1000;
    const fromMallory = victim.got.filter((m) => m.origin === 'mallory').length;
    // Burst + rate × time, plus one read's worth of frames (the bucket is charged after a chunk
    // is read; a 64 KiB chunk holds at most 64 KiB / 230 B < 300 of these frames).
    expect(fromMallory).toBeLessThanOrEqual(burst + rate * elapsed + 300);
    expect(fromMallory).toBeLessThan(5000);
    expect(victim.node.stats().connected).toBe(3);
  }, 20_000);

  it('a victim whose stdout is not read keeps a bounded queue, stays under 150 MB, and summarises what it skipped', async () => {
    const victim = await startCliNode('--name', 'victim');
    victim.proc.stdout.pause(); // nobody reads: the pipe fills, then the victim's own writes back up
    const [h1, h2] = await Promise.all([testNode('h1', { key: generateNodeKey() }), testNode('h2', { key: generateNodeKey() })]);
    h1.node.connect('127.0.0.1', victim.port);
    h2.node.connect('127.0.0.1', victim.port);
    await until(() => h1.node.stats().connected === 1 && h2.node.stats().connected === 1, 'honest links', 10_000);
    const text = 'y'.repeat(2000);
    let peak = 0;
    // 3,000 lines of 2 KB (6 MB, 6 times the output bound), in batches of 250 (0.5 MB) so h1's own 4 MiB write cap is never hit.
    for (let sent = 0; sent < 3000; ) {
      for (let k = 0; k < 250; k++, sent++) h1.node.originate(`${sent} ${text}`);
      await until(() => h2.got.length >= sent - 250, `h2 to keep up (${sent} sent)`, 10_000);
      peak = Math.max(peak, rssMb(victim.proc.pid!));
    }
    await until(() => h2.got.length === 3000, 'all 3,000 through the victim to h2', 10_000);
    peak = Math.max(peak, rssMb(victim.proc.pid!));
    expect(peak).toBeLessThanOrEqual(150);
    victim.proc.stdout.resume();
    expect(await victim.waitLine(/^… [\d,]+ lines skipped \(output was not being read\)$/, 10_000)).toBeTruthy();
  }, 60_000);
});
