/**
 * A signed chat message on the JSON wire: `{"k":key,"i":id,"o":name,"t":text,"s":ts,"g":sig,"h":hops}`.
 * It starts with `{"k":`, so it is told apart from unsigned chat (`{"i":`), control (`{"c":`) and
 * handshake (`{"hs":`) bodies by its first bytes. Decoding checks shape and sizes only (a
 * CodecError otherwise); the signature is checked by verifyMessage, which the node calls before
 * it delivers or forwards. The hop count travels beside the signed content (it changes per hop).
 */
import { CodecError, MAX_HOPS } from '../codec.ts';
import { encodeTextFrame } from '../frame.ts';
import type { SignedMsg } from './signed.ts';

/** A signed message as received, with the hop count of the copy that carried it (1 = from the author). */
export class SignedReceived implements SignedMsg {
  constructor(
    readonly id: string,
    readonly origin: string,
    readonly text: string,
    readonly key: string,
    readonly ts: number,
    readonly sig: string,
    readonly hops: number,
  ) {}
}

const FIELDS = ['k', 'i', 'o', 't', 's', 'g', 'h'] as const;

/** True when a frame body is a signed message (`{"k":`). */
export function isSignedBody(body: Buffer): boolean {
  return body.length >= 5 && body.toString('latin1', 0, 5) === '{"k":';
}

/** One frame carrying a signed message at hop count `hops`. */
export function encodeSignedFrame(msg: SignedMsg, hops: number): Buffer {
  // key, id and sig are base64url (checked on receipt); name and text need JSON escaping.
  return encodeTextFrame(`{"k":"${msg.key}","i":"${msg.id}","o":${JSON.stringify(msg.origin)},"t":${JSON.stringify(msg.text)},"s":${msg.ts},"g":"${msg.sig}","h":${hops}}`);
}

function fail(message: string): never {
  throw new CodecError(`body: ${message}`);
}

/**
 * Parses a signed body; throws CodecError naming the first bad field. Types and the hop range are
 * checked here; lengths of key, id, signature, name and text are checked again by verifyMessage.
 */
export function decodeSignedBody(body: Buffer): SignedReceived {
  let value: unknown;
  try {
    value = JSON.parse(body.toString('utf8'));
  } catch {
    fail(`not JSON (${body.length} bytes)`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail('not a JSON object');
  const r = value as Record<string, unknown>;
  const keys = Object.keys(r);
  if (keys.length !== FIELDS.length || FIELDS.some((f) => !(f in r))) fail(`a signed body has exactly the fields ${FIELDS.join(', ')}`);
  const { k, i, o, t, s, g, h } = r;
  if (typeof k !== 'string' || k.length > 64) fail("field 'k' (key) must be a base64url string");
  if (typeof i !== 'string' || i.length > 64) fail("field 'i' (id) must be a base64url string");
  if (typeof o !== 'string' || o.length > 256) fail("field 'o' (name) must be a short string");
  if (typeof t !== 'string') fail("field 't' (text) must be a string");
  if (typeof s !== 'number' || !Number.isSafeInteger(s) || s < 0) fail("field 's' (time) must be whole ms >= 0");
  if (typeof g !== 'string' || g.length > 128) fail("field 'g' (signature) must be a base64url string");
  if (typeof h !== 'number' || !Number.isInteger(h) || h < 1 || h > MAX_HOPS) fail(`field 'h' (hops) must be an integer from 1 to ${MAX_HOPS}`);
  return new SignedReceived(i, o, t, k, s, g, h);
}
