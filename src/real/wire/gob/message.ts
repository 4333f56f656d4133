/**
 * The chat message on the gob wire: Go's `struct { Text string; UniqueID int }`. Ids stay exact:
 * a bigint in Go's int64 range, or its decimal string in floodlab's id space, never a JS number.
 * A value is a struct: (field delta, field value) pairs from field -1, ended by delta 0; a field
 * whose value is zero (empty Text, UniqueID 0) is left out, so a missing field reads as zero.
 */
import { GobError, quote } from './errors.ts';
import { readStruct, T_BYTES, T_COMPLEX, T_STRING, type StructDef } from './types.ts';
import type { GobReader } from './varint.ts';

export interface GobMessage {
  readonly text: string;
  /** Go's UniqueID: a signed 64-bit int. */
  readonly id: bigint;
}

export const GOB_ID_MIN = -(2n ** 63n);
export const GOB_ID_MAX = 2n ** 63n - 1n;

/** Default longest Text, in UTF-8 bytes: three bytes for each of the JSON wire's 16,384 code units. */
export const DEFAULT_MAX_TEXT_BYTES = 3 * 16_384;

/** Throws ERR_GOB_ID_RANGE unless `id` fits Go's int. */
export function checkGobId(id: bigint): bigint {
  if (id < GOB_ID_MIN || id > GOB_ID_MAX) throw new GobError('ERR_GOB_ID_RANGE', `id ${id} is outside Go's int (-2^63 .. 2^63 - 1)`);
  return id;
}

/** An id as its decimal string (exact, for floodlab's id space). */
export function gobIdToDecimal(id: bigint): string {
  return checkGobId(id).toString(10);
}

/** The id a decimal string names: an optional '-' then 1 to 19 digits, within Go's int. */
export function parseGobId(decimal: string): bigint {
  if (!/^-?(0|[1-9]\d{0,18})$/.test(decimal)) throw new GobError('ERR_GOB_ID_RANGE', `id ${quote(decimal)} is not a decimal integer of at most 19 digits`);
  return checkGobId(BigInt(decimal));
}

/** Reads a value of struct type `def` as a Message; other fields are read and dropped, as Go does. */
export function readMessageValue(r: GobReader, def: StructDef, maxTextBytes: number): GobMessage {
  if (def.notMessage !== undefined) throw new GobError('ERR_GOB_WRONG_TYPE', `type ${def.id} ${quote(def.name)} is not a Message: ${def.notMessage}`);
  let text = '';
  let id = 0n;
  readStruct(r, def.fieldTypes.length, quote(def.name), (field) => {
    if (field === def.textField) text = r.string('Text', maxTextBytes, 'ERR_GOB_TEXT_TOO_LONG');
    else if (field === def.idField) id = r.int();
    else skipBasic(r, def.fieldTypes[field]!);
  });
  return { text, id };
}

/** Reads past one value of a predefined basic type. */
function skipBasic(r: GobReader, type: number): void {
  if (type === T_STRING || type === T_BYTES) r.bytes(r.small(r.remaining, 'byte count'));
  else if (type === T_COMPLEX) r.uint(), r.uint();
  else r.uint(); // bool, int, uint and float each travel as one unsigned integer
}
