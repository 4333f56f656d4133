/**
 * The body of a frame: one chat message as compact JSON, `{"i":id,"o":origin,"t":text,"h":hops}`.
 * Short keys and 16-character ids keep a 5-byte chat line under 60 bytes on the wire. Every field
 * of a received body is checked (type, length, allowed characters) before the node acts on it;
 * anything else is a CodecError, and the node closes that one connection.
 */
import { randomBytes } from 'node:crypto';
import { InputError } from '../core/errors.ts';
import type { Msg } from '../core/message.ts';
import type { Control } from '../core/seam.ts';
import { at, compactFields, plainName, type CompactFields } from './compact-body.ts';
import { encodeCompactFrame } from './compact-encode.ts';
import { encodeTextFrame } from './frame.ts';
import { WireError } from './wire/codec.ts';

/** Longest chat text, in UTF-16 code units. */
export const MAX_TEXT = 16_384;
/** Longest node name. */
export const MAX_NAME = 64;
/** Largest hop count accepted: far beyond any real path, small enough to catch garbage. */
export const MAX_HOPS = 65_535;

/** A received body that is not a valid message; code 'ERR_BAD_BODY'. */
export class CodecError extends WireError {
  override readonly name = 'CodecError';
  declare readonly code: 'ERR_BAD_BODY';
  constructor(message: string) {
    super('ERR_BAD_BODY', message);
  }
}

/**
 * A message as received: the Msg a protocol sees, plus the hop count of the copy that carried it
 * (1 = sent by the origin). Immutable; the hop count stays with the object, so a later send of
 * it (e.g. by a protocol's timer) is stamped right without a side table.
 */
export class ReceivedMsg implements Msg {
  constructor(
    readonly id: string,
    readonly origin: string,
    readonly text: string,
    readonly hops: number,
  ) {}
}

const ID = /^[A-Za-z0-9_-]{1,64}$/;
// Names are printed as `NAME -> text`: no control characters, no spaces at the ends, 1 to 64 long.
const NAME = /^(?![\s])[^\u0000-\u001f\u007f-\u009f]{1,64}(?<![\s])$/;

// Random bytes are drawn 4 KiB at a time: one call into the system per 341 ids, not one per id.
const POOL = 4096 - (4096 % 12);
let pool = Buffer.alloc(0);
let poolAt = POOL;

/** A fresh message id: 12 random bytes from node:crypto, as 16 base64url characters. */
export function newMessageId(): string {
  if (poolAt >= POOL) {
    pool = randomBytes(POOL);
    poolAt = 0;
  }
  poolAt += 12;
  return pool.toString('base64url', poolAt - 12, poolAt);
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
  const compact = encodeCompactFrame(String(msg.id), msg.origin, msg.text, hops);
  if (compact) return compact;
  // Ids are url-safe by construction (checked on receipt), so only origin and text may need
  // escaping; those needing none are written as they are (JSON.stringify would copy them).
  const origin = jsonPlain(msg.origin) ? `"${msg.origin}"` : JSON.stringify(msg.origin);
  const text = jsonPlain(msg.text) ? `"${msg.text}"` : JSON.stringify(msg.text);
  return encodeTextFrame(`{"i":"${msg.id}","o":${origin},"t":${text},"h":${hops}}`);
}

/** True when JSON.stringify(s) is s in quotes: no control character, quote, backslash or surrogate. */
function jsonPlain(s: string): boolean {
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if (c < 0x20 || c === QUOTE || c === BACKSLASH || (c >= 0xd800 && c <= 0xdfff)) return false;
  }
  return true;
}

/** One frame carrying a control message (IHAVE, GRAFT, PRUNE, INV, GETDATA): `{"c":type,"i":id}`. */
export function encodeControlFrame(ctrl: Control): Buffer {
  return encodeTextFrame(`{"c":${JSON.stringify(ctrl.type)},"i":${JSON.stringify(String(ctrl.id))}}`);
}

const CONTROL_TYPE = /^[a-z]{1,16}$/;

