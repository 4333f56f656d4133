/**
 * Signed authorship. A message carries its author's public key, name, text and timestamp, and an
 * Ed25519 signature over a canonical encoding of those four; its id is a hash of the same bytes.
 * So a relay can neither speak as someone else (no signature without the key) nor attach other
 * text to an id (the id would not match). Every field is size-checked before any crypto runs.
 */
import { createHash, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { InputError } from '../../core/errors.ts';
import { displayNameProblem } from '../../core/display.ts';
import type { Msg } from '../../core/message.ts';
import { PUBLIC_KEY_BYTES, type NodeKey } from './keys.ts';

/** Longest text, in UTF-16 code units (as the unsigned codec). */
export const MAX_SIGNED_TEXT = 16_384;
/** Bytes of an Ed25519 signature. */
export const SIGNATURE_BYTES = 64;
/** Bytes of sha256 kept for an id: 128 bits, 22 base64url characters. */
export const ID_BYTES = 16;
/** Domain label: these bytes are never a valid handshake transcript, nor the reverse. */
const LABEL = Buffer.from('floodlab/msg/v1\0', 'latin1');

/** A signed chat message. `key` and `sig` are base64url; `ts` is the author's clock, in ms. */
export interface SignedMsg extends Msg {
  readonly id: string;
  readonly origin: string;
  readonly text: string;
  readonly key: string;
  readonly ts: number;
  readonly sig: string;
}

/** Why a message was refused; each is counted on its own in a node's stats. */
export type VerifyFailure = 'bad-field' | 'bad-key' | 'bad-signature' | 'id-mismatch';
export type VerifyResult = { readonly ok: true } | { readonly ok: false; readonly why: VerifyFailure; readonly detail: string };

const B64URL = /^[A-Za-z0-9_-]*$/;

/** The bytes that are signed and hashed: label, key, then length-prefixed name and text, then ts. */
export function canonicalBytes(key: Buffer, name: string, text: string, ts: number): Buffer {
  const nameBytes = Buffer.from(name, 'utf8');
  const textBytes = Buffer.from(text, 'utf8');
  const out = Buffer.allocUnsafe(LABEL.length + PUBLIC_KEY_BYTES + 4 + nameBytes.length + 4 + textBytes.length + 8);
  let at = LABEL.copy(out, 0);
  at += key.copy(out, at);
  at = out.writeUInt32BE(nameBytes.length, at);
  at += nameBytes.copy(out, at);
  at = out.writeUInt32BE(textBytes.length, at);
  at += textBytes.copy(out, at);
  out.writeBigUInt64BE(BigInt(ts), at);
  return out;
}

/** The id of a message with these canonical bytes: sha256, first 16 bytes, base64url. */
export function messageIdOf(canonical: Buffer): string {
  return createHash('sha256').update(canonical).digest().subarray(0, ID_BYTES).toString('base64url');
}

/** Why these fields cannot form a message (before any crypto), or undefined. */
export function fieldProblem(name: unknown, text: unknown, ts: unknown): string | undefined {
  if (typeof name !== 'string') return 'name must be a string';
  const nameBad = displayNameProblem(name);
  if (nameBad) return `name ${nameBad}`;
  if (typeof text !== 'string' || text.length > MAX_SIGNED_TEXT) return `text must be a string of at most ${MAX_SIGNED_TEXT} characters`;
  if (typeof ts !== 'number' || !Number.isSafeInteger(ts) || ts < 0) return 'timestamp must be a whole number of ms >= 0';
  return undefined;
}

/** Signs a message by `key` as `name`; throws InputError for a bad name, text or time. */
export function signMessage(key: NodeKey, name: string, text: string, ts: number): SignedMsg {
  const problem = fieldProblem(name, text, ts);
  if (problem) throw new InputError('ERR_BAD_MESSAGE', `message: ${problem}`);
  const canonical = canonicalBytes(key.publicKey, name, text, ts);
  const sig = sign(null, canonical, key.privateKey).toString('base64url');
  return { id: messageIdOf(canonical), origin: name, text, key: key.id, ts, sig };
}

// Turning a raw key into a KeyObject costs more than a verify; authors are few, so keep some.
const KEY_CACHE_SIZE = 1024;
const keyCache = new Map<string, KeyObject>();

function publicKeyObject(key: string): KeyObject | undefined {
  const cached = keyCache.get(key);
  if (cached) return cached;
  let object: KeyObject;
  try {
    object = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: key }, format: 'jwk' });
  } catch {
    return undefined;
  }
  if (keyCache.size >= KEY_CACHE_SIZE) keyCache.delete(keyCache.keys().next().value!);
  keyCache.set(key, object);
  return object;
}

function failure(why: VerifyFailure, detail: string): VerifyResult {
  return { ok: false, why, detail };
}

/**
 * The cheap half of verification: sizes, key shape, and that the id is the hash of the content
 * (one sha256). A copy that passes has exactly the content its id names, so a node can treat a
 * second copy of a verified id as a duplicate without checking its signature again.
 */
export function checkContent(msg: SignedMsg): VerifyResult {
  const problem = fieldProblem(msg.origin, msg.text, msg.ts);
  if (problem) return failure('bad-field', problem);
  if (typeof msg.key !== 'string' || msg.key.length !== 43 || !B64URL.test(msg.key)) return failure('bad-key', 'key must be 43 base64url characters (32 bytes)');
  if (typeof msg.sig !== 'string' || msg.sig.length !== 86 || !B64URL.test(msg.sig)) return failure('bad-signature', 'signature must be 86 base64url characters (64 bytes)');
  if (typeof msg.id !== 'string' || msg.id.length !== 22 || !B64URL.test(msg.id)) return failure('id-mismatch', 'id must be 22 base64url characters');
  const raw = Buffer.from(msg.key, 'base64url');
  // Two spare bits in the last character: only the canonical spelling, so one key has one name.
  if (raw.length !== PUBLIC_KEY_BYTES || raw.toString('base64url') !== msg.key) return failure('bad-key', 'key is not 32 bytes in canonical base64url');
  if (messageIdOf(canonicalBytes(raw, msg.origin, msg.text, msg.ts)) !== msg.id) return failure('id-mismatch', 'id is not the hash of key, name, text and time');
  return { ok: true };
}

/** The costly half (one Ed25519 verify, about 0.2 ms): the signature. Call after checkContent. */
export function checkSignature(msg: SignedMsg): VerifyResult {
  const object = publicKeyObject(msg.key);
  if (!object) return failure('bad-key', 'key is not an Ed25519 public key');
  const canonical = canonicalBytes(Buffer.from(msg.key, 'base64url'), msg.origin, msg.text, msg.ts);
  if (!verify(null, canonical, object, Buffer.from(msg.sig, 'base64url'))) return failure('bad-signature', 'signature does not match');
  return { ok: true };
}

/** Checks sizes, that the id is the hash of the content, and the signature. Never throws. */
export function verifyMessage(msg: SignedMsg): VerifyResult {
  const content = checkContent(msg);
  return content.ok ? checkSignature(msg) : content;
}
