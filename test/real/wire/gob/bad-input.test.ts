// Bad gob input: each refusal has its stable code and a one-line reason; limits are checked before
// a body is buffered; other struct shapes are read as Go reads them or refused when Go would.
import { describe, expect, it } from 'vitest';
import { GobDecoder } from '../../../../src/real/wire/gob/decoder.ts';
import { encodeGobMessage, MESSAGE_DEFINITION } from '../../../../src/real/wire/gob/encoder.ts';
import type { GobMessage } from '../../../../src/real/wire/gob/message.ts';
import { writeInt, writeUint } from '../../../../src/real/wire/gob/varint.ts';

const str = (out: number[], s: string): void => {
  writeUint(out, BigInt(Buffer.byteLength(s)));
  out.push(...Buffer.from(s));
};
const delimited = (body: number[]): Buffer => {
  const out: number[] = [];
  writeUint(out, BigInt(body.length));
  return Buffer.from([...out, ...body]);
};

/** A definition of struct type `id` with the given (name, type id) fields, laid out as Go does. */
function defineStruct(id: number, name: string, fields: Array<[string, number]>): Buffer {
  const b: number[] = [];
  writeInt(b, BigInt(-id));
  b.push(3, 1, 1);
  str(b, name);
  b.push(1);
  writeInt(b, BigInt(id));
  b.push(0, 1, fields.length);
  for (const [fname, type] of fields) {
    b.push(1);
    str(b, fname);
    b.push(1);
    writeInt(b, BigInt(type));
    b.push(0);
  }
  b.push(0, 0);
  return delimited(b);
}

function decode(...chunks: Buffer[]): GobMessage[] {
  const got: GobMessage[] = [];
  const dec = new GobDecoder((m) => got.push(m));
  for (const c of chunks) dec.push(c);
  dec.end();
  return got;
}

const code = (c: string): unknown => expect.objectContaining({ code: c, name: 'GobError' });

