/**
 * Which codec a link speaks. `--wire json|gob|auto` sets what the node dials with (auto dials with
 * floodlab's JSON, which speaks first with its hello); an accepted connection is recognised from
 * its first bytes (wire/gob/detect.ts). The Go program never speaks first, so an accepted
 * connection that stays silent is taken for a Go node: at once under `gob`, after GOB_SILENCE_MS
 * under `auto`. Messages for it meanwhile are held by its link. `json` takes floodlab's wire only:
 * a silent connection is never taken for a Go node (it waits, then the handshake timeout closes
 * it), and a connection that starts with gob bytes is refused: a gob link cannot be authenticated.
 */
import type { CodecPicker } from './choice.ts';
import { WireError, type WireCodec } from './codec.ts';
import { detectWire } from './gob/detect.ts';
import { gobCodec } from './gob/wire-codec.ts';
import { jsonCodec } from './json.ts';

export type WireName = 'json' | 'gob' | 'auto';
export const WIRE_NAMES: readonly WireName[] = ['json', 'gob', 'auto'];

/** How long an accepted connection may stay silent under `auto` before it is taken for a Go node. */
export const GOB_SILENCE_MS = 300;

/** The codec for a name a user gave a link ('json' or 'gob'). */
export function codecNamed(name: 'json' | 'gob'): WireCodec {
  return name === 'gob' ? gobCodec : jsonCodec;
}

/** Which codec an accepted link that stays silent takes, and after how long. */
export interface AcceptSilence {
  readonly afterMs: number;
  readonly codec: WireCodec;
}

/** What a node dials with and how it recognises accepted connections, for `--wire`. */
export function wireCodecs(wire: WireName): { dialCodec: WireCodec; acceptCodec: CodecPicker; acceptSilence?: AcceptSilence } {
  const pick = (first: Buffer): WireCodec | undefined => {
    // The first byte alone separates them (a JSON frame's length starts with 0, a gob count never
    // does); the JSON decoder refuses a bad frame itself, so only a gob start is read further.
    if (first[0] === 0) return jsonCodec;
    const guess = detectWire(first);
    if (guess === 'json') return jsonCodec;
    if (guess === 'gob') {
      if (wire === 'json') throw new WireError('ERR_GOB_REFUSED', "wire: a gob stream (a Go node?), and this node takes floodlab's wire only (--wire json)");
      return gobCodec;
    }
    if (guess === 'more') return undefined;
    throw new WireError('ERR_UNKNOWN_WIRE', `wire: first bytes ${first.subarray(0, 8).toString('hex')} are neither floodlab's JSON frames nor a gob stream`);
  };
  const dialCodec = wire === 'gob' ? gobCodec : jsonCodec;
  if (wire === 'json') return { dialCodec, acceptCodec: pick };
  return { dialCodec, acceptCodec: pick, acceptSilence: { afterMs: wire === 'gob' ? 0 : GOB_SILENCE_MS, codec: gobCodec } };
}
