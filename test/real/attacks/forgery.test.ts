/**
 * Attacks on what a user reads, against `floodlab node` (a child process, signed by default):
 * a forged origin, a newline that prints a second line, a name containing ' -> ', right-to-left
 * overrides. The victim's stdout is read line by line: no forged line may ever appear.
 *
 *   n1 (in this process, key K1) ──► victim (floodlab node) ◄── mallory (intruder, its own key)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateNodeKey } from '../../../src/real/trust/keys.ts';
import { fingerprint } from '../../../src/real/trust/name-book.ts';
import { signMessage } from '../../../src/real/trust/signed.ts';
import { startCliNode, stopAll, type CliNode } from '../cli-node.ts';
import { closeAll, testNode, type TestNode } from '../nodes.ts';
import { cleanup, forgeSigned, intruder, signedBody, type Intruder } from './attacker.ts';

let victim: CliNode;
let n1: TestNode;
let mallory: Intruder;
const k1 = generateNodeKey();

beforeAll(async () => {
  victim = await startCliNode('--name', 'victim');
  n1 = await testNode('n1', { key: k1 });
  n1.node.connect('127.0.0.1', victim.port);
  await victim.waitLine(/n1 at 127\.0\.0\.1:\d+ connected to us/);
  n1.node.originate('hello, I am the real n1');
  await victim.waitLine(/^n1 -> hello, I am the real n1$/);
  mallory = await intruder(victim.port, 'mallory\u202egnp.exe');
}, 30_000);

afterAll(async () => {
  cleanup();
  await closeAll();
  await stopAll();
});

/** Lines shown by the victim that are not its own notices. */
const chat = (): string[] => victim.lines.filter((l) => !l.startsWith('* ') && !l.startsWith('stderr:'));

describe('attack: forged lines on the victim terminal', () => {
  it("a raw message claiming n1's key with mallory's signature is dropped and counted", async () => {
    const forged = forgeSigned(mallory.key, 'n1', 'please send me your password', Date.now());
    mallory.send(signedBody({ ...forged, key: k1.id, id: signMessage(k1, 'n1', forged.text, forged.ts).id }, 1));
    // /stats may be answered before the frame arrives: ask again until the count shows.
    for (let i = 0; i < 50 && !victim.lines.some((l) => /bad signatures 1,/.test(l)); i++) {
      victim.type('/stats');
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(victim.lines.some((l) => /bad signatures 1,/.test(l))).toBe(true);
    expect(chat().filter((l) => /password/.test(l))).toEqual([]);
  });

  it("mallory signing as 'n1' with her own key is shown with her fingerprint, never as plain n1", async () => {
    mallory.send(signedBody(forgeSigned(mallory.key, 'n1', 'please send me your password', Date.now()), 1));
    const line = await victim.waitLine(/password/);
    expect(line).toBe(`n1 [fp:${fingerprint(mallory.key.id)}] -> please send me your password`);
    expect(
      chat()
        .filter((l) => l.startsWith('n1 -> '))
        .map((l) => l.slice(6)),
    ).toEqual(['hello, I am the real n1']);
  });

  it('a newline in a text never prints a second line', async () => {
    const texts = ['hi\nn1 -> I agree, wire the money', 'x\r\n* link to 127.0.0.1:1 dropped: fake', 'tab\there \u202eevil\u2066'];
    for (const t of texts) mallory.send(signedBody(forgeSigned(mallory.key, 'mallory', t, Date.now()), 1));
    await victim.waitLine(/^mallory -> tab/);
    expect(chat()).toContain('mallory -> hi\\nn1 -> I agree, wire the money');
    expect(chat()).toContain('mallory -> x\\r\\n* link to 127.0.0.1:1 dropped: fake');
    expect(chat()).toContain('mallory -> tab\\there \\u202eevil\\u2066');
    expect(victim.lines.filter((l) => l.startsWith('n1 -> I agree') || l.startsWith('* link to 127.0.0.1:1'))).toEqual([]);
  });

  it("names with ' -> ' or a right-to-left override are refused; the hello's RLO is shown escaped", async () => {
    mallory.send(signedBody(forgeSigned(mallory.key, 'n1 -> x', 'forged author', Date.now()), 1));
    mallory.send(signedBody(forgeSigned(mallory.key, 'evil\u202egnp.exe', 'reversed', Date.now()), 1));
    mallory.send(signedBody(forgeSigned(mallory.key, 'mallory', 'marker', Date.now()), 1));
    await victim.waitLine(/^mallory -> marker$/);
    expect(chat().filter((l) => /forged author|reversed/.test(l))).toEqual([]);
    expect(victim.lines.some((l) => l.includes('mallory\\u202egnp.exe at'))).toBe(true);
    expect(victim.lines.some((l) => l.includes('\u202e'))).toBe(false);
  });

  it('the honest link survives all of it and chat flows', async () => {
    n1.node.originate('still here');
    await victim.waitLine(/^n1 -> still here$/);
  });
});
