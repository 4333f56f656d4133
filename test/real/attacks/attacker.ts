/**
 * Test helper for the attack suite: what an attacker on 127.0.0.1 uses. Raw sockets that send
 * any bytes; an intruder that completes the signed handshake with its own key (keys are free) and
 * then sends any frame; messages signed without the library's checks; a victim node run as a
 * child process (`floodlab node`) so its memory can be read from /proc. Everything is closed by
 * `cleanup()`.
 */
import { sign } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { encodeFrame, encodeTextFrame, FrameDecoder } from '../../../src/real/frame.ts';
import { generateNodeKey, type NodeKey } from '../../../src/real/trust/keys.ts';
import { LinkHandshake } from '../../../src/real/trust/link-handshake.ts';
import { canonicalBytes, messageIdOf, type SignedMsg } from '../../../src/real/trust/signed.ts';
import { encodeHelloFrame } from '../../../src/real/wire/hello.ts';

const sockets = new Set<Socket>();

/** Destroys every socket the helpers opened. */
export function cleanup(): void {
  for (const s of sockets) s.destroy();
  sockets.clear();
}

/** A raw connection that reads (and counts) everything sent to it and swallows errors. */
export function rawSocket(port: number): { socket: Socket; received: () => number; connected: Promise<void>; closed: Promise<void> } {
  const socket = connect(port, '127.0.0.1');
  sockets.add(socket);
  let bytes = 0;
  socket.on('data', (chunk: Buffer) => void (bytes += chunk.length));
  socket.on('error', () => {});
  const connected = new Promise<void>((resolve) => socket.once('connect', () => resolve()));
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  return { socket, received: () => bytes, connected, closed };
}

/** Signs any fields, checking nothing (a name with ' -> ', a future time...). */
export function forgeSigned(key: NodeKey, name: string, text: string, ts: number): SignedMsg {
  const canonical = canonicalBytes(key.publicKey, name, text, ts);
  return { id: messageIdOf(canonical), origin: name, text, key: key.id, ts, sig: sign(null, canonical, key.privateKey).toString('base64url') };
}

/** The body of a signed message frame with any hop count, written as the codec would. */
export function signedBody(m: SignedMsg, hops: number): string {
  return `{"k":"${m.key}","i":"${m.id}","o":${JSON.stringify(m.origin)},"t":${JSON.stringify(m.text)},"s":${m.ts},"g":"${m.sig}","h":${hops}}`;
}

export interface Intruder {
  readonly key: NodeKey;
  readonly socket: Socket;
  /** Bodies of chat frames received after the handshake (signed or not). */
  readonly messages: string[];
  /** Sends one frame with this body. */
  send(body: string): void;
  readonly closed: Promise<void>;
}

/** Dials `port`, completes the signed handshake as `name` with a fresh key, resolves when up. */
export function intruder(port: number, name = 'mallory', key: NodeKey = generateNodeKey()): Promise<Intruder> {
  const socket = connect(port, '127.0.0.1');
  sockets.add(socket);
  socket.on('error', () => {});
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  const hs = new LinkHandshake(key, 'dial', '127.0.0.1:1');
  const messages: string[] = [];
  return new Promise((resolve, reject) => {
    let up = false;
    const me: Intruder = { key, socket, messages, send: (body) => void socket.write(encodeTextFrame(body)), closed };
    const decoder = new FrameDecoder((body) => {
      const text = body.toString('utf8');
      if (text.startsWith('{"hs":')) {
        const step = hs.receive(body);
        if (step.reply) socket.write(encodeFrame(step.reply));
        if (step.done && !up) {
          up = true;
          resolve(me);
        }
      } else if (text.startsWith('{"k":') || text.startsWith('{"i":')) messages.push(text);
    });
    socket.on('data', (chunk: Buffer) => decoder.push(chunk));
    socket.once('close', () => up || reject(new Error('the victim closed the intruder before its handshake finished')));
    socket.once('connect', () => {
      socket.write(encodeHelloFrame({ version: 1, name, port: 1 }));
      socket.write(encodeFrame(hs.helloBody()));
    });
  });
}

/** Resident memory of process `pid`, in MB (from /proc). */
export function rssMb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmRSS:'));
  return Number(/(\d+)/.exec(line ?? '')?.[1] ?? 0) / 1024;
}