/** A control body as encodeControlFrame writes it (`c` first); throws CodecError otherwise. */
function decodeControl(body: Buffer): Control {
  let value: unknown;
  try {
    value = JSON.parse(body.toString('utf8'));
  } catch {
    fail(`not JSON (${body.length} bytes)`);
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  if (keys.length !== 2 || keys[0] !== 'c' || keys[1] !== 'i') fail('a control body has exactly the fields c, i');
  const { c, i } = record;
  if (typeof c !== 'string' || !CONTROL_TYPE.test(c)) fail("field 'c' (control type) must be 1 to 16 letters a-z");
  if (typeof i !== 'string' || !ID.test(i)) fail("field 'i' (id) must be 1 to 64 characters of A-Z a-z 0-9 _ -");
  return { type: c, id: i };
}

/** Parses one frame body: a control message when it starts with `{"c":`, else a chat message. */
export function decodeFrame(body: Buffer): ReceivedMsg | Control {
  return at(body, 0, '{"c":') ? decodeControl(body) : decodeMessage(body);
}

export { at } from './compact-body.ts';

function fail(message: string): never {
  throw new CodecError(`body: ${message}`);
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** One reused record of where a compact body's fields lie (decoding is synchronous). */
const fields: CompactFields = { idEnd: 0, originEnd: 0, textEnd: 0, hops: 0 };

/**
 * The fast path: a message body laid out exactly as encodeMessageFrame writes it, in
 * buf[start..end), is read without JSON.parse (compact-body.ts); its fields get the same checks,
 * on the bytes where that is exact (id characters, an ASCII name, a text of at most MAX_TEXT
 * bytes), else by `checked`. Undefined means "take the general path", never "accept".
 */
export function decodeCompact(buf: Buffer, start: number, end: number): ReceivedMsg | undefined {
  const f = compactFields(buf, start, end, fields);
  if (!f) return undefined;
  const { idEnd, originEnd, textEnd, hops } = f;
  const id = latin1Slice.call(buf, start + 6, idEnd);
  const origin = utf8Slice.call(buf, idEnd + 7, originEnd);
  const text = utf8Slice.call(buf, originEnd + 7, textEnd);
  // A text of n bytes has at most n UTF-16 units; hops have no leading zero, so they are at least 1.
  if (plainName(buf, idEnd + 7, originEnd, MAX_NAME) && textEnd - originEnd - 7 <= MAX_TEXT && hops <= MAX_HOPS) return new ReceivedMsg(id, origin, text, hops);
  return checked(id, origin, text, hops);
}

// Buffer's own slicers (Node's, present since its first releases though not in its typings):
// toString looks the encoding up and checks its arguments on every call, three times a frame.
type Slicer = (this: Buffer, start: number, end: number) => string;
const slicers = Buffer.prototype as unknown as { latin1Slice?: Slicer; utf8Slice?: Slicer };
const latin1Slice: Slicer =
  slicers.latin1Slice ??
  function (this: Buffer, start: number, end: number): string {
    return this.toString('latin1', start, end);
  };
const utf8Slice: Slicer =
  slicers.utf8Slice ??
  function (this: Buffer, start: number, end: number): string {
    return this.toString('utf8', start, end);
  };

function checked(i: unknown, o: unknown, t: unknown, h: unknown): ReceivedMsg {
  if (typeof i !== 'string' || !ID.test(i)) fail("field 'i' (id) must be 1 to 64 characters of A-Z a-z 0-9 _ -");
  if (typeof o !== 'string' || !NAME.test(o)) fail(`field 'o' (origin) must be a name of 1 to ${MAX_NAME} characters without control characters`);
  if (typeof t !== 'string' || t.length > MAX_TEXT) fail(`field 't' (text) must be a string of at most ${MAX_TEXT} characters`);
  if (typeof h !== 'number' || !Number.isInteger(h) || h < 1 || h > MAX_HOPS) fail(`field 'h' (hops) must be an integer from 1 to ${MAX_HOPS}`);
  return new ReceivedMsg(i, o, t, h);
}

/** Parses and validates one frame body; throws CodecError naming the bad field. */
export function decodeMessage(body: Buffer): ReceivedMsg {
  const fast = decodeCompact(body, 0, body.length);
  if (fast) return fast;
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
  if (fields !== 4) fail(`${4 - fields} of the fields i, o, t, h missing`);
  return checked(record['i'], record['o'], record['t'], record['h']);
}
