/**
 * The chat REPL in this process, typed into through streams: what a user sees when linking twice
 * to the same node, when a peer dialed in, when typing with no peers, and while a link is being
 * redialed.
 *
 *   alice ──► bob        (alice typed "connect bob"; bob sees the link as "from alice")
 */
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { parseProtocol } from '../../src/core/protocols/index.ts';
import type { RedialClock } from '../../src/real/redial.ts';
import { NO_PEERS, startChat, type Chat } from '../../src/real/repl.ts';
import { until } from './nodes.ts';

interface Typist {
  readonly chat: Chat;
  readonly lines: string[];
  type(line: string): void;
  /** Waits for a line (from the start) matching `pattern`; returns it. */
  line(pattern: RegExp): Promise<string>;
}

const open = new Set<Chat>();
afterEach(async () => {
  await Promise.all([...open].map((c) => c.close()));
  open.clear();
});

/** A clock whose timers never fire: a redial waits for ever, so /peers can be read at leisure. */
const stopped: RedialClock = { now: () => 0, setTimeout: () => 0, clearTimeout: () => {}, random: () => 0.5 };

async function typist(name: string, redialClock?: RedialClock): Promise<Typist> {
  const input = new PassThrough();
  const output = new PassThrough();
  const lines: string[] = [];
  let partial = '';
  output.setEncoding('utf8');
  output.on('data', (chunk: string) => {
    const parts = (partial + chunk).split('\n');
    partial = parts.pop()!;
    lines.push(...parts);
  });
  const chat = await startChat({ name, protocol: parseProtocol('flood'), port: 0, input, output, ...(redialClock ? { redialClock } : {}) });
  open.add(chat);
  const line = async (pattern: RegExp): Promise<string> => {
    await until(() => lines.some((l) => pattern.test(l)), `a line matching ${pattern} at ${name}; got:\n${lines.join('\n')}`);
    return lines.find((l) => pattern.test(l))!;
  };
  return { chat, lines, type: (l) => void input.write(l + '\n'), line };
}

describe('the chat REPL', () => {
  it('refuses a second link to a node already linked, from either end, and every line then arrives once', async () => {
    const [alice, bob] = await Promise.all([typist('alice'), typist('bob')]);
    const a = alice.chat.node;
    const b = bob.chat.node;
    alice.type(`connect ${b.port}`);
    await bob.line(/^\* alice at 127\.0\.0\.1:\d+ connected to us/);
    await until(() => a.peers()[0]?.name === 'bob', "bob's hello at alice");
    alice.type(`connect 127.0.0.1:${b.port}`);
    expect(await alice.line(/already linked/)).toBe(`* already linked to bob at 127.0.0.1:${b.port} (link 0); a second link would bring every message twice`);
    alice.type(`connect localhost:${b.port}`);
    bob.type(`connect ${a.port}`); // bob knows where alice listens from her hello
    expect(await bob.line(/already linked/)).toBe(`* already linked to alice at 127.0.0.1:${a.port} (link 0); a second link would bring every message twice`);
    expect(alice.lines.filter((l) => /already linked/.test(l))).toHaveLength(2);
    alice.type('only once');
    expect(await bob.line(/only once/)).toBe('alice -> only once');
    await new Promise((r) => setTimeout(r, 50));
    expect(a.stats().peers).toBe(1);
    expect(b.stats()).toMatchObject({ peers: 1, received: 1, duplicates: 0 });
  });

  it('names an inbound peer by the name in its hello, not by its ephemeral port', async () => {
    const [alice, bob] = await Promise.all([typist('alice'), typist('bob')]);
    alice.type(`connect ${bob.chat.node.port}`);
    const joined = await bob.line(/connected to us/);
    expect(joined).toBe(`* alice at 127.0.0.1:${alice.chat.node.port} connected to us (link 0)`);
    bob.type('/peers');
    expect(await bob.line(/^link 0/)).toMatch(new RegExp(`^link 0  from alice at 127\\.0\\.0\\.1:${alice.chat.node.port}  connected  json  frames in 1, out 1$`));
    // bob's hello left before bob printed that line; it may not have reached alice yet.
    await until(() => alice.chat.node.peers()[0]?.name === 'bob', "bob's hello at alice");
    alice.type('/peers');
    expect(await alice.line(/^link 0/)).toMatch(new RegExp(`^link 0  to   bob at 127\\.0\\.0\\.1:${bob.chat.node.port}  connected  json`));
  });

  it('warns when a line is typed with no peers, and sends nothing; says when a line waits for a link', async () => {
    const [alice, bob] = await Promise.all([typist('alice'), typist('bob')]);
    alice.type('is anyone there?');
    expect(await alice.line(/no peers/)).toBe(`* ${NO_PEERS}`);
    expect(alice.chat.node.stats()).toMatchObject({ sent: 0, delivered: 0 });
    alice.type(`connect ${bob.chat.node.port}`);
    alice.type('typed before the link is up');
    expect(await alice.line(/not connected yet/)).toBe('* not connected yet: the line goes out when the link is up');
    expect(await bob.line(/typed before/)).toBe('alice -> typed before the link is up');
  });

  it('/peers shows a dropped link while it is being redialed, and a line typed then warns', async () => {
    const [alice, bob] = await Promise.all([typist('alice', stopped), typist('bob')]);
    const port = bob.chat.node.port;
    alice.type(`connect ${port}`);
    await alice.line(/^\* connected to/);
    // The link is up at alice when she has sent her hello; bob's may still be on its way.
    await until(() => alice.chat.node.peers()[0]?.name === 'bob', "bob's hello at alice");
    await bob.chat.close();
    expect(await alice.line(/dropped/)).toMatch(new RegExp(`^\\* link to bob at 127\\.0\\.0\\.1:${port} dropped: .*; redialing in 0\\.2 s \\(try 1\\)$`));
    alice.type('/peers');
    expect(await alice.line(/^redialing/)).toBe(`redialing  to   127.0.0.1:${port}  try 1 in 0.2 s`);
    expect(alice.lines).not.toContain('no peers yet; connect HOST:PORT to add one');
    alice.type('hello?');
    expect(await alice.line(/no peers:/)).toBe(`* ${NO_PEERS} (one link is being redialed: /peers)`);
  });
});
