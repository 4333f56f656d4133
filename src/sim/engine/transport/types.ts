/**
 * A transport layer decides what becomes of one copy a node transmits: when it arrives, or that
 * it is refused (never sent: the link or peer is known to be gone) or lost (sent and counted,
 * never received). Layers wrap the next one, PeerSim's transports-as-decorators: each looks at the
 * copy first and either answers (refused, lost) or hands it to the next. The stack, outermost
 * first: node faults, link faults, loss, delay, base (see stack.ts). The port counts by the
 * answer; the layers only decide.
 */

/** A copy that is not sent at all (a detected failure): not counted. */
export const REFUSED = -1;
/** A copy that is sent and counted, then lost. */
export const LOST = -2;

export interface Transport {
  /**
   * The arrival time of a copy sent at `now` (µs) over half-edge `h` to node `to`, or REFUSED,
   * or LOST. Called once per transmission, payload and control alike.
   */
  arrival(h: number, to: number, now: number): number;
  /** Message k is about to start (faults change between messages). */
  startMessage(k: number): void;
}
