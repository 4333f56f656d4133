/**
 * The compact message body, `{"i":"id","o":"origin","t":"text","h":hops}` as encodeMessageFrame
 * writes it, read on its bytes: where each field lies, with the checks that are exact on bytes.
 * It works on a range of a chunk, so a frame needs no Buffer view of its own, and it makes no
 * strings: every copy of every message passes here, and most copies are duplicates. Anything it
 * is not sure of goes to the general path (JSON.parse and the field patterns, codec.ts).
 */

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** Where the fields of a compact body lie in its buffer, and its hop count. */
export interface CompactFields {
  idEnd: number;
  originEnd: number;
  textEnd: number;
  hops: number;
}

/** True when buf[p..] starts with the ASCII text `s`. */
export function at(buf: Buffer, p: number, s: string): boolean {
  for (let k = 0; k < s.length; k++) if (buf[p + k] !== s.charCodeAt(k)) return false;
  return true;
}

/**
 * The fields of the compact body buf[start..end), or undefined when it is not laid out exactly so
 * (escapes, spacing, other key order, an id of other characters): "take the general path", never
 * "refuse". The id starts at start + 6, the origin at idEnd + 7, the text at originEnd + 7. `out`
 * is filled and returned, so a caller can reuse one.
 */
export function compactFields(buf: Buffer, start: number, end: number, out: CompactFields): CompactFields | undefined {
  if (!at(buf, start, '{"i":"')) return undefined;
  const idEnd = idEndAt(buf, start + 6, end);
  if (idEnd < 0 || !at(buf, idEnd, '","o":"')) return undefined;
  const originEnd = plainStringEnd(buf, idEnd + 7, end);
  if (originEnd < 0 || !at(buf, originEnd, '","t":"')) return undefined;
  const textEnd = plainStringEnd(buf, originEnd + 7, end);
  if (textEnd < 0 || !at(buf, textEnd, '","h":')) return undefined;
  let h = 0;
  let p = textEnd + 6;
  const digits = p;
  for (; p < end && buf[p]! >= 0x30 && buf[p]! <= 0x39 && p - digits < 6; p++) h = h * 10 + buf[p]! - 0x30;
  if (p === digits || buf[digits] === 0x30 || p !== end - 1 || buf[p] !== 0x7d) return undefined;
  out.idEnd = idEnd;
  out.originEnd = originEnd;
  out.textEnd = textEnd;
  out.hops = h;
  return out;
}

/**
 * True when buf[start..end) is a name the NAME pattern accepts, judged on the bytes: 1 to
 * `maxLength` printable ASCII characters (no DEL; plainStringEnd already refused control
 * characters), not starting or ending with a space. False means "ask the pattern", not "refuse".
 */
export function plainName(buf: Buffer, start: number, end: number, maxLength: number): boolean {
  if (end - start < 1 || end - start > maxLength || buf[start] === 0x20 || buf[end - 1] === 0x20) return false;
  for (let p = start; p < end; p++) if (buf[p]! >= 0x7f) return false;
  return true;
}

/** Index of the closing quote of a JSON string starting at `p` (before `end`), or -1 if it needs unescaping. */
function plainStringEnd(buf: Buffer, p: number, end: number): number {
  for (; p < end; p++) {
    const c = buf[p]!;
    if (c === QUOTE) return p;
    if (c === BACKSLASH || c < 0x20) return -1;
  }
  return -1;
}

/** End of an id of 1 to 64 characters of A-Z a-z 0-9 _ - starting at `p` (the ID pattern, on bytes), or -1. */
function idEndAt(buf: Buffer, p: number, end: number): number {
  const start = p;
  for (; p < end && p - start <= 64; p++) {
    const c = buf[p]!;
    if (c === QUOTE) return p > start ? p : -1;
    if (!((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x5f)) return -1;
  }
  return -1;
}
