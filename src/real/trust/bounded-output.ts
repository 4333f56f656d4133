/**
 * Terminal output that cannot grow without bound. When stdout falls behind (write() returns
 * false), lines wait in a queue up to a bound; past it they are skipped and counted, and once the
 * stream drains the queue is written and then one line `… N lines skipped`. A reader that never
 * reads therefore costs at most the stream's own buffer plus this queue, never the whole chat.
 */
import type { Writable } from 'node:stream';

export interface BoundedOutputOptions {
  /** Most lines waiting at once. */
  readonly maxLines?: number;
  /** Most bytes (UTF-16 units, as a close bound) waiting at once. */
  readonly maxChars?: number;
}

export const DEFAULT_OUTPUT_LINES = 1000;
export const DEFAULT_OUTPUT_CHARS = 1024 * 1024;

export class BoundedOutput {
  private readonly queue: string[] = [];
  private queuedChars = 0;
  private blocked = false;
  /** Lines skipped since the last summary. */
  private skippedNow = 0;
  /** Lines skipped in all (for stats and tests). */
  skipped = 0;
  private readonly maxLines: number;
  private readonly maxChars: number;

  constructor(
    private readonly stream: Writable,
    options: BoundedOutputOptions = {},
  ) {
    this.maxLines = options.maxLines ?? DEFAULT_OUTPUT_LINES;
    this.maxChars = options.maxChars ?? DEFAULT_OUTPUT_CHARS;
    stream.on('drain', () => this.onDrain());
  }

  /** Lines waiting for the stream to drain. */
  get queued(): number {
    return this.queue.length;
  }

  /** Writes one line (a newline is added), queues it, or skips it when the queue is full. */
  line(text: string): void {
    if (!this.blocked) {
      this.write(text);
      return;
    }
    // Once a line is skipped, later ones are skipped too until the summary is out: order is kept.
    if (this.skippedNow > 0 || this.queue.length >= this.maxLines || this.queuedChars + text.length + 1 > this.maxChars) {
      this.skipped++;
      this.skippedNow++;
      return;
    }
    this.queue.push(text);
    this.queuedChars += text.length + 1;
  }

  private write(text: string): void {
    if (this.stream.destroyed || this.stream.writableEnded) return;
    if (!this.stream.write(text + '\n')) this.blocked = true;
  }

  private onDrain(): void {
    this.blocked = false;
    while (!this.blocked && this.queue.length > 0) {
      const text = this.queue.shift()!;
      this.queuedChars -= text.length + 1;
      this.write(text);
    }
    if (!this.blocked && this.skippedNow > 0) {
      const n = this.skippedNow;
      this.skippedNow = 0;
      this.write(`… ${n.toLocaleString('en-US')} ${n === 1 ? 'line' : 'lines'} skipped (output was not being read)`);
    }
  }
}
