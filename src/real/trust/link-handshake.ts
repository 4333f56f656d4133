/**
 * The handshake as a small state machine over frame bodies, for the link layer to drive: send
 * `helloBody()` on connect; feed every received body to `receive()` until it returns `done`;
 * send whatever it returns in `reply`. Bodies are JSON tagged `"hs"`, so they cannot be mistaken
 * for chat (`{"i":`) or control (`{"c":`) frames. Any other body before the end is an error.
 */
import { HandshakeError, makeHello, makeProof, parseHello, verifyProof, type Hello, type PeerIdentity, type Role } from './handshake.ts';
import type { NodeKey } from './keys.ts';

/** Largest handshake body accepted (a hello is under 200 bytes). */
export const MAX_HANDSHAKE_BODY = 1024;

export interface HandshakeStep {
  /** A body to send to the peer now, if any. */
  readonly reply?: Buffer;
  /** The peer's proven identity, once the handshake is complete. */
  readonly done?: PeerIdentity;
}

/** True when a frame body is a handshake body (`{"hs":`). */
export function isHandshakeBody(body: Buffer): boolean {
  return body.length >= 6 && body.toString('latin1', 0, 6) === '{"hs":';
}

export class LinkHandshake {
  readonly hello: Hello;
  private theirs: Hello | undefined;
  private proofSent = false;
  identity: PeerIdentity | undefined;

  constructor(
    private readonly key: NodeKey,
    private readonly role: Role,
    addr: string,
    nonce?: Buffer,
  ) {
    this.hello = makeHello(key, addr, nonce);
  }

  /** Our hello, to send as soon as the connection is up. */
  helloBody(): Buffer {
    return Buffer.from(JSON.stringify({ hs: 'hello', key: this.hello.key, addr: this.hello.addr, nonce: this.hello.nonce }));
  }

  /** Handles one received body; throws HandshakeError on anything out of order or invalid. */
  receive(body: Buffer): HandshakeStep {
    if (this.identity) throw new HandshakeError('handshake: already complete');
    if (body.length > MAX_HANDSHAKE_BODY) throw new HandshakeError(`handshake: a body of ${body.length} bytes is over ${MAX_HANDSHAKE_BODY}`);
    if (!isHandshakeBody(body)) throw new HandshakeError('handshake: a frame before the handshake finished (an unauthenticated peer gets nothing)');
    let value: Record<string, unknown>;
    try {
      value = JSON.parse(body.toString('utf8')) as Record<string, unknown>;
    } catch {
      throw new HandshakeError(`handshake: not JSON (${body.length} bytes)`);
    }
    if (value['hs'] === 'hello') {
      if (this.theirs) throw new HandshakeError('handshake: a second hello');
      this.theirs = parseHello(value);
      const proof = makeProof(this.key, this.role, this.hello, this.theirs);
      this.proofSent = true;
      return { reply: Buffer.from(JSON.stringify({ hs: 'proof', sig: proof })) };
    }
    if (value['hs'] === 'proof') {
      if (!this.theirs || !this.proofSent) throw new HandshakeError('handshake: a proof before the hello');
      this.identity = verifyProof(this.role, this.hello, this.theirs, value['sig']);
      return { done: this.identity };
    }
    throw new HandshakeError("handshake: 'hs' must be 'hello' or 'proof'");
  }
}
