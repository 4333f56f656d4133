/**
 * A topology whose links and nodes come and go while a simulation runs (membership protocols:
 * join, leave, crash, open and close links). Each node owns a fixed block of `maxLinks` half-edge
 * slots, so a link's index at each end is stable while the link lives; removing a link leaves a
 * hole (target HOLE) that a send ignores, and the lowest hole is reused by the next link. Sizes
 * are bounded up front (`maxNodes`, `maxLinks`): memory is allocated once, and no stranger can
 * make a node hold more links than its block.
 */
import { check } from '../../core/errors.ts';
import { HOLE, type Topology } from './topology.ts';

export class DynamicTopology implements Topology {
  readonly dynamic = true;
  readonly nodeSlots: number;
  readonly slots: number;
  readonly first: Int32Array;
  readonly end: Int32Array;
  readonly targets: Int32Array;
  readonly twins: Int32Array;
  /** Nodes added so far (ids 0 .. order − 1, removed ones included). */
  order = 0;
  /** Slots per node: node u's block starts at u · stride (= first[u], without reading first). */
  readonly stride: number;
  private readonly maxLinks: number;
  private readonly live: Int32Array;
  private readonly removed: Uint8Array;

  constructor(maxNodes: number, maxLinks: number) {
    check(
      Number.isInteger(maxNodes) && maxNodes >= 1 && Number.isInteger(maxLinks) && maxLinks >= 1 && maxNodes * maxLinks <= 2 ** 30,
      'ERR_BAD_OPTION',
      `dynamic topology: ${maxNodes} nodes × ${maxLinks} links must be integers >= 1 with at most 2^30 slots`,
    );
    this.nodeSlots = maxNodes;
    this.maxLinks = maxLinks;
    this.stride = maxLinks;
    this.slots = maxNodes * maxLinks;
    this.first = Int32Array.from({ length: maxNodes }, (_, u) => u * maxLinks);
    this.end = this.first.slice();
    this.targets = new Int32Array(this.slots).fill(HOLE);
    this.twins = new Int32Array(this.slots).fill(HOLE);
    this.live = new Int32Array(maxNodes);
    this.removed = new Uint8Array(maxNodes);
  }

  /** A new node with no links; returns its id. */
  addNode(): number {
    check(this.order < this.nodeSlots, 'ERR_TOPOLOGY_FULL', `dynamic topology: all ${this.nodeSlots} node slots are used`);
    return this.order++;
  }

  /** True while u has been added and not removed. */
  has(u: number): boolean {
    return u >= 0 && u < this.order && this.removed[u] === 0;
  }

  /** Links u and v; returns [u's link index, v's link index]. Throws when either has no free slot. */
  addLink(u: number, v: number): [number, number] {
    // `if` before `check`: the messages are templates, built only when they are thrown (a hot path).
    if (!this.has(u) || !this.has(v) || u === v) check(false, 'ERR_BAD_LINK', `dynamic topology: cannot link ${u} and ${v}; both must be distinct live nodes`);
    const hu = this.freeSlot(u);
    const hv = this.freeSlot(v);
    if (hu < 0 || hv < 0) check(false, 'ERR_TOPOLOGY_FULL', `dynamic topology: node ${hu < 0 ? u : v} already has ${this.maxLinks} links`);
    this.targets[hu] = v;
    this.targets[hv] = u;
    this.twins[hu] = hv;
    this.twins[hv] = hu;
    this.take(u, hu);
    this.take(v, hv);
    return [hu - this.first[u]!, hv - this.first[v]!];
  }

  /** Removes u's link (both ends); a hole stays at each end. Removing a hole does nothing. */
  removeLink(u: number, link: number): void {
    if (u < 0 || u >= this.order || link < 0 || link >= this.maxLinks) check(false, 'ERR_BAD_LINK', `dynamic topology: node ${u} has no link slot ${link}`);
    const h = this.first[u]! + link;
    const v = this.targets[h]!;
    if (v === HOLE) return;
    const t = this.twins[h]!;
    this.targets[h] = HOLE;
    this.targets[t] = HOLE;
    this.live[u]!--;
    this.live[v]!--;
  }

  /** Removes u and all its links; its id is not reused. */
  removeNode(u: number): void {
    if (!this.has(u)) return;
    for (let link = 0; link < this.linkCount(u); link++) this.removeLink(u, link);
    this.removed[u] = 1;
  }

  /**
   * Marks u removed but leaves its links in place, for a crash whose far ends have not heard of it
   * yet: each far end still holds its half (as a TCP peer holds a socket until it errors) until it
   * removes the link with removeLink. u's id is not reused.
   */
  retire(u: number): void {
    if (this.has(u)) this.removed[u] = 1;
  }

  /** The neighbour over u's link, or HOLE. */
  neighbour(u: number, link: number): number {
    return link < this.linkCount(u) ? this.targets[this.first[u]! + link]! : HOLE;
  }

  /** Link slots of u in use so far (live links and holes): links are 0 .. linkCount − 1. */
  linkCount(u: number): number {
    return this.end[u]! - u * this.stride;
  }

  /** Live links of u. */
  liveLinks(u: number): number {
    return this.live[u]!;
  }

  /** The lowest hole of u's block, or -1 when the block is full. */
  private freeSlot(u: number): number {
    const stop = this.first[u]! + this.maxLinks;
    for (let h = this.first[u]!; h < stop; h++) if (this.targets[h] === HOLE) return h;
    return -1;
  }

  private take(u: number, h: number): void {
    this.live[u]!++;
    if (h >= this.end[u]!) this.end[u] = h + 1;
  }
}
