/**
 * Writes Messages the way Go's gob.Encoder does, byte for byte. The Go node reads each message with
 * a new Decoder, so each must be a whole fresh stream: the type definition, then the value
 * (`encodeGobMessage`). A stream read by one Decoder sends the definition once (`encodeGobStream`).
 * Each message is a length-prefixed (unsigned count) body starting with its type id.
 */
import { GobError } from './errors.ts';
import { checkGobId, DEFAULT_MAX_TEXT_BYTES, type GobMessage } from './message.ts';
import { T_INT, T_STRING } from './types.ts';
import { writeInt, writeUint } from './varint.ts';

/** The type id Go gives the Message (its first type, 65); any id from 65 would do. */
export const MESSAGE_TYPE_ID = 65;

function delimited(body: number[]): number[] {
  const out: number[] = [];
  writeUint(out, BigInt(body.length));
  return out.concat(body);
}

function pushString(out: number[], s: string): void {
  const bytes = Buffer.from(s, 'utf8');
  writeUint(out, BigInt(bytes.length));
  for (const b of bytes) out.push(b);
}

/** The definition message: (-65, wireType{StructT: {CommonType{"Message", 65}, [{"Text", string}, {"UniqueID", int}]}}). */
function definition(): Buffer {
  const body: number[] = [];
  writeInt(body, BigInt(-MESSAGE_TYPE_ID));
  body.push(3); // wireType field 2: StructT
  body.push(1, 1); // structType field 0 (CommonType), its field 0 (Name)
  pushString(body, 'Message');
  body.push(1); // CommonType field 1 (Id)
  writeInt(body, BigInt(MESSAGE_TYPE_ID));
  body.push(0, 1, 2); // end CommonType; structType field 1 (Field), 2 elements
  body.push(1);
  pushString(body, 'Text');
  body.push(1, T_STRING << 1, 0); // its type id as a signed int, end of fieldType
  body.push(1);
  pushString(body, 'UniqueID');
  body.push(1, T_INT << 1, 0);
  body.push(0, 0); // end structType, end wireType
  return Buffer.from(delimited(body));
}

/** The Message type definition exactly as Go sends it (44 bytes). */
export const MESSAGE_DEFINITION: Buffer = definition();

/** One value message (type id then fields), for a stream whose definition was already sent. */
export function encodeGobValue(message: GobMessage, maxTextBytes: number = DEFAULT_MAX_TEXT_BYTES): Buffer {
  checkGobId(message.id);
  const textBytes = Buffer.byteLength(message.text, 'utf8');
  if (textBytes > maxTextBytes) throw new GobError('ERR_GOB_TEXT_TOO_LONG', `Text of ${textBytes} bytes is over the limit of ${maxTextBytes}`);
  const body: number[] = [];
  writeInt(body, BigInt(MESSAGE_TYPE_ID));
  let field = -1;
  if (message.text !== '') {
    body.push(0 - field); // delta to field 0
    field = 0;
    pushString(body, message.text);
  }
  if (message.id !== 0n) {
    body.push(1 - field); // delta to field 1: 2 when Text was left out
    writeInt(body, message.id);
  }
  body.push(0);
  return Buffer.from(delimited(body));
}

/** A whole fresh gob stream for one message (definition, then value): what the Go node reads. */
export function encodeGobMessage(message: GobMessage, maxTextBytes?: number): Buffer {
  return Buffer.concat([MESSAGE_DEFINITION, encodeGobValue(message, maxTextBytes)]);
}

/** One stream for many messages: the definition once, then each value (as one Go Encoder writes them). */
export function encodeGobStream(messages: readonly GobMessage[], maxTextBytes?: number): Buffer {
  return Buffer.concat([MESSAGE_DEFINITION, ...messages.map((m) => encodeGobValue(m, maxTextBytes))]);
}
