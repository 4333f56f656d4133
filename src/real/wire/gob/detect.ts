/**
 * Tells which wire an accepted connection speaks from its first bytes (for `--wire auto`).
 * floodlab's JSON frames start with a 4-byte big-endian length (at most 64 KiB, so the first byte
 * is 0) and a body starting with `{`. A gob stream starts with a message count (never 0: an empty
 * message is invalid) then, since every stream opens by defining its type, a negative type id of
 * at least 64 in magnitude, then a wireType field delta (1 to 7). The first byte alone separates
 * the two; the rest rejects garbage. At most 19 bytes are needed.
 */
import { DEFAULT_MAX_FRAME_BYTES } from '../../frame.ts';
import { FIRST_USER_ID } from './types.ts';
import { toSigned } from './varint.ts';

/** 'more': not enough bytes yet to tell. 'unknown': neither wire. */
export type WireGuess = 'json' | 'gob' | 'unknown' | 'more';

/** Most bytes `detectWire` needs before it answers anything but 'more'. */
export const DETECT_BYTES = 19;

/** Guesses the wire from the first bytes received on a connection. */
export function detectWire(head: Uint8Array, maxFrameBytes: number = DEFAULT_MAX_FRAME_BYTES): WireGuess {
  if (head.length === 0) return 'more';
  return head[0] === 0 ? detectJson(head, maxFrameBytes) : detectGob(head);
}

function detectJson(head: Uint8Array, maxFrameBytes: number): WireGuess {
  if (head.length < 4) return 'more';
  const length = ((head[0]! << 24) | (head[1]! << 16) | (head[2]! << 8) | head[3]!) >>> 0;
  if (length < 2 || length > maxFrameBytes) return 'unknown';
  if (head.length < 5) return 'more';
  return head[4] === 0x7b ? 'json' : 'unknown';
}

/** Reads one gob unsigned integer at `at`: its value and width, 'more', or 'bad'. */
function uintAt(head: Uint8Array, at: number): { value: bigint; width: number } | 'more' | 'bad' {
  if (at >= head.length) return 'more';
  const first = head[at]!;
  if (first < 0x80) return { value: BigInt(first), width: 1 };
  const n = 256 - first;
  if (n > 8) return 'bad';
  if (at + 1 + n > head.length) return 'more';
  let value = 0n;
  for (let k = 1; k <= n; k++) value = (value << 8n) | BigInt(head[at + k]!);
  return { value, width: 1 + n };
}

function detectGob(head: Uint8Array): WireGuess {
  const length = uintAt(head, 0);
  if (length === 'more' || length === 'bad') return length === 'bad' ? 'unknown' : 'more';
  const id = uintAt(head, length.width);
  if (id === 'more' || id === 'bad') return id === 'bad' ? 'unknown' : 'more';
  if (toSigned(id.value) > -BigInt(FIRST_USER_ID)) return 'unknown';
  const at = length.width + id.width;
  if (length.value < BigInt(id.width + 1)) return 'unknown';
  if (at >= head.length) return 'more';
  const delta = head[at]!;
  return delta >= 1 && delta <= 7 ? 'gob' : 'unknown';
}
