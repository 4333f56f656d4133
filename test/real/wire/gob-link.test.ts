// A gob link on a real node (no Go program needed): bad gob input closes that one link with a
// one-line reason and the node keeps running; a gob peer's message is relayed to a JSON peer
// with its id as 'g' + decimal and its link's address as author.
import { connect, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { encodeGobMessage, MESSAGE_DEFINITION } from '../../../src/real/wire/gob/encoder.ts';
import { closeAll, testNode, until } from '../nodes.ts';

const sockets: Socket[] = [];
afterEach(async () => {
  for (const s of sockets.splice(0)) s.destroy();
  await closeAll();
});

async function gobPeer(port: number): Promise<Socket> {
  const s = connect(port, '127.0.0.1');
  sockets.push(s);
  s.on('error', () => undefined);
  await new Promise<void>((r) => s.once('connect', () => r()));
  return s;
}

describe('a gob link on a floodlab node', () => {
  it('bad gob input closes that link with a one-line reason; the node keeps running', async () => {
    const a = await testNode('a');
    const b = await testNode('b');
    b.node.connect('127.0.0.1', a.node.port);
    const bad = await gobPeer(a.node.port);
    bad.write(Buffer.concat([MESSAGE_DEFINITION, Buffer.from('04ff820300', 'hex')])); // field delta 3 in a 2-field struct
    await until(() => a.logs.some((l) => /dropped: bad frame: gob:/.test(l)), 'the bad link closed');
    const line = a.logs.find((l) => /bad frame: gob:/.test(l))!;
    expect(line).toMatch(/^link to 127\.0\.0\.1:\d+ dropped: bad frame: gob: "Message" field delta 3 is over 2$/);
    a.node.originate('still running');
    await until(() => b.got.length === 1, 'a line at b');
  });

  it("a message from a gob peer reaches a JSON peer with id g + decimal and the gob link's address as author", async () => {
    const a = await testNode('a');
    const b = await testNode('b');
    b.node.connect('127.0.0.1', a.node.port);
    await until(() => a.node.peers().filter((p) => p.connected).length === 1, 'b linked');
    const peer = await gobPeer(a.node.port);
    peer.write(encodeGobMessage({ text: 'from a gob peer', id: -42n }));
    await until(() => b.got.length === 1, 'the line at b');
    expect(b.got[0]).toMatchObject({ id: 'g-42', text: 'from a gob peer', origin: `127.0.0.1:${peer.localPort}` });
    expect(a.got[0]).toMatchObject({ id: 'g-42', origin: `127.0.0.1:${peer.localPort}` });
  });
});
