/**
 * The one error the gob codec throws on bad input: a WireError with a stable code and a one-line
 * reason starting "gob: ", so a node closes that connection with the reason and keeps running.
 */
import { WireError } from '../codec.ts';

/** Every code the gob codec throws. */
export type GobErrorCode =
  /** A message's length prefix is over the limit (checked before any of its bytes is buffered). */
  | 'ERR_GOB_TOO_LONG'
  /** Bytes that are not a well-formed gob message (bad integer, field out of range, extra bytes...). */
  | 'ERR_GOB_MALFORMED'
  /** A type this codec does not take: not a struct, a nested or interface field, a top-level basic value. */
  | 'ERR_GOB_UNSUPPORTED_TYPE'
  /** A value of a type id never defined on the stream. */
  | 'ERR_GOB_UNKNOWN_TYPE'
  /** A struct that is not the chat Message: Text not a string, UniqueID not an int, or neither field. */
  | 'ERR_GOB_WRONG_TYPE'
  /** More type definitions held than the limit. */
  | 'ERR_GOB_TOO_MANY_TYPES'
  /** A Text longer than the limit, in bytes. */
  | 'ERR_GOB_TEXT_TOO_LONG'
  /** An id outside Go's 64-bit int, or not a decimal integer. */
  | 'ERR_GOB_ID_RANGE'
  /** The stream ended inside a message. */
  | 'ERR_GOB_TRUNCATED';

export class GobError extends WireError {
  override readonly name: string = 'GobError';
  declare readonly code: GobErrorCode;
  constructor(code: GobErrorCode, reason: string) {
    super(code, `gob: ${reason}`);
  }
}

/** A name or text from the wire, safe to quote in a one-line reason: JSON-quoted, cut at 40 characters. */
export function quote(s: string): string {
  return JSON.stringify(s.length > 40 ? `${s.slice(0, 40)}…` : s);
}
