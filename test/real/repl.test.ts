/**
 * The chat program driven through stdin and stdout as a user would, in three real processes:
 *
 *   alice ◄── bob ◄── carol      (bob typed "connect alice", carol typed "connect bob")
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCliNode, stopAll, type CliNode } from './cli-node.ts';

let alice: CliNode;
let bob: CliNode;
let carol: CliNode;

beforeAll(async () => {
  [alice, bob, carol] = await Promise.all([startCliNode('--name', 'alice'), startCliNode('--name', 'bob'), startCliNode('--name', 'carol')]);
  bob.type(`connect 127.0.0.1:${alice.port}`);
  carol.type(`connect 127.0.0.1:${bob.port}`);
  await Promise.all([bob.waitLine(/connected to 127\.0\.0\.1/), carol.waitLine(/connected to 127\.0\.0\.1/)]);
}, 30_000);

afterAll(stopAll);

describe('floodlab node, three processes in a chain', () => {
  it("a line typed on the first appears on the third, under its author's name", async () => {
    alice.type('hello from the far end');
    expect(await carol.waitLine(/hello from the far end/)).toBe('alice -> hello from the far end');
    expect(await bob.waitLine(/hello from the far end/)).toBe('alice -> hello from the far end');
  });

  it('the same text sent twice shows twice', async () => {
    carol.type('same again');
    carol.type('same again');
    await alice.waitLine(/same again/);
    await expect.poll(() => alice.count(/^carol -> same again$/), { timeout: 5000 }).toBe(2);
  });

  it('"connect to you later" is chat, not a command', async () => {
    alice.type('connect to you later');
    expect(await carol.waitLine(/connect to you later/)).toBe('alice -> connect to you later');
  });

  it('connect with no address prints a usage line and the node keeps running', async () => {
    bob.type('connect');
    expect(await bob.waitLine(/^usage: connect HOST:PORT/)).toMatch(/usage/);
    bob.type('still here');
    expect(await alice.waitLine(/still here/)).toBe('bob -> still here');
    expect(await carol.waitLine(/still here/)).toBe('bob -> still here');
  });

  it('/peers and /stats report links and counters', async () => {
    bob.type('/peers');
    // One link bob dialed (to alice) and one carol dialed (from carol, named by her hello), in either slot order.
    await bob.waitLine(new RegExp(`^link [01] +from carol at 127\\.0\\.0\\.1:${carol.port} +connected`));
    await bob.waitLine(new RegExp(`^link [01] +to +alice at 127\\.0\\.0\\.1:${alice.port} +connected`));
    bob.type('/stats');
    const line = await bob.waitLine(/^sent \d+, received \d+, duplicates \d+/);
    // bob, in the middle, received 4 messages (1 + 2 + 1 before this test, none twice on a
    // chain) and forwarded them, and sent "still here" both ways: 1 + 2 + 1 + 2 = 6 sends.
    expect(line).toMatch(/^sent 6, received 4, duplicates 0, delivered 5; bytes in \d+, bytes out \d+; peers 2/);
  });

  it('an empty line sends nothing', async () => {
    const before = carol.lines.length;
    alice.type('');
    alice.type('after the empty line');
    await carol.waitLine(/after the empty line/);
    expect(carol.lines.slice(before)).toEqual(['alice -> after the empty line']);
  });

  it('EOF on stdin does not stop the node; it keeps relaying until SIGTERM, then exits 0', async () => {
    bob.proc.stdin.end();
    await bob.waitLine(/input closed: bob keeps running/);
    alice.type('through a headless bob');
    expect(await carol.waitLine(/through a headless bob/)).toBe('alice -> through a headless bob');
    bob.proc.kill('SIGTERM');
    expect(await bob.exited).toBe(0);
  });

  it('exit closes the node cleanly with code 0', async () => {
    carol.type('exit');
    expect(await carol.exited).toBe(0);
  });
}, 60_000);
