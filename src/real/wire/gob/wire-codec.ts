/**
 * The gob wire as a WireCodec for links to Go nodes: each message is written as a whole fresh gob
 * stream (what the Go node reads), with no hello and no control messages (the Go program has
 * neither), and read by the streaming GobDecoder. A message from a Go node has no author or hop
 * count: it arrives with origin '' (the node names it by the link's address, as the Go program
 * does) and hops 1. Writes go through a PacedWriter per link (pace.ts).
 */
import { MAX_TEXT } from '../../codec.ts';
import { WireError, type WireCodec, type WireDecoder, type WireEvent, type WireLimits, type WireMessage, type WirePacer } from '../codec.ts';
import { GobDecoder } from './decoder.ts';
import { encodeGobMessage, MESSAGE_DEFINITION } from './encoder.ts';
import { gobIdOf, gobIdOfG, jsonIdOfGob } from './ids.ts';
import { PacedWriter } from './pace.ts';
import { GobReader } from './varint.ts';

class GobWireDecoder implements WireDecoder {
  /** The events of the chunk being pushed; a fresh array after each push, so a link never keeps a chunk's messages alive. */
  private events: WireEvent[] = [];
  private readonly gob: GobDecoder;

  constructor(limits: WireLimits) {
    this.gob = new GobDecoder(
      (m) => {
        const message: WireMessage = { id: jsonIdOfGob(m.id), origin: '', text: m.text, hops: 1 };
        if (m.text.length > MAX_TEXT) {
          this.events.push({ kind: 'invalid', error: new WireError('ERR_BAD_BODY', `gob: a Text of ${m.text.length} characters is over the limit of ${MAX_TEXT}`) });
        } else this.events.push({ kind: 'message', message });
      },
      { maxMessageBytes: limits.maxFrameBytes },
    );
  }

  get buffered(): number {
    return this.gob.buffered;
  }

  push(chunk: Buffer): WireEvent[] {
    try {
      this.gob.push(chunk);
      return this.events;
    } finally {
      this.events = [];
    }
  }

  finish(): void {
    this.gob.end();
  }
}

/** The UniqueID of a frame this codec wrote (definition, then value). */
function frameId(frame: Buffer): bigint {
  const r = new GobReader(frame.subarray(MESSAGE_DEFINITION.length));
  r.uint(); // length
  r.int(); // type id
  let id = 0n;
  let field = -1;
  for (let delta = r.small(2, 'delta'); delta !== 0; delta = r.small(2, 'delta')) {
    field += delta;
    if (field === 0) r.bytes(r.small(r.remaining, 'text length'));
    else id = r.int();
  }
  return id;
}

export const gobCodec: WireCodec = {
  name: 'gob',
  encodeMessage: (msg: WireMessage): Buffer => encodeGobMessage({ text: msg.text, id: gobIdOf(msg.id) }),
  newDecoder: (limits: WireLimits): WireDecoder => new GobWireDecoder(limits),
  newPacer(write: (frame: Buffer) => boolean): WirePacer {
    const pacer = new PacedWriter((frame) => void write(frame));
    return {
      send: (frame) => pacer.send(frame, frameId(frame)),
      received: (event) => {
        if (event.kind !== 'message') return;
        const id = gobIdOfG(event.message.id);
        if (id !== undefined) pacer.received(id);
      },
      close: () => pacer.close(),
      get queued() {
        return pacer.queued;
      },
    };
  },
};
