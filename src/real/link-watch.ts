/**
 * The hook by which something besides the node (membership, src/real/membership/) watches links
 * come and go. Its own file so that the link manager and the node's options can both name it
 * without importing each other.
 */
import type { CloseKind, Link } from './link.ts';
import type { WireEvent } from './wire/codec.ts';

/** Who else watches links come and go (membership, real/membership/): told after the node's own handling. */
export interface LinkWatch {
  /** A link is up (admitted, handshake done). */
  up(link: Link): void;
  /** An event on an up link or a handshaking one's hello (the node's event hook sees it too, but for a closed twin). */
  event(link: Link, event: WireEvent): void;
  /** A link closed, for whatever reason (local closes too). */
  closed(link: Link, kind: CloseKind, reason: string): void;
  /** Whether the node's protocol may send on `link` (HyParView: its active view only); every link when absent. */
  carries?(link: Link): boolean;
}
