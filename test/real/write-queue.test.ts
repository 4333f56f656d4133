// The write queue's cap on waiting bytes (queue + socket buffer), with a socket stand-in whose
// buffered length the test sets: what the stream holds after a write counts, and so does its draining.
import type { Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { WriteQueue } from '../../src/real/write-queue.ts';

function fakeSocket() {
  const written: Buffer[] = [];
  const socket = {
    writableLength: 0,
    /** Bytes the "kernel" leaves in the stream's buffer after each write. */
    leave: 0,
    write(data: Buffer): boolean {
      written.push(Buffer.from(data));
      socket.writableLength += socket.leave;
      return true;
    },
    on: () => socket,
  };
  return { socket, written };
}

const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('WriteQueue', () => {
  it('caps queued plus socket-buffered bytes, reading what the socket still holds after a write', async () => {
    const { socket, written } = fakeSocket();
    const slow: string[] = [];
    const queue = new WriteQueue(
      socket as unknown as Socket,
      { maxWriteBufferBytes: 100, stallTimeoutMs: 10_000 },
      (r) => slow.push(r),
      () => {},
    );
    queue.start();
    const frame = Buffer.alloc(30, 1);
    expect([queue.push(frame), queue.push(frame), queue.push(frame)]).toEqual([true, true, true]);
    expect(queue.push(frame)).toBe(false); // 120 > 100
    expect(slow).toHaveLength(1);
    await tick();
    expect(written.map((b) => b.length)).toEqual([90]); // one write for the three frames
  });

  it('counts bytes the socket kept from earlier writes, and frees room as they drain', async () => {
    const { socket } = fakeSocket();
    const slow: string[] = [];
    const queue = new WriteQueue(
      socket as unknown as Socket,
      { maxWriteBufferBytes: 100, stallTimeoutMs: 10_000 },
      (r) => slow.push(r),
      () => {},
    );
    queue.start();
    socket.leave = 80; // the kernel takes nothing: 80 bytes stay in the stream
    expect(queue.push(Buffer.alloc(40))).toBe(true);
    expect(queue.push(Buffer.alloc(40))).toBe(true);
    await tick();
    expect(queue.pendingBytes).toBe(80);
    socket.leave = 0;
    expect(queue.push(Buffer.alloc(30))).toBe(false); // 80 + 30 > 100
    expect(slow).toHaveLength(1);

    const { socket: s2 } = fakeSocket();
    const q2 = new WriteQueue(
      s2 as unknown as Socket,
      { maxWriteBufferBytes: 100, stallTimeoutMs: 10_000 },
      (r) => slow.push(r),
      () => {},
    );
    q2.start();
    s2.leave = 80;
    q2.push(Buffer.alloc(80));
    await tick();
    s2.writableLength = 10; // drained since
    expect(q2.push(Buffer.alloc(30))).toBe(true); // 10 + 30 fits: the drained length is read again
    expect(slow).toHaveLength(1);
  });
});
