/**
 * Attacks on a node's resources, against `floodlab node` as a child process whose memory is read
 * from /proc: 2,000 idle sockets, 1,000 senders each holding a 64 KiB partial frame. Under each
 * the honest links stay up, chat keeps flowing through the victim, and the victim's RSS stays at
 * most 150 MB. The victim runs as a user starts it (--wire auto): a socket silent for 300 ms is
 * taken for a Go node (it never speaks first), so at most 8 idle sockets (the cap on links without
 * a key) get chat, as a Go node would; no other anonymous socket gets a byte of it.
 *
 *   h1 ──► victim (floodlab node) ◄── h2        plus the attackers' sockets to the victim
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateNodeKey } from '../../../src/real/trust/keys.ts';
import { startCliNode, stopAll, type CliNode } from '../cli-node.ts';
import { closeAll, testNode, until, type TestNode } from '../nodes.ts';
import { cleanup, rawSocket, rssMb } from './attacker.ts';

let victim: CliNode;
let h1: TestNode;
let h2: TestNode;
let pings = 0;

beforeAll(async () => {
  victim = await startCliNode('--name', 'victim');
  [h1, h2] = await Promise.all([testNode('h1', { key: generateNodeKey() }), testNode('h2', { key: generateNodeKey() })]);
  h1.node.connect('127.0.0.1', victim.port);
  h2.node.connect('127.0.0.1', victim.port);
  await until(() => h1.node.stats().connected === 1 && h2.node.stats().connected === 1, 'both honest links', 10_000);
}, 30_000);

afterAll(async () => {
  cleanup();
  await closeAll();
  await stopAll();
});

/** h1 says something; resolves once h2 has it through the victim. */
async function chatFlows(): Promise<void> {
  const text = `ping ${++pings}`;
  h1.node.originate(text);
  await until(() => h2.got.some((m) => m.text === text), `"${text}" from h1 to h2 through the victim`, 10_000);
}

describe('attack: resources', () => {
  it('2,000 idle sockets: at most 32 wait at a time, at most 8 are taken for Go nodes and get chat, the rest are closed', async () => {
    const idle = Array.from({ length: 2000 }, () => rawSocket(victim.port));
    let open = idle.length;
    for (const s of idle) void s.closed.then(() => open--);
    await Promise.all(idle.map((s) => s.connected.catch(() => {})));
    await chatFlows();
    const peak = rssMb(victim.proc.pid!);
    // Refused at once (caps), or when taken for a Go node past the 8 allowed: only those 8 stay.
    // Sockets the kernel's accept queue held back reach the victim late (its SYN-ACK retransmits,
    // 1 + 2 + 4 + 8 + 16 s). With Node's default queue of 511, one busy core beside this test left
    // 40 to 140 sockets open for good in half the runs: the kernel had dropped their handshakes
    // and the dialers never learned. The node now asks for a queue of 4096 (LISTEN_BACKLOG).
    await until(() => open <= 8, 'all but the 8 sockets taken for Go nodes closed', 45_000).catch((e: Error) => {
      throw new Error(`${e.message}: ${open} open, ${idle.filter((x) => x.received() > 0).length} got bytes`);
    });
    await chatFlows();
    expect(open).toBe(8);
    // A silent socket gets nothing until it is taken for a Go node; then it gets chat, in gob.
    expect(idle.filter((s) => s.received() > 0).length).toBeLessThanOrEqual(8);
    expect(h1.node.stats().connected).toBe(1);
    expect(h2.node.stats().connected).toBe(1);
    expect(Math.max(peak, rssMb(victim.proc.pid!))).toBeLessThanOrEqual(150);
    expect(victim.lines.some((l) => /refused a connection from 127\.0\.0\.1:\d+: at the limit of 32 connections in their handshake/.test(l))).toBe(true);
    for (const s of idle) s.socket.destroy();
  }, 60_000);

  it('1,000 senders each holding a 64 KiB partial frame: memory stays bounded and the honest links live', async () => {
    const partial = Buffer.alloc(4 + 65_000, 0x20);
    partial.writeUInt32BE(65_536, 0); // a full-size frame, never finished
    const senders = Array.from({ length: 1000 }, () => rawSocket(victim.port));
    await Promise.all(senders.map((s) => s.connected.then(() => void s.socket.write(partial)).catch(() => {})));
    await chatFlows();
    const peak = rssMb(victim.proc.pid!);
    await Promise.all(senders.map((s) => s.closed));
    await chatFlows();
    expect(h1.node.stats().connected).toBe(1);
    expect(h2.node.stats().connected).toBe(1);
    expect(Math.max(peak, rssMb(victim.proc.pid!))).toBeLessThanOrEqual(150);
  }, 60_000);
});
