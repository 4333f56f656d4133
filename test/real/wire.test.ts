/**
 * The WireCodec interface with floodlab's JSON codec behind it: a stream of hello, messages and
 * control messages decodes to the same events however it is cut (one byte at a time included);
 * a bad body is an 'invalid' event that keeps the stream in step; a length over the limit and a
 * stream that ends inside a frame throw WireErrors.
 */
import { describe, expect, it } from 'vitest';
import { PREFIX_BYTES, encodeFrame } from '../../src/real/frame.ts';
import { WireError, type WireEvent } from '../../src/real/wire/codec.ts';
import { WIRE_VERSION, decodeHello } from '../../src/real/wire/hello.ts';
import { jsonCodec } from '../../src/real/wire/json.ts';

const limits = { maxFrameBytes: 1024 };
const hello = { version: WIRE_VERSION, name: 'alice', port: 55556 };
const messages = [
  { id: 'AbCdEfGhIjKlMnOp', origin: 'alice', text: 'hello', hops: 1 },
  { id: '9223372036854775807', origin: 'zoë "z"', text: 'tab\there ✓', hops: 12 },
];
const control = { type: 'ihave', id: 'AbCdEfGhIjKlMnOp' };
const stream = Buffer.concat([jsonCodec.encodeHello!(hello), ...messages.map((m) => jsonCodec.encodeMessage(m)), jsonCodec.encodeControl!(control)]);
const expected: WireEvent[] = [{ kind: 'hello', hello }, ...messages.map((m) => ({ kind: 'message' as const, message: m })), { kind: 'control', control }];

/** Events as plain data (a decoded message is a ReceivedMsg; compare its fields). */
const plain = (events: WireEvent[]): unknown[] => events.map((e) => (e.kind === 'message' ? { kind: e.kind, message: { ...e.message } } : e));

function thrown(fn: () => void): WireError | undefined {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(WireError);
    return err as WireError;
  }
  return undefined;
}

describe('the JSON codec behind the WireCodec interface', () => {
  it('decodes hello, messages and a control message fed one byte at a time', () => {
    const decoder = jsonCodec.newDecoder(limits);
    const events: WireEvent[] = [];
    for (let i = 0; i < stream.length; i++) events.push(...decoder.push(stream.subarray(i, i + 1)));
    decoder.finish();
    expect(plain(events)).toEqual(plain(expected));
    expect(decoder.buffered).toBe(0);
  });

  it('decodes the same events whatever two pieces the stream is cut into', () => {
    for (let cut = 0; cut <= stream.length; cut++) {
      const decoder = jsonCodec.newDecoder(limits);
      const events = [...decoder.push(stream.subarray(0, cut)), ...decoder.push(stream.subarray(cut))];
      expect(plain(events)).toEqual(plain(expected));
    }
  });

  it('hands the same events one by one (each), and stops for good when told to', () => {
    for (let cut = 0; cut <= stream.length; cut += 7) {
      const decoder = jsonCodec.newDecoder(limits);
      const events: WireEvent[] = [];
      const take = (e: WireEvent): boolean => events.push(e) > 0;
      const count = decoder.each!(stream.subarray(0, cut), take) + decoder.each!(stream.subarray(cut), take);
      expect(count).toBe(expected.length);
      expect(plain(events)).toEqual(plain(expected));
    }
    const decoder = jsonCodec.newDecoder(limits);
    const seen: WireEvent[] = [];
    expect(decoder.each!(stream, (e) => seen.push(e) < 2)).toBe(2); // false after the second: no third
    expect(decoder.each!(stream, (e) => seen.push(e) > 0)).toBe(0); // stopped for good
  });

  it('keeps a 63-bit id exact: ids are strings on the wire', () => {
    const [event] = jsonCodec.newDecoder(limits).push(jsonCodec.encodeMessage(messages[1]!));
    expect(event).toMatchObject({ kind: 'message', message: { id: '9223372036854775807' } }); // 2^63 − 1, not 9223372036854776000
  });

  it('hands a bad body over as an invalid event and goes on with the next frame', () => {
    const decoder = jsonCodec.newDecoder(limits);
    const events = decoder.push(Buffer.concat([encodeFrame(Buffer.from('{"i":"x","o":"m","t":"hi","h":0}')), jsonCodec.encodeMessage(messages[0]!)]));
    expect(events.map((e) => e.kind)).toEqual(['invalid', 'message']);
    expect(events[0]!.kind === 'invalid' && events[0]!.error.message).toMatch(/field 'h'/);
  });

  it('throws before buffering a frame over the limit, and on a stream that ends inside a frame', () => {
    const tooLong = Buffer.alloc(PREFIX_BYTES);
    tooLong.writeUInt32BE(limits.maxFrameBytes + 1);
    expect(thrown(() => jsonCodec.newDecoder(limits).push(tooLong))?.code).toBe('ERR_FRAME_TOO_LONG');
    const cut = jsonCodec.newDecoder(limits);
    expect(cut.push(stream.subarray(0, 10))).toEqual([]);
    expect(cut.buffered).toBe(10 - PREFIX_BYTES);
    expect(thrown(() => cut.finish())?.code).toBe('ERR_FRAME_TRUNCATED');
  });
});

describe('the hello frame', () => {
  it('is {"hello":1,"n":NAME,"p":PORT} behind the length prefix', () => {
    const frame = jsonCodec.encodeHello!(hello);
    expect(frame.subarray(PREFIX_BYTES).toString()).toBe('{"hello":1,"n":"alice","p":55556}');
    expect(frame.readUInt32BE(0)).toBe(frame.length - PREFIX_BYTES);
  });

  it('is checked field by field', () => {
    const problem = (text: string): string => {
      try {
        decodeHello(Buffer.from(text));
        return 'accepted';
      } catch (err) {
        return (err as Error).message;
      }
    };
    expect(problem('{"hello":1,"n":"bob","p":0}')).toBe('accepted');
    expect(problem('{"hello":2,"n":"bob","p":1}')).toMatch(/wire version 2 is not supported/);
    expect(problem('{"hello":1,"n":"","p":1}')).toMatch(/field 'n'/);
    expect(problem('{"hello":1,"n":"a\\u001b[2J","p":1}')).toMatch(/field 'n'/);
    expect(problem('{"hello":1,"n":"bob","p":65536}')).toMatch(/field 'p'/);
    expect(problem('{"hello":1,"n":"bob","p":1,"x":1}')).toMatch(/exactly the fields hello, n, p/);
    expect(problem('{"hello":1,')).toMatch(/not JSON/);
  });
});
