/**
 * The node's links as stable slots. A link number is what a protocol sees (0..links-1); a peer
 * that goes away leaves an empty slot, which the next peer reuses, so link numbers never shift
 * under a protocol that remembers them (e.g. per-link state kept across timers).
 */
import type { Link as Peer } from './link.ts';

export class LinkTable {
  private readonly slots: (Peer | undefined)[] = [];
  private count = 0;

  /** Number of slots, empty ones included: the Port's `links`. */
  get size(): number {
    return this.slots.length;
  }

  /** Peers present (connected or connecting). */
  get peers(): number {
    return this.count;
  }

  /** The peer in slot `link`, if any. */
  at(link: number): Peer | undefined {
    return this.slots[link];
  }

  /** Puts `peer` in the first empty slot and records the slot on it. */
  add(peer: Peer): number {
    let link = this.slots.indexOf(undefined);
    if (link < 0) link = this.slots.push(peer) - 1;
    else this.slots[link] = peer;
    peer.link = link;
    this.count++;
    return link;
  }

  /** Empties the peer's slot; trailing empty slots are trimmed. */
  remove(peer: Peer): void {
    if (peer.link < 0 || this.slots[peer.link] !== peer) return;
    this.slots[peer.link] = undefined;
    peer.link = -1;
    this.count--;
    while (this.slots.length > 0 && this.slots[this.slots.length - 1] === undefined) this.slots.pop();
  }

  /** Every peer present, in slot order. */
  list(): Peer[] {
    return this.slots.filter((p): p is Peer => p !== undefined);
  }
}
