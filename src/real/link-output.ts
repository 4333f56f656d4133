/**
 * A link's write side: its WriteQueue, and for a paced codec (gob: the Go node loses a message that
 * shares a TCP read with another) the codec's pacer, with the frames held until the link is up so
 * that no two messages leave in one write. Kept apart from the link's states (link.ts).
 */
import type { Socket } from 'node:net';
import type { WireCodec, WireEvent, WirePacer } from './wire/codec.ts';
import { MAX_HELD_FRAMES } from './wire/choice.ts';
import { WriteQueue, type WriteLimits } from './write-queue.ts';

export class LinkOutput {
  private readonly writes: WriteQueue;
  /** For a paced codec: frames waiting for the link to come up, then the pacer. */
  private preUp: Buffer[] = [];
  private pacer: WirePacer | undefined;
  private stopped = false;

  constructor(
    socket: Socket,
    limits: WriteLimits,
    /** Closes the link as too slow, with a one-line reason. */
    private readonly slow: (reason: string) => void,
    written: (bytes: number) => void,
  ) {
    this.writes = new WriteQueue(socket, limits, slow, written);
  }

  get pendingBytes(): number {
    return this.writes.pendingBytes;
  }

  /** A message frame in a known codec: to the queue, or for a paced codec to its pacer (held until up). */
  push(codec: WireCodec, frame: Buffer): boolean {
    if (!codec.newPacer) return this.writes.push(frame);
    if (this.pacer) return this.pacer.send(frame);
    if (this.preUp.length >= MAX_HELD_FRAMES) {
      this.slow(`${MAX_HELD_FRAMES} frames waiting for the link to come up`);
      return false;
    }
    this.preUp.push(frame);
    return true;
  }

  /** Writes a handshake frame now, ahead of every queued message; false when it was not written. */
  writeFirst(frame: Buffer): boolean {
    return this.writes.writeFirst(frame);
  }

  /** The link is up: the queue flushes, and a paced codec's held frames go to its pacer. */
  start(codec: WireCodec): void {
    this.writes.start();
    if (!codec.newPacer) return;
    this.pacer = codec.newPacer((frame) => this.writes.push(frame));
    // A pacer may decline a frame the peer already has; that is not an error.
    for (const frame of this.preUp.splice(0))
      if (this.stopped) break;
      else this.pacer.send(frame);
  }

  /** Every event the link decodes (the pacer waits on the peer's echoes). */
  received(event: WireEvent): void {
    this.pacer?.received(event);
  }

  stop(): void {
    this.stopped = true;
    this.pacer?.close();
    this.preUp = [];
    this.writes.stop();
  }
}
