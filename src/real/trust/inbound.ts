/**
 * What a node lets through from its links to the protocol, and which ids it has seen. The one
 * place where the trust issue's signatures meet the gob issue's Go wire (docs/security.md):
 *
 * - a signed message passes when its id is the hash of its content, its time is in the replay
 *   window, and its signature verifies (once per id);
 * - a node without a key takes unsigned messages as they are;
 * - a node with a key takes an unsigned message only when it is a Go message: a 'g'+decimal id
 *   (wire/gob/ids.ts) and, as author, an address HOST:PORT (the Go program names a message by the
 *   link it came on). It is passed on as an UnverifiedMsg, shown with a mark; every other
 *   unsigned message is refused and counted.
 *
 * Ids: every message is remembered under its UniqueID (one value for both spellings), so a
 * message that comes back from a Go node under its Go id is a duplicate. A signed id is also checked against
 * the replay guard, and only there: an unverified copy can never make a signed message a
 * duplicate (else anyone on a gob link could race a signed id with other text).
 */
import { ReplayGuard } from '../../core/replay-guard.ts';
import { ReceivedMsg } from '../codec.ts';
import type { WireMessage } from '../wire/codec.ts';
import { gobIdOfG, uniqueIdWords } from '../wire/gob/ids.ts';
import { SeenIds } from './seen-ids.ts';
import { SignedReceived } from './signed-codec.ts';
import { checkContent, checkSignature } from './signed.ts';

/** A Go message a signed node let through without a signature: nobody vouches for its author or text. */
export class UnverifiedMsg extends ReceivedMsg {}

// What a Go message's author must look like: the address of the link it came on.
const ADDRESS = /^(?:[A-Za-z0-9.-]{1,253}|\[[0-9A-Fa-f:.]{2,45}\]):\d{1,5}$/;

export interface InboundOptions {
  /** Ids remembered at most, and for how long (ms): the seen cache and the replay window. */
  readonly maxEntries: number;
  readonly windowMs: number;
  /** How far ahead of our clock a signed message's time may be (ms). */
  readonly skewMs: number;
  /** True for a node with a key: unsigned messages pass only as Go messages, marked. */
  readonly signedOnly: boolean;
}

/** Where a refused message is counted against the link that brought it. */
export interface InboundLink {
  readonly remote: string;
  offend(reason: string): void;
}

export class Inbound {
  readonly counts = { badSignatures: 0, stale: 0, unsigned: 0, unverified: 0 };
  private readonly seen: SeenIds;
  /** The id being looked up, as its UniqueID's two words (one record, reused). */
  private readonly words = { hi: 0, lo: 0 };
  private readonly guard: ReplayGuard;
  /** Time of the signed message being received or originated, for firstSight. */
  private currentTs: number | undefined;

  constructor(private readonly options: InboundOptions) {
    this.seen = new SeenIds(options.maxEntries, options.windowMs);
    this.guard = new ReplayGuard({ maxEntries: options.maxEntries, windowMs: options.windowMs, skewMs: options.skewMs });
  }

  /** Ids remembered now. */
  get size(): number {
    return this.seen.size;
  }

  /** The message to hand to the protocol, or undefined when it is refused (and counted). */
  admit(link: InboundLink, m: WireMessage): ReceivedMsg | SignedReceived | undefined {
    if (m.sig !== undefined) {
      const signed = m instanceof SignedReceived ? m : new SignedReceived(m.id, m.origin, m.text, m.key!, m.ts!, m.sig, m.hops);
      return this.admitSigned(link, signed) ? signed : undefined;
    }
    // A wire without authors (gob) decodes origin '': the Go program names a message by its link.
    const origin = m.origin || link.remote;
    if (!this.options.signedOnly) return m instanceof ReceivedMsg ? m : new ReceivedMsg(m.id, origin, m.text, m.hops);
    if (gobIdOfG(m.id) === undefined || !ADDRESS.test(origin)) {
      this.counts.unsigned++;
      return undefined;
    }
    this.counts.unverified++;
    return new UnverifiedMsg(m.id, origin, m.text, m.hops);
  }

  /** Runs `body` (a receipt or an origination) with the time of the signed message in hand, if it is one, for firstSight. */
  during<T>(ts: number | undefined, body: () => T): T {
    this.enter(ts);
    try {
      return body();
    } finally {
      this.leave();
    }
  }

  /** As `during`, without a closure per receipt: `enter` before the protocol runs, `leave` in a finally. */
  enter(ts: number | undefined): void {
    this.currentTs = ts;
  }

  leave(): void {
    this.currentTs = undefined;
  }

  /** True the first time a message is seen here (see the header for signed and Go ids). */
  firstSight(id: string): boolean {
    const { hi, lo } = uniqueIdWords(id, this.words);
    if (this.currentTs === undefined) return this.seen.firstSight(hi, lo, performance.now());
    if (!this.guard.firstSight(id, this.currentTs, Date.now())) return false;
    this.seen.firstSight(hi, lo, performance.now());
    return true;
  }

  /**
   * A signed message may reach the protocol when its id is the hash of its content, its time is
   * within the window and above the replay floor, and (on its first copy) its signature verifies.
   * A later copy of an id already verified skips the signature: its content is the same by hash.
   */
  private admitSigned(link: InboundLink, msg: SignedReceived): boolean {
    const content = checkContent(msg);
    if (!content.ok) {
      this.counts.badSignatures++;
      link.offend(`message ${content.why}: ${content.detail}`);
      return false;
    }
    if (this.guard.check(msg.ts, Date.now()) !== 'fresh') {
      this.counts.stale++;
      return false;
    }
    if (this.guard.has(msg.id)) return true;
    const sig = checkSignature(msg);
    if (!sig.ok) {
      this.counts.badSignatures++;
      link.offend(`message ${sig.why}: ${sig.detail}`);
      return false;
    }
    return true;
  }
}
