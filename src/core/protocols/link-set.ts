/**
 * A set of a node's link indices (plumtree's lazy links): bits of one number for links below 30,
 * a Set only for a node with more links. A 10^6-node simulation keeps one per node, which a
 * Set per node would make cost hundreds of megabytes; a node's state can extend it, so that it
 * costs no object of its own.
 */
const BITS = 30;

export class LinkSet {
  private bits = 0;
  private more: Set<number> | undefined = undefined;

  hasLink(link: number): boolean {
    return link < BITS ? (this.bits & (1 << link)) !== 0 : this.more?.has(link) === true;
  }

  addLink(link: number): void {
    if (link < BITS) this.bits |= 1 << link;
    else (this.more ??= new Set()).add(link);
  }

  deleteLink(link: number): void {
    if (link < BITS) this.bits &= ~(1 << link);
    else this.more?.delete(link);
  }
}
