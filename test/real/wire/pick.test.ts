// --wire: what a node dials with, how an accepted connection's first bytes pick its codec, and
// how long a silent one waits before it is taken for a Go node.
import { describe, expect, it } from 'vitest';
import { encodeTextFrame } from '../../../src/real/frame.ts';
import { encodeGobMessage } from '../../../src/real/wire/gob/encoder.ts';
import { GOB_SILENCE_MS, wireCodecs } from '../../../src/real/wire/pick.ts';

describe('wireCodecs', () => {
  it('dials json under json and auto, gob under gob', () => {
    expect(wireCodecs('json').dialCodec.name).toBe('json');
    expect(wireCodecs('auto').dialCodec.name).toBe('json');
    expect(wireCodecs('gob').dialCodec.name).toBe('gob');
  });

  it('silence: gob at once under gob, after 300 ms under auto, never under json', () => {
    expect(GOB_SILENCE_MS).toBe(300);
    expect(wireCodecs('gob').acceptSilence).toMatchObject({ afterMs: 0 });
    expect(wireCodecs('auto').acceptSilence).toMatchObject({ afterMs: 300 });
    expect(wireCodecs('auto').acceptSilence!.codec.name).toBe('gob');
    expect(wireCodecs('json').acceptSilence).toBeUndefined();
  });

  it("an accepted connection's first bytes pick its codec under every setting; garbage is refused; json refuses gob", () => {
    for (const wire of ['json', 'gob', 'auto'] as const) {
      const pick = wireCodecs(wire).acceptCodec;
      expect(pick(encodeTextFrame('{"hello":1,"n":"a","p":1}'))?.name).toBe('json');
      if (wire === 'json') expect(() => pick(encodeGobMessage({ text: 'x', id: 1n }))).toThrow(/takes floodlab's wire only \(--wire json\)/);
      else expect(pick(encodeGobMessage({ text: 'x', id: 1n }))?.name).toBe('gob');
      expect(pick(Buffer.from([0]))?.name).toBe('json'); // the first byte decides
      expect(pick(Buffer.from([0x2b, 0xff]))).toBeUndefined(); // a gob count: wait for the type id
      expect(() => pick(Buffer.from('GET / HTTP/1.1\r\n'))).toThrow(/neither floodlab's JSON frames nor a gob stream/);
    }
  });
});
