/** Small helpers of the launcher: poll until a condition holds or time runs out; add counters. */
import type { NodeStats } from './node.ts';

/** A wait that ran out of time; the message says what was still missing. */
export class LaunchTimeoutError extends Error {
  override readonly name = 'LaunchTimeoutError';
  readonly code = 'ERR_LAUNCH_TIMEOUT';
}

/** Polls `ready` every `pollMs` until it is true; throws LaunchTimeoutError after `timeoutMs`. */
export async function waitFor(ready: () => boolean | Promise<boolean>, timeoutMs: number, pollMs: number, what: () => string): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    if (await ready()) return;
    if (performance.now() > deadline) throw new LaunchTimeoutError(what());
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}

/** The sum of every node's counters. */
export function sumStats(all: readonly NodeStats[]): NodeStats {
  const sum = {
    sent: 0,
    received: 0,
    controlSent: 0,
    controlReceived: 0,
    duplicates: 0,
    delivered: 0,
    bytesIn: 0,
    bytesOut: 0,
    peers: 0,
    connected: 0,
    dropped: 0,
    seen: 0,
    badFrames: 0,
    badSignatures: 0,
    stale: 0,
    unsigned: 0,
    unverified: 0,
    hopLimited: 0,
    refused: 0,
  };
  for (const s of all) for (const k of Object.keys(sum) as (keyof typeof sum)[]) sum[k] += s[k];
  return sum;
}

/** Reads and sums the counters of every node. */
export async function statsOf(handles: readonly { stats(): Promise<NodeStats> | NodeStats }[]): Promise<NodeStats> {
  return sumStats(await Promise.all(handles.map((h) => h.stats())));
}

/**
 * Waits until `done()` holds and the network is quiet: every frame sent was received, payload and
 * control alike, and the counters did not move between two polls. Returns the final counters.
 */
export async function waitQuiet(handles: readonly { stats(): Promise<NodeStats> | NodeStats }[], done: () => boolean, timeoutMs: number, pollMs: number, what: () => string): Promise<NodeStats> {
  let after: NodeStats | undefined;
  let last = '';
  await waitFor(
    async () => {
      if (!done()) return false;
      after = await statsOf(handles);
      const key = `${after.sent}/${after.received}/${after.controlSent}/${after.controlReceived}`;
      const quiet = after.sent === after.received && after.controlSent === after.controlReceived && key === last;
      last = key;
      return quiet;
    },
    timeoutMs,
    pollMs,
    what,
  );
  return after!;
}
