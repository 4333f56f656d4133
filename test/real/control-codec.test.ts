/** Control frames (IHAVE, GRAFT, PRUNE, INV, GETDATA) on the wire: round trip and every rejection. */
import { describe, expect, it } from 'vitest';
import { CodecError, ReceivedMsg, decodeFrame, encodeControlFrame, encodeMessageFrame, newMessageId } from '../../src/real/codec.ts';
import { PREFIX_BYTES } from '../../src/real/frame.ts';

const body = (text: string): Buffer => Buffer.from(text);

function problem(text: string): string {
  try {
    decodeFrame(body(text));
  } catch (err) {
    expect(err).toBeInstanceOf(CodecError);
    return (err as Error).message;
  }
  return 'accepted';
}

describe('control frames', () => {
  it('round-trip a control message; chat messages still decode as messages', () => {
    const id = newMessageId();
    const frame = encodeControlFrame({ type: 'graft', id });
    expect(decodeFrame(frame.subarray(PREFIX_BYTES))).toEqual({ type: 'graft', id });
    expect(frame.length).toBe(PREFIX_BYTES + `{"c":"graft","i":"${id}"}`.length);
    const msg = decodeFrame(encodeMessageFrame({ id, origin: 'a', text: 'hi' }, 2).subarray(PREFIX_BYTES));
    expect(msg).toBeInstanceOf(ReceivedMsg);
  });

  it('rejects a bad type, a bad id, extra or missing fields, and non-JSON', () => {
    expect(problem('{"c":"IHAVE","i":"abc"}')).toMatch(/field 'c'/);
    expect(problem('{"c":"ihave","i":"a b"}')).toMatch(/field 'i'/);
    expect(problem('{"c":"ihave","i":7}')).toMatch(/field 'i'/);
    expect(problem('{"c":"ihave"}')).toMatch(/exactly the fields c, i/);
    expect(problem('{"c":"ihave","i":"abc","x":1}')).toMatch(/exactly the fields c, i/);
    expect(problem('{"c":"ihave",')).toMatch(/not JSON/);
    expect(problem('{"c":null}')).toMatch(/exactly the fields|field 'c'/);
  });
});
