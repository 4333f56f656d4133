import { describe, expect, it } from 'vitest';
import { FrameDecoder, FrameError, encodeFrame } from '../../src/real/frame.ts';

const body = (text: string): Buffer => Buffer.from(text, 'utf8');

function collect(max?: number): { decoder: FrameDecoder; frames: string[] } {
  const frames: string[] = [];
  const decoder = new FrameDecoder((b) => frames.push(b.toString('utf8')), max);
  return { decoder, frames };
}

function codeOf(fn: () => void): string | undefined {
  try {
    fn();
  } catch (err) {
    return err instanceof FrameError ? err.code : `not a FrameError: ${String(err)}`;
  }
  return undefined;
}

describe('frames', () => {
  const texts = ['hello', '', 'ünïcödé ✓', 'x'.repeat(1000)];
  const stream = Buffer.concat(texts.map((t) => encodeFrame(body(t))));

  it('decode input fed one byte at a time', () => {
    const { decoder, frames } = collect();
    for (let i = 0; i < stream.length; i++) decoder.push(stream.subarray(i, i + 1));
    decoder.end();
    expect(frames).toEqual(texts);
  });

  it('hand frames over as ranges of the chunk (ofRanges), whole or split, the same frames', () => {
    for (const size of [1, 3, 7, stream.length]) {
      const frames: string[] = [];
      const decoder = FrameDecoder.ofRanges((buf, start, end) => frames.push(buf.toString('utf8', start, end)));
      for (let i = 0; i < stream.length; i += size) decoder.push(stream.subarray(i, i + size));
      decoder.end();
      expect(frames).toEqual(texts);
    }
    expect(codeOf(() => FrameDecoder.ofRanges(() => {}, 10).push(encodeFrame(body('x'.repeat(11)))))).toBe('ERR_FRAME_TOO_LONG');
  });

  it('decode a frame split across chunks at every possible point', () => {
    const one = encodeFrame(body('split me'));
    for (let cut = 1; cut < one.length; cut++) {
      const { decoder, frames } = collect();
      decoder.push(one.subarray(0, cut));
      expect(frames).toEqual([]);
      decoder.push(one.subarray(cut));
      expect(frames).toEqual(['split me']);
    }
  });

  it('decode two frames that arrive in one chunk (the Go program lost the second)', () => {
    const { decoder, frames } = collect();
    decoder.push(Buffer.concat([encodeFrame(body('first')), encodeFrame(body('second'))]));
    expect(frames).toEqual(['first', 'second']);
  });

  it('reject an oversized length before buffering its body', () => {
    const { decoder, frames } = collect(100);
    const header = Buffer.alloc(4);
    header.writeUInt32BE(101);
    expect(codeOf(() => decoder.push(header))).toBe('ERR_FRAME_TOO_LONG');
    expect(decoder.buffered).toBe(0);
    expect(frames).toEqual([]);
  });

  it('accept a frame of exactly the limit', () => {
    const { decoder, frames } = collect(100);
    decoder.push(encodeFrame(Buffer.alloc(100, 0x61)));
    expect(frames).toHaveLength(1);
  });

  it('reject garbage bytes read as a huge length', () => {
    const { decoder } = collect();
    expect(codeOf(() => decoder.push(Buffer.from('GET / HTTP/1.1\r\n')))).toBe('ERR_FRAME_TOO_LONG');
  });

  it('treat a stream that ends mid-frame as an error, in the length and in the body', () => {
    const one = encodeFrame(body('cut short'));
    const inLength = collect();
    inLength.decoder.push(one.subarray(0, 2));
    expect(codeOf(() => inLength.decoder.end())).toBe('ERR_FRAME_TRUNCATED');
    const inBody = collect();
    inBody.decoder.push(one.subarray(0, 7));
    expect(codeOf(() => inBody.decoder.end())).toBe('ERR_FRAME_TRUNCATED');
    const whole = collect();
    whole.decoder.push(one);
    expect(codeOf(() => whole.decoder.end())).toBeUndefined();
  });

  it('emit nothing more after stop()', () => {
    const frames: string[] = [];
    const decoder: FrameDecoder = new FrameDecoder((b) => {
      frames.push(b.toString());
      decoder.stop();
    });
    decoder.push(Buffer.concat([encodeFrame(body('a')), encodeFrame(body('b'))]));
    expect(frames).toEqual(['a']);
  });
});