describe('gob decoder: bad input', () => {
  it('refuses a length over the limit at its count bytes, before buffering any body', () => {
    const dec = new GobDecoder(() => undefined, { maxMessageBytes: 1000 });
    dec.push(Buffer.from([0xfe, 0x03])); // 2-byte count, first byte of it
    expect(dec.buffered).toBe(2);
    expect(() => dec.push(Buffer.from([0xe9]))).toThrow(/message length 1001 is over the limit of 1000 bytes/);
    expect(() => dec.push(Buffer.from([0]))).toThrow(code('ERR_GOB_TOO_LONG')); // stays failed
    expect(() => decode(Buffer.from([0xf8, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]))).toThrow(code('ERR_GOB_TOO_LONG'));
    expect(() => decode(Buffer.from([0xf7]))).toThrow(/byte count 9, over 8/);
  });

  it('refuses malformed messages with the reason', () => {
    expect(() => decode(Buffer.from([0]))).toThrow(/message of length 0/);
    expect(() => decode(MESSAGE_DEFINITION, Buffer.from('04ff820300', 'hex'))).toThrow(/"Message" field delta 3 is over 2/);
    expect(() => decode(MESSAGE_DEFINITION, Buffer.from('07ff820101610200', 'hex'))).toThrow(/field 2 is out of range \(it has 2\)/);
    expect(() => decode(MESSAGE_DEFINITION, Buffer.from('05ff82000000', 'hex'))).toThrow(/2 bytes after a value of type 65/);
    expect(() => decode(defineStruct(63, 'Low', [['Text', 6]]))).toThrow(/type id 63 cannot be defined/);
    expect(() => decode(Buffer.from('03ff8108', 'hex'))).toThrow(/wireType field delta 8 is over 7/);
    expect(() => decode(MESSAGE_DEFINITION, Buffer.from('04ff820105', 'hex'))).toThrow(/Text of 5 bytes announced but only 0 left/);
    const def = MESSAGE_DEFINITION;
    expect(() => decode(Buffer.concat([Buffer.from([def[0]! + 1]), def.subarray(1), Buffer.from([0])]))).toThrow(/1 bytes after the definition of type 65/);
  });

  it('refuses a stream that ends inside a message, and takes one that ends between messages', () => {
    const whole = encodeGobMessage({ text: 'hi', id: 5n });
    expect(() => decode(whole.subarray(0, whole.length - 1))).toThrow(code('ERR_GOB_TRUNCATED'));
    expect(() => decode(Buffer.from([0xfe, 0x01]))).toThrow(/inside a message length/);
    expect(decode(whole)).toEqual([{ text: 'hi', id: 5n }]);
  });

  it('refuses types it does not take: a slice, a nested struct field, an interface field, a top-level int', () => {
    const slice: number[] = [];
    writeInt(slice, -65n);
    slice.push(2, 1, 1, 0, 0, 0); // wireType field 1: SliceT
    expect(() => decode(delimited(slice))).toThrow(/type 65 is a slice; only a struct of basic fields is taken/);
    expect(() =>
      decode(
        defineStruct(66, 'Outer', [
          ['Text', 6],
          ['Inner', 65],
        ]),
      ),
    ).toThrow(/field "Inner" is type 65, a defined type/);
    expect(() => decode(defineStruct(65, 'Message', [['Text', 8]]))).toThrow(/field "Text" is an interface/);
    // doc.go: "a signed integer with value 3 presented as the argument to Encode will emit 03 04 00 06".
    expect(() => decode(Buffer.from('03040006', 'hex'))).toThrow(code('ERR_GOB_UNSUPPORTED_TYPE'));
    expect(() =>
      decode(
        defineStruct(
          65,
          'Wide',
          Array.from({ length: 65 }, (_, k): [string, number] => [`F${k}`, 2]),
        ),
      ),
    ).toThrow(/has 65 fields; at most 64/);
  });

  it('refuses a value of a type never defined', () => {
    expect(() => decode(Buffer.from('03ff8400', 'hex'))).toThrow(/a value of type 66, which the stream never defined/);
  });

  it("refuses structs that are not the Message, as Go's decoder would: doc.go's Point, Text an int, UniqueID a uint", () => {
    const point = Buffer.from('1fff810301010550 6f696e7401ff8200 0102010158010400 010159010400000007ff82012c014200'.replace(/ /g, ''), 'hex');
    expect(() => decode(point)).toThrow(/type 65 "Point" is not a Message: it has neither Text nor UniqueID/);
    expect(() => decode(defineStruct(65, 'Message', [['Text', 2]]), Buffer.from('03ff8200', 'hex'))).toThrow(/its Text is a int, not a string/);
    expect(() => decode(defineStruct(65, 'Message', [['UniqueID', 3]]), Buffer.from('03ff8200', 'hex'))).toThrow(code('ERR_GOB_WRONG_TYPE'));
  });

  it('reads a Message with extra basic fields in any order and drops them, as Go does', () => {
    const def = defineStruct(70, 'Chat', [
      ['Flag', 1],
      ['UniqueID', 2],
      ['Score', 4],
      ['Text', 6],
      ['Blob', 5],
      ['Z', 7],
      ['N', 3],
    ]);
    const b: number[] = [];
    writeInt(b, 70n);
    b.push(1, 1); // Flag = true
    b.push(1);
    writeInt(b, -(2n ** 62n)); // UniqueID
    b.push(1, 0xfe, 0x31, 0x40); // Score = 17.0 (doc.go: FE 31 40)
    b.push(1);
    str(b, 'text here');
    b.push(1, 3, 9, 9, 9); // Blob
    b.push(1, 0x07, 0x00); // Z: two unsigned parts
    b.push(1, 0xff, 0xc8); // N = 200
    b.push(0);
    expect(decode(def, delimited(b))).toEqual([{ text: 'text here', id: -(2n ** 62n) }]);
  });

  it('a Message with only Text or only UniqueID reads the other as zero', () => {
    expect(decode(defineStruct(65, 'M', [['Text', 6]]), Buffer.from('06ff8201016100', 'hex'))).toEqual([{ text: 'a', id: 0n }]);
    expect(decode(defineStruct(65, 'M', [['UniqueID', 2]]), Buffer.from('05ff82010600', 'hex'))).toEqual([{ text: '', id: 3n }]);
  });

  it('holds at most maxTypes definitions; redefining a held id is a fresh stream and costs nothing', () => {
    const defs = Array.from({ length: 9 }, (_, k) =>
      defineStruct(65 + k, 'Message', [
        ['Text', 6],
        ['UniqueID', 2],
      ]),
    );
    expect(() => decode(...defs)).toThrow(/type 73 would be definition 9; at most 8 are held/);
    const again = Array.from({ length: 100 }, () => MESSAGE_DEFINITION);
    expect(decode(...again, encodeGobMessage({ text: 'ok', id: 1n }))).toHaveLength(1);
  });

  it('refuses a Text over maxTextBytes with its own code', () => {
    const dec = new GobDecoder(() => undefined, { maxTextBytes: 4 });
    expect(() => dec.push(encodeGobMessage({ text: 'hello', id: 1n }))).toThrow(/Text of 5 bytes is over the limit of 4/);
    const ok: GobMessage[] = [];
    new GobDecoder((m) => ok.push(m), { maxTextBytes: 4 }).push(encodeGobMessage({ text: 'hell', id: 1n }));
    expect(ok).toHaveLength(1);
  });

  it('every reason is one line starting "gob: "', () => {
    const bad = [Buffer.from([0]), Buffer.from('03ff8400', 'hex'), Buffer.from('03040006', 'hex'), defineStruct(65, 'a\nb', [['X', 2]])];
    for (const b of bad) {
      try {
        decode(b, Buffer.from('03ff8200', 'hex'));
        expect.unreachable();
      } catch (error) {
        expect((error as Error).message).toMatch(/^gob: [^\n]+$/);
      }
    }
  });
});
