/**
 * The link handshake: before a link joins the flood, each side sends a hello (its public key,
 * listening address and a fresh random nonce) and then proves it holds its key by signing a
 * transcript of both hellos. The transcript names the signer's role (dialer or acceptor), both
 * keys, both nonces and both addresses under a protocol label, so a proof cannot be reflected
 * back to its maker, replayed on another connection, or used as a message signature.
 */
import { randomBytes, sign, verify, createPublicKey } from 'node:crypto';
import { WireError } from '../wire/codec.ts';
import { PUBLIC_KEY_BYTES, type NodeKey } from './keys.ts';

/** Which end of the TCP connection a side is. */
export type Role = 'dial' | 'accept';

/** What each side sends first. `key` and `nonce` are base64url. */
export interface Hello {
  readonly key: string;
  readonly addr: string;
  readonly nonce: string;
}

/** A peer's proven identity once the handshake is done. */
export interface PeerIdentity {
  readonly key: string;
  readonly addr: string;
}

/** A handshake that failed: the connection is to be closed with this one-line reason. */
export class HandshakeError extends WireError {
  override readonly name = 'HandshakeError';
  constructor(message: string) {
    super('ERR_HANDSHAKE', message);
  }
}

export const NONCE_BYTES = 16;
const LABEL = Buffer.from('floodlab/link/v1\0', 'latin1');
const KEY = /^[A-Za-z0-9_-]{43}$/;
const NONCE = /^[A-Za-z0-9_-]{22}$/;
const SIG = /^[A-Za-z0-9_-]{86}$/;
// host:port, the host a name, IPv4 or bracketed IPv6; at most 262 characters in all.
const ADDR = /^(?:[A-Za-z0-9.-]{1,253}|\[[0-9A-Fa-f:.]{2,45}\]):(\d{1,5})$/;

function fail(message: string): never {
  throw new HandshakeError(`handshake: ${message}`);
}

/** Our hello: our key, our listening address and a fresh nonce (or the one given, in tests). */
export function makeHello(key: NodeKey, addr: string, nonce: Buffer = randomBytes(NONCE_BYTES)): Hello {
  if (nonce.length !== NONCE_BYTES) fail(`nonce must be ${NONCE_BYTES} bytes`);
  return { key: key.id, addr, nonce: nonce.toString('base64url') };
}

/** A received hello, checked field by field; throws HandshakeError naming the bad field. */
export function parseHello(value: unknown): Hello {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail('hello must be an object');
  const { key, addr, nonce } = value as Record<string, unknown>;
  if (typeof key !== 'string' || !KEY.test(key) || Buffer.from(key, 'base64url').toString('base64url') !== key) fail('hello key must be 43 base64url characters (32 bytes)');
  if (typeof nonce !== 'string' || !NONCE.test(nonce) || Buffer.from(nonce, 'base64url').toString('base64url') !== nonce) fail(`hello nonce must be ${NONCE_BYTES} bytes in base64url`);
  const port = typeof addr === 'string' ? ADDR.exec(addr)?.[1] : undefined;
  if (port === undefined || Number(port) < 1 || Number(port) > 65_535) fail('hello addr must be HOST:PORT with a port from 1 to 65535');
  return { key, addr: addr as string, nonce };
}

function field(bytes: Buffer): Buffer {
  const prefix = Buffer.allocUnsafe(2);
  prefix.writeUInt16BE(bytes.length, 0);
  return Buffer.concat([prefix, bytes]);
}

/** The bytes a `role` side signs: label, role, then the signer's hello and the verifier's. */
export function transcript(role: Role, signer: Hello, verifier: Hello): Buffer {
  const parts: Buffer[] = [LABEL, Buffer.from(role === 'dial' ? 'D' : 'A', 'latin1')];
  for (const h of [signer, verifier]) parts.push(field(Buffer.from(h.key, 'base64url')), field(Buffer.from(h.nonce, 'base64url')), field(Buffer.from(h.addr, 'utf8')));
  return Buffer.concat(parts);
}

/** Our proof for this connection: our signature over the transcript with us as signer. */
export function makeProof(key: NodeKey, role: Role, mine: Hello, theirs: Hello): string {
  if (mine.key !== key.id) fail('our hello does not carry our key');
  return sign(null, transcript(role, mine, theirs), key.privateKey).toString('base64url');
}

/**
 * Checks their hello against ours (not our own key: a reflected or self connection; not our
 * nonce) and their proof, made in the role opposite to ours. Returns their identity or throws.
 */
export function verifyProof(myRole: Role, mine: Hello, theirs: Hello, proof: unknown): PeerIdentity {
  if (theirs.key === mine.key) fail('the peer presents our own key (a reflected or self connection)');
  if (theirs.nonce === mine.nonce) fail('the peer echoes our nonce');
  if (typeof proof !== 'string' || !SIG.test(proof)) fail('proof must be 86 base64url characters (64 bytes)');
  const raw = Buffer.from(theirs.key, 'base64url');
  if (raw.length !== PUBLIC_KEY_BYTES) fail('hello key is not 32 bytes');
  let ok = false;
  try {
    const publicKey = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: theirs.key }, format: 'jwk' });
    ok = verify(null, transcript(myRole === 'dial' ? 'accept' : 'dial', theirs, mine), publicKey, Buffer.from(proof, 'base64url'));
  } catch {
    ok = false;
  }
  if (!ok) fail('proof does not verify: the peer does not hold the key it claims');
  return { key: theirs.key, addr: theirs.addr };
}
