/**
 * The body of a frame: one chat message as compact JSON, `{"i":id,"o":origin,"t":text,"h":hops}`.
 * Short keys and 16-character ids keep a 5-byte chat line under 60 bytes on the wire. Every field
 * of a received body is checked (type, length, allowed characters) before the node acts on it;
 * anything else is a CodecError, and the node closes that one connection.
 */
import { randomBytes } from 'node:crypto';
import { InputError } from '../core/errors.ts';
import type { Msg } from '../core/message.ts';
import { encodeTextFrame } from './frame.ts';

/** Longest chat text, in UTF-16 code units. */
export const MAX_TEXT = 16_384;
/** Longest node name. */
export const MAX_NAME = 64;
/** Largest hop count accepted: far beyond any real path, small enough to catch garbage. */
export const MAX_HOPS = 65_535;

/** A received body that is not a valid message; code 'ERR_BAD_BODY'. */
export class CodecError extends Error {
  override readonly name = 'CodecError';
  readonly code = 'ERR_BAD_BODY';
}

/** A decoded message and the hop count of the copy that carried it (1 = sent by the origin). */
export interface WireMessage {
  readonly msg: Msg;
  readonly hops: number;
}

const ID = /^[A-Za-z0-9_-]{1,64}$/;
// Names are printed as `NAME -> text`: no control characters, no spaces at the ends, 1 to 64 long.
const NAME = /^(?![\s])[^\u0000-\u001f\u007f-\u009f]{1,64}(?<![\s])$/;

/** A fresh message id: 12 random bytes from node:crypto, as 16 base64url characters. */
export function newMessageId(): string {
  return randomBytes(12).toString('base64url');
}

/** Why `name` cannot be a node name, or undefined when it can. */
export function nameProblem(name: string): string | undefined {
  if (name.length === 0 || name.length > MAX_NAME) return `must be 1 to ${MAX_NAME} characters`;
  if (!NAME.test(name)) return 'must not contain control characters or start or end with a space';
  return undefined;
}

/** Checks a node name typed by a user; throws InputError naming the bad value. */
export function checkName(name: string): string {
  const problem = nameProblem(name);
  if (problem) throw new InputError('ERR_BAD_NAME', `node: --name '${name}' ${problem}`);
  return name;
}

/** One frame carrying `msg` at hop count `hops`. */
export function encodeMessageFrame(msg: Msg, hops: number): Buffer {
  return encodeTextFrame(JSON.stringify({ i: msg.id, o: msg.origin, t: msg.text, h: hops }));
}

function fail(message: string): never {
  throw new CodecError(`body: ${message}`);
}

/** Parses and validates one frame body; throws CodecError naming the bad field. */
export function decodeMessage(body: Buffer): WireMessage {
  let value: unknown;
  try {
    value = JSON.parse(body.toString('utf8'));
  } catch {
    fail(`not JSON (${body.length} bytes)`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail('not a JSON object');
  const record = value as Record<string, unknown>;
  let fields = 0;
  for (const key in record) {
    if (key !== 'i' && key !== 'o' && key !== 't' && key !== 'h') fail(`unknown field '${key.slice(0, 20)}'`);
    fields++;
  }
  const { i, o, t, h } = record;
  if (fields !== 4) fail(`${4 - fields} of the fields i, o, t, h missing`);
  if (typeof i !== 'string' || !ID.test(i)) fail("field 'i' (id) must be 1 to 64 characters of A-Z a-z 0-9 _ -");
  if (typeof o !== 'string' || !NAME.test(o)) fail(`field 'o' (origin) must be a name of 1 to ${MAX_NAME} characters without control characters`);
  if (typeof t !== 'string' || t.length > MAX_TEXT) fail(`field 't' (text) must be a string of at most ${MAX_TEXT} characters`);
  if (typeof h !== 'number' || !Number.isInteger(h) || h < 1 || h > MAX_HOPS) fail(`field 'h' (hops) must be an integer from 1 to ${MAX_HOPS}`);
  return { msg: { id: i, origin: o, text: t }, hops: h };
}
