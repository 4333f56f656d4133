/**
 * Ids between the two wires. A Go message's id is its 64-bit UniqueID; on floodlab's JSON wire it
 * travels as 'g' + its decimal digits (e.g. g7638624916288184356, g-5), so a Go message relayed
 * over JSON links and back to a Go node keeps its UniqueID exactly. A floodlab id (16 base64url
 * characters, or any id of A-Z a-z 0-9 _ -) has no integer of its own: it is given one, the same at
 * every node (its first 8 bytes as base64url, or of its SHA-256 for other ids, as a non-negative
 * 63-bit int like Go's rand.Int), so every floodlab node that hands it to a Go node uses the same
 * UniqueID and the Go node shows it once. `canonicalId` names both spellings of one message alike,
 * so a node that sees a floodlab message under its own id and under its 'g' id delivers it once.
 */
import { createHash } from 'node:crypto';
import { GOB_ID_MAX, GOB_ID_MIN } from './message.ts';

const G_ID = /^g(-?(?:0|[1-9]\d{0,18}))$/;
const NATIVE = /^[A-Za-z0-9_-]{16}$/;
const LOW_63 = (1n << 63n) - 1n;

/** The JSON id of a Go message. */
export function jsonIdOfGob(id: bigint): string {
  return `g${id}`;
}

/** The UniqueID a 'g' id stands for, or undefined when `id` is not one (or out of Go's int). */
export function gobIdOfG(id: string): bigint | undefined {
  const m = G_ID.exec(id);
  if (!m) return undefined;
  const value = BigInt(m[1]!);
  return value < GOB_ID_MIN || value > GOB_ID_MAX ? undefined : value;
}

/** The UniqueID for any message id: its own for a 'g' id, else a fixed 63-bit one derived from it. */
export function gobIdOf(id: string): bigint {
  const own = gobIdOfG(id);
  if (own !== undefined) return own;
  if (NATIVE.test(id)) return nativeHigh64(id) & LOW_63;
  return createHash('sha256').update(id).digest().readBigUInt64BE(0) & LOW_63;
}

const B64 = new Int8Array(128).fill(-1);
for (const [k, c] of [...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'].entries()) B64[c.charCodeAt(0)] = k;

/** The first 8 bytes a base64url id decodes to, read from its first 11 characters without a Buffer (on every receipt). */
function nativeHigh64(id: string): bigint {
  // 11 characters hold 66 bits: the first 30 and the next 36 as two exact doubles.
  let hi = 0;
  let lo = 0;
  for (let k = 0; k < 5; k++) hi = hi * 64 + B64[id.charCodeAt(k)]!;
  for (let k = 5; k < 11; k++) lo = lo * 64 + B64[id.charCodeAt(k)]!;
  return ((BigInt(hi) << 36n) | BigInt(lo)) >> 2n;
}

/** The two 32-bit halves of a 64-bit UniqueID (two's complement), as unsigned numbers. */
export interface IdWords {
  hi: number;
  lo: number;
}

/**
 * Writes the UniqueID of an id into `out` as two words, the same for both spellings of one
 * message (as canonicalId): the seen ids' key (trust/seen-ids.ts). Every copy of every message
 * is looked up, so a floodlab id takes a path without BigInt, regular expression or string.
 */
export function uniqueIdWords(id: string, out: IdWords): IdWords {
  if (id.length === 16 && id.charCodeAt(0) !== 0x67 /* g: maybe a Go id */) {
    // One pass: the first 11 characters give the bits, and any character outside base64url
    // (a negative digit) sends the id to the general path below.
    let hi = 0;
    let lo = 0;
    let bad = 0;
    for (let k = 0; k < 16; k++) {
      const c = id.charCodeAt(k);
      const d = c < 128 ? B64[c]! : -1;
      bad |= d;
      if (k < 5) hi = hi * 64 + d;
      else if (k < 11) lo = lo * 64 + d;
    }
    if (bad >= 0) {
      // As nativeHigh64 & LOW_63: bits 62..34 are hi's low 29 bits, bits 33..0 are lo / 4.
      const low34 = Math.floor(lo / 4);
      out.hi = ((hi & 0x1fffffff) * 4 + Math.floor(low34 / 0x1_0000_0000)) >>> 0;
      out.lo = low34 % 0x1_0000_0000;
      return out;
    }
  }
  const u = BigInt.asUintN(64, gobIdOf(id));
  out.hi = Number(u >> 32n);
  out.lo = Number(u & 0xffffffffn);
  return out;
}

/** One name for a message whichever wire's spelling of its id a node got: the 'g' id. */
export function canonicalId(id: string): string {
  return gobIdOfG(id) !== undefined ? id : jsonIdOfGob(gobIdOf(id));
}
