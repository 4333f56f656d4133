/**
 * The link's seams, used as the coming issues will use them: a Handshake that waits for the other
 * side's hello before the link joins the flood (the trust issue's signed hello has this shape),
 * and a CodecPicker that recognises an accepted connection from its first bytes (the gob issue's
 * auto-detection), with a toy second codec (one message per line, no hello, like gob) taken by
 * an accepted link from its first bytes or after it stays silent. A raw socket that never says
 * hello gets no chat; bytes no codec recognises close the link with one line.
 */
import { connect, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { Handshake } from '../../src/real/handshake.ts';
import { WireError, type WireCodec, type WireEvent } from '../../src/real/wire/codec.ts';
import { WIRE_VERSION } from '../../src/real/wire/hello.ts';
import { jsonCodec } from '../../src/real/wire/json.ts';
import { closeAll, testNode, until } from './nodes.ts';

const sockets = new Set<Socket>();
afterEach(async () => {
  for (const s of sockets) s.destroy();
  sockets.clear();
  await closeAll();
});

/** Sends this node's hello, then waits for the other side's before the link is up. */
function helloFirst(name: string, port: () => number): Handshake {
  return {
    start(link) {
      link.writeFirst(link.codec.encodeHello!({ version: WIRE_VERSION, name, port: port() }));
      return 'wait';
    },
    receive: (_link, event) => (event.kind === 'hello' ? 'up' : 'wait'),
  };
}

async function rawSocket(port: number): Promise<{ socket: Socket; bytes: () => number }> {
  const socket = connect(port, '127.0.0.1');
  sockets.add(socket);
  let bytes = 0;
  socket.on('data', (d: Buffer) => void (bytes += d.length));
  socket.on('error', () => {});
  await new Promise((r) => socket.once('connect', r));
  return { socket, bytes: () => bytes };
}

/** A toy second wire, one message per line (`ID HOPS TEXT`), with no hello, no control and no author: shaped like gob for the node. */
const lineCodec: WireCodec = {
  name: 'line',
  encodeMessage: (m) => Buffer.from(`${m.id} ${m.hops} ${m.text}\n`),
  newDecoder: () => {
    let partial = '';
    return {
      get buffered() {
        return partial.length;
      },
      push(chunk: Buffer): WireEvent[] {
        const lines = (partial + chunk.toString('utf8')).split('\n');
        partial = lines.pop()!;
        return lines.map((l) => {
          const [id, hops, ...text] = l.split(' ');
          return { kind: 'message', message: { id: id!, origin: '', text: text.join(' '), hops: Number(hops) } };
        });
      },
      finish() {
        if (partial) throw new WireError('ERR_LINE_CUT', 'line: the stream ended inside a line');
      },
    };
  },
};

function received(socket: Socket): string[] {
  const lines: string[] = [];
  socket.on('data', (d: Buffer) => lines.push(...d.toString('utf8').split('\n').filter(Boolean)));
  return lines;
}

describe('link seams', () => {
  it('a second codec per link: picked from the first bytes, or taken by a link that stays silent; messages bridge between wires', async () => {
    const a = await testNode('a', { acceptCodec: (first) => (first[0] === 0 ? jsonCodec : lineCodec), acceptSilence: { afterMs: 100, codec: lineCodec } });
    const b = await testNode('b');
    b.node.connect('127.0.0.1', a.node.port);
    await until(() => a.node.stats().connected === 1, 'b on JSON');
    const quiet = await rawSocket(a.node.port);
    const toQuiet = received(quiet.socket);
    const sent = a.node.originate('held for the quiet one');
    await until(() => toQuiet.length === 1, 'the silent link to get the held message once it is taken for a line link');
    expect(toQuiet).toEqual([`${sent.id} 1 held for the quiet one`]);
    const talker = await rawSocket(a.node.port);
    talker.socket.write('abc 1 hi from a line\n');
    await until(() => b.got.length === 2 && toQuiet.length === 2, 'the line message at b (JSON) and at the quiet link (line)');
    // no author on that wire: the message is named by the link's address, as the Go program does
    expect(b.got[1]).toMatchObject({ id: 'abc', origin: `127.0.0.1:${talker.socket.localPort}`, text: 'hi from a line', hops: 2 });
    expect(toQuiet[1]).toBe('abc 2 hi from a line');
    expect(
      a.node
        .peers()
        .map((p) => p.wire)
        .sort(),
    ).toEqual(['json', 'line', 'line']);
  });

  it('a handshake that waits: links join the flood only after the hello; a silent socket gets nothing', async () => {
    let aPort = 0;
    let bPort = 0;
    const a = await testNode('a', { handshake: helloFirst('a', () => aPort) });
    const b = await testNode('b', { handshake: helloFirst('b', () => bPort) });
    [aPort, bPort] = [a.node.port, b.node.port];
    const silent = await rawSocket(a.node.port);
    silent.socket.write(Buffer.from([0])); // one byte: the codec is chosen, the handshake starts, no hello
    a.node.connect('127.0.0.1', b.node.port);
    a.node.originate('queued during the handshake');
    await until(() => b.got.length === 1, 'b to get the queued line once both hellos crossed');
    expect(b.got[0]!.text).toBe('queued during the handshake');
    expect(
      a.node
        .peers()
        .map((p) => p.state)
        .sort(),
    ).toEqual(['handshaking', 'up']);
    expect(a.node.stats().connected).toBe(1);
    a.node.originate('more');
    await until(() => b.got.length === 2, 'b to get the second');
    await new Promise((r) => setTimeout(r, 50));
    expect(silent.bytes()).toBe(jsonCodec.encodeHello!({ version: WIRE_VERSION, name: 'a', port: a.node.port }).length); // its hello, no chat
  });

  it('a codec picker reads the first bytes: a known start picks the codec, 65 unknown bytes close the link', async () => {
    const a = await testNode('a', { acceptCodec: (first) => (first[0] === 0 ? jsonCodec : undefined) });
    const b = await testNode('b');
    b.node.connect('127.0.0.1', a.node.port);
    await until(() => a.node.stats().connected === 1, 'b, whose hello starts with a zero byte, to be recognised');
    expect(a.node.peers()[0]).toMatchObject({ name: 'b', wire: 'json' });
    const garbage = await rawSocket(a.node.port);
    garbage.socket.write(Buffer.alloc(40, 0x41));
    await new Promise((r) => setTimeout(r, 30));
    expect(a.node.peers().find((p) => p.wire === '?')).toMatchObject({ state: 'detecting', direction: 'in' });
    garbage.socket.write(Buffer.alloc(25, 0x41));
    await until(() => a.logs.some((l) => /no codec of this node recognises/.test(l)), 'the link to close');
    expect(a.logs.find((l) => /recognises/.test(l))).toMatch(/bad frame: wire: 65 bytes that no codec of this node recognises/);
    expect(a.node.stats().peers).toBe(1);
  });
});
