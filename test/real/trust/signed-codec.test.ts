/** The signed body on the wire: round trip, told apart by first bytes, and every bad shape refused. */
import { describe, expect, it } from 'vitest';
import { CodecError, MAX_HOPS } from '../../../src/real/codec.ts';
import { generateNodeKey } from '../../../src/real/trust/keys.ts';
import { decodeSignedBody, encodeSignedFrame, isSignedBody } from '../../../src/real/trust/signed-codec.ts';
import { signMessage, verifyMessage } from '../../../src/real/trust/signed.ts';

const key = generateNodeKey();
const body = (frame: Buffer): Buffer => frame.subarray(4);

describe('signed codec', () => {
  it('round-trips a message with a newline, quotes and an RLO in its text, and it still verifies', () => {
    const m = signMessage(key, 'n1', 'a\n"b"\u202ec', 1_000);
    const b = body(encodeSignedFrame(m, 3));
    expect(isSignedBody(b)).toBe(true);
    const back = decodeSignedBody(b);
    expect(back).toMatchObject({ ...m, hops: 3 });
    expect(verifyMessage(back)).toEqual({ ok: true });
  });

  it('is not mistaken for chat, control or handshake bodies', () => {
    for (const s of ['{"i":"x","o":"n","t":"t","h":1}', '{"c":"ihave","i":"x"}', '{"hs":"hello"}']) expect(isSignedBody(Buffer.from(s))).toBe(false);
  });

  it('refuses hop counts outside 1..MAX_HOPS, missing or extra fields, and wrong types', () => {
    const m = signMessage(key, 'n1', 'x', 1_000);
    const ok = JSON.parse(body(encodeSignedFrame(m, 1)).toString()) as Record<string, unknown>;
    const bad = (patch: Record<string, unknown>): Buffer => Buffer.from(JSON.stringify({ ...ok, ...patch }));
    expect(() => decodeSignedBody(bad({ h: MAX_HOPS + 1 }))).toThrow(CodecError);
    expect(() => decodeSignedBody(bad({ h: 0 }))).toThrow("field 'h'");
    expect(() => decodeSignedBody(bad({ s: '1000' }))).toThrow("field 's'");
    expect(() => decodeSignedBody(bad({ x: 1 }))).toThrow('exactly the fields');
    expect(() => decodeSignedBody(bad({ t: 5 }))).toThrow("field 't'");
    expect(() => decodeSignedBody(Buffer.from('{"k":'))).toThrow('not JSON');
    expect(decodeSignedBody(bad({ h: MAX_HOPS })).hops).toBe(MAX_HOPS);
  });
});
