/**
 * Attacks on message identity: racing n1's ids to another node with other text (id hijack), and
 * replaying a message once the victim's seen cache has forgotten its id (by count or by age).
 *
 *   id hijack:   n1 ── n2 ── n5          mallory hears n1 directly and races every id to n5
 *                 └── mallory ──┘         with other text, ahead of the genuine copy via n2
 */
import { afterEach, describe, expect, it } from 'vitest';
import { generateNodeKey } from '../../../src/real/trust/keys.ts';
import { closeAll, testNode, until } from '../nodes.ts';
import { cleanup, intruder } from './attacker.ts';

afterEach(async () => {
  cleanup();
  await closeAll();
});

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

describe('attack: id hijack', () => {
  it("n5 shows all 20 of n1's lines as written, none forged, and drops mallory after repeated forgeries", async () => {
    const [n1, n2, n5] = await Promise.all(['n1', 'n2', 'n5'].map((n) => testNode(n, { key: generateNodeKey() })));
    n1!.node.connect('127.0.0.1', n2!.node.port);
    n2!.node.connect('127.0.0.1', n5!.node.port);
    await until(() => n2!.node.stats().connected === 2, 'the chain');
    const spy = await intruder(n1!.node.port, 'spy');
    const racer = await intruder(n5!.node.port, 'racer', spy.key);
    let raced = 0;
    spy.socket.on('data', () => {
      for (; raced < spy.messages.length; raced++) {
        const body = JSON.parse(spy.messages[raced]!) as Record<string, unknown>;
        racer.send(JSON.stringify({ ...body, t: 'I agree, wire the money' }));
      }
    });
    for (let i = 0; i < 20; i++) n1!.node.originate(`line ${i}`);
    await until(() => n5!.got.length === 20, 'all 20 at n5');
    await sleep(100);
    expect(n5!.got.map((m) => m.text)).toEqual(Array.from({ length: 20 }, (_, i) => `line ${i}`));
    const s = n5!.node.stats();
    expect(raced).toBe(20);
    // Every forged copy that reached n5 was dropped as an id mismatch and scored; at 10 the racer's link closed.
    expect(s.badSignatures).toBeGreaterThanOrEqual(10);
    expect(s.badSignatures).toBeLessThanOrEqual(20);
    await racer.closed;
    expect(n5!.logs.some((l) => /bad frames; the last: message id-mismatch/.test(l))).toBe(true);
  });
});

describe('attack: replay after the seen cache forgets', () => {
  it('a message replayed after its id was evicted by count is refused as stale', async () => {
    const n1 = await testNode('n1', { key: generateNodeKey() });
    const victim = await testNode('victim', { key: generateNodeKey(), seenMaxEntries: 10 });
    const spy = await intruder(n1.node.port, 'spy');
    n1.node.connect('127.0.0.1', victim.node.port);
    await until(() => victim.node.stats().connected === 1, 'n1 to victim');
    for (let i = 0; i < 30; i++) {
      n1.node.originate(`m${i}`);
      await sleep(2); // distinct timestamps: the floor is one message's time, not a shared millisecond
    }
    await until(() => victim.got.length === 30 && spy.messages.length === 30, 'all 30');
    const replayer = await intruder(victim.node.port, 'replayer');
    for (let i = 0; i < 20; i++) replayer.send(spy.messages[i]!); // the 20 evicted ones
    await until(() => victim.node.stats().stale === 20, 'the 20 replays refused');
    expect(victim.got).toHaveLength(30);
    for (let i = 20; i < 30; i++) replayer.send(spy.messages[i]!); // still remembered: duplicates
    await until(() => victim.node.stats().duplicates === 10, 'the 10 duplicates');
    expect(victim.got).toHaveLength(30);
  });

  it('a message replayed after the window is refused as stale', async () => {
    const n1 = await testNode('n1', { key: generateNodeKey() });
    const victim = await testNode('victim', { key: generateNodeKey(), seenMaxAgeMs: 300 });
    const spy = await intruder(n1.node.port, 'spy');
    n1.node.connect('127.0.0.1', victim.node.port);
    await until(() => victim.node.stats().connected === 1, 'n1 to victim');
    n1.node.originate('once');
    await until(() => victim.got.length === 1 && spy.messages.length === 1, 'the message');
    await sleep(400);
    const replayer = await intruder(victim.node.port, 'replayer');
    replayer.send(spy.messages[0]!);
    await until(() => victim.node.stats().stale === 1, 'the replay refused');
    expect(victim.got).toHaveLength(1);
  });
});
