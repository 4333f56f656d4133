/**
 * Replays a recorded membership run (GrowTrace): a cursor over its rows and the network they build
 * (who is live or crashed, which links exist, links per node) with the counters the page shows:
 * live nodes, links, links per node, components, membership messages by type. Pure: no DOM, so it
 * is tested in Node.
 */
import { CRASH, JOIN, LINK_DOWN, LINK_UP, type GrowTrace } from '../../grow-types.ts';

/** A node not joined yet, live, or crashed. */
export const ABSENT = 0;
export const LIVE = 1;
export const CRASHED = 2;

export class GrowPlayer {
  cursor = 0;
  live = 0;
  links = 0;
  crashed = 0;
  messages = 0;
  readonly status: Uint8Array;
  readonly degree: Int32Array;
  /** The links now, as lo·order + hi. */
  readonly edges = new Set<number>();
  readonly byType: number[];
  /** Row index at which each node or link last changed (the view highlights recent changes). */
  readonly changedAt = new Map<number, number>();
  private msgCursor = 0;

  constructor(
    readonly order: number,
    readonly trace: GrowTrace,
  ) {
    this.status = new Uint8Array(order);
    this.degree = new Int32Array(order);
    this.byType = trace.messageTypes.map(() => 0);
    this.reset();
  }

  get length(): number {
    return this.trace.kind.length;
  }

  get done(): boolean {
    return this.cursor >= this.length && this.msgCursor >= this.trace.msgAfter.length;
  }

  /** Simulated ms of the last row applied. */
  get time(): number {
    return this.cursor === 0 ? 0 : this.trace.time[this.cursor - 1]!;
  }

  reset(): void {
    this.cursor = 0;
    this.live = 0;
    this.links = 0;
    this.crashed = 0;
    this.messages = 0;
    this.msgCursor = 0;
    this.status.fill(ABSENT);
    this.degree.fill(0);
    this.edges.clear();
    this.byType.fill(0);
    this.changedAt.clear();
    this.countMessages();
  }

  /** Messages sent before the next row (all that are left, once every row is applied). */
  private countMessages(): void {
    const t = this.trace;
    while (this.msgCursor < t.msgAfter.length && t.msgAfter[this.msgCursor]! <= this.cursor) {
      this.byType[t.msgType[this.msgCursor]!]! += t.msgCount[this.msgCursor]!;
      this.messages += t.msgCount[this.msgCursor]!;
      this.msgCursor++;
    }
  }

  key(a: number, b: number): number {
    return Math.min(a, b) * this.order + Math.max(a, b);
  }

  /** Applies one row (a join, a crash, a link up or down); false when there was none. */
  step(): boolean {
    if (this.cursor >= this.length) {
      this.countMessages();
      return false;
    }
    const t = this.trace;
    const i = this.cursor++;
    const a = t.a[i]!;
    const b = t.b[i]!;
    switch (t.kind[i]) {
      case JOIN:
        this.status[a] = LIVE;
        this.live++;
        this.changedAt.set(-1 - a, i);
        break;
      case CRASH:
        this.status[a] = CRASHED;
        this.live--;
        this.crashed++;
        this.changedAt.set(-1 - a, i);
        break;
      case LINK_UP:
        this.edges.add(this.key(a, b));
        this.degree[a]!++;
        this.degree[b]!++;
        this.links++;
        this.changedAt.set(this.key(a, b), i);
        break;
      case LINK_DOWN:
        this.edges.delete(this.key(a, b));
        this.degree[a]!--;
        this.degree[b]!--;
        this.links--;
        this.changedAt.set(this.key(a, b), i);
        break;
    }
    this.countMessages();
    return true;
  }

  /** Applies rows up to and including row `end − 1`. */
  advanceTo(end: number): void {
    while (this.cursor < Math.min(end, this.length)) this.step();
    if (end >= this.length) this.countMessages();
  }

  /** Links per live node: min, mean, max (zeros with no live node). */
  degreeStats(): { min: number; mean: number; max: number } {
    let min = Infinity;
    let max = 0;
    for (let u = 0; u < this.order; u++) {
      if (this.status[u] !== LIVE) continue;
      min = Math.min(min, this.degree[u]!);
      max = Math.max(max, this.degree[u]!);
    }
    return this.live === 0 ? { min: 0, mean: 0, max: 0 } : { min, mean: (2 * this.links) / this.live, max };
  }

  /** Connected components among live nodes (union-find over the links now). */
  components(): number {
    const parent = Int32Array.from({ length: this.order }, (_, i) => i);
    const find = (x: number): number => {
      while (parent[x] !== x) x = parent[x] = parent[parent[x]!]!;
      return x;
    };
    let parts = this.live;
    for (const k of this.edges) {
      const ra = find(Math.floor(k / this.order));
      const rb = find(k % this.order);
      if (ra !== rb) (parent[ra] = rb), parts--;
    }
    return parts;
  }

  /** One flood's transmissions over the links now, 2E − (N − 1), when the live network is one piece. */
  floodCost(): number | null {
    return this.live > 0 && this.components() === 1 ? 2 * this.links - (this.live - 1) : null;
  }
}
