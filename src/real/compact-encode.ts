/**
 * encodeMessageFrame's fast path: a message whose id, author and text are ASCII needing no JSON
 * escape (most chat) is written straight into its frame, byte by byte, in the compact layout
 * compact-body.ts reads. A node encodes every message it forwards, so this saves the
 * intermediate strings (quoted fields, the whole body) that building the JSON text first made.
 */
import { PREFIX_BYTES } from './frame.ts';

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** The frame for the message, or undefined when a field needs the general encoder (non-ASCII, escapes, odd hops). */
export function encodeCompactFrame(id: string, origin: string, text: string, hops: number): Buffer | undefined {
  if (!(Number.isInteger(hops) && hops >= 0 && hops < 1e9) || !asciiPlain(id) || !asciiPlain(origin) || !asciiPlain(text)) return undefined;
  let digits = 1;
  for (let h = hops; h >= 10; h = Math.floor(h / 10)) digits++;
  const length = 6 + id.length + 7 + origin.length + 7 + text.length + 6 + digits + 1;
  const frame = Buffer.allocUnsafe(PREFIX_BYTES + length);
  frame.writeUInt32BE(length, 0);
  let p = put(frame, PREFIX_BYTES, '{"i":"');
  p = put(frame, p, id);
  p = put(frame, p, '","o":"');
  p = put(frame, p, origin);
  p = put(frame, p, '","t":"');
  p = put(frame, p, text);
  p = put(frame, p, '","h":');
  for (let k = digits - 1, h = hops; k >= 0; k--, h = Math.floor(h / 10)) frame[p + k] = 0x30 + (h % 10);
  frame[p + digits] = 0x7d;
  return frame;
}

/** True when every character of `s` is ASCII that JSON writes as it is (no control character, quote or backslash). */
function asciiPlain(s: string): boolean {
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if (c < 0x20 || c >= 0x80 || c === QUOTE || c === BACKSLASH) return false;
  }
  return true;
}

/** Writes the ASCII string `s` at frame[p..]; returns the index after it. */
function put(frame: Buffer, p: number, s: string): number {
  for (let k = 0; k < s.length; k++) frame[p + k] = s.charCodeAt(k);
  return p + s.length;
}
