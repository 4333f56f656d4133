/**
 * Replays a recorded flood: a cursor over the trace's rows and the state they build up (who has
 * the message, at which hop, from whom; duplicates per node; copies in flight per edge) with the
 * running counters. Pure: no DOM, so it is tested in Node like any other module. It also lists
 * what changed since the last `drain()` so the view redraws only those nodes and edges.
 */
import { RECEIVE, SEND, type FloodTrace } from '../types.ts';

/** Bits of `edgeUse`: the edge carried a first copy (a tree edge) / a duplicate. */
export const CARRIED_FIRST = 1;
export const CARRIED_DUPLICATE = 2;

export interface Changes {
  readonly nodes: number[];
  readonly edges: number[];
  /** Edges on which a duplicate just arrived (the view flashes them). */
  readonly duplicateArrivals: number[];
  /** True when so much changed (reset) that a full redraw is simpler. */
  readonly all: boolean;
}

export class FloodPlayer {
  /** Rows applied so far; the next row to apply. */
  cursor = 0;
  /** Simulated time shown, µs. */
  clock = 0;
  sends = 0;
  arrivals = 0;
  reached = 0;
  duplicates = 0;
  /** Largest first-receipt hop so far (LDH when done). */
  ldh = 0;
  /** Largest hop of any applied arrival (what one hop step advances). */
  hopShown = 0;
  /** Time of the last first receipt, µs. */
  coverageTime = 0;
  readonly firstHop: Int32Array;
  readonly parent: Int32Array;
  readonly sent: Uint32Array;
  readonly duplicatesAt: Uint32Array;
  readonly inFlight: Uint16Array;
  readonly edgeUse: Uint8Array;
  /** New nodes and duplicate copies per hop (index = hop). */
  readonly newAtHop: number[] = [];
  readonly duplicatesAtHop: number[] = [];
  private changedNodes = new Set<number>();
  private changedEdges = new Set<number>();
  private flashes: number[] = [];
  private all = true;

  constructor(
    readonly order: number,
    readonly edgeCount: number,
    readonly trace: FloodTrace,
  ) {
    this.firstHop = new Int32Array(order);
    this.parent = new Int32Array(order);
    this.sent = new Uint32Array(order);
    this.duplicatesAt = new Uint32Array(order);
    this.inFlight = new Uint16Array(edgeCount);
    this.edgeUse = new Uint8Array(edgeCount);
    this.reset();
  }

  /** Number of rows in the trace. */
  get length(): number {
    return this.trace.kind.length;
  }

  get done(): boolean {
    return this.cursor >= this.length;
  }

  /** Time of the next row, or Infinity when done. */
  get nextTime(): number {
    return this.done ? Infinity : this.trace.time[this.cursor]!;
  }

  /** Back to the moment the origin has the message and nothing was sent. */
  reset(): void {
    this.cursor = 0;
    this.clock = 0;
    this.sends = 0;
    this.arrivals = 0;
    this.duplicates = 0;
    this.ldh = 0;
    this.hopShown = 0;
    this.coverageTime = 0;
    this.firstHop.fill(-1);
    this.parent.fill(-1);
    this.sent.fill(0);
    this.duplicatesAt.fill(0);
    this.inFlight.fill(0);
    this.edgeUse.fill(0);
    this.newAtHop.length = 0;
    this.duplicatesAtHop.length = 0;
    this.newAtHop.push(1);
    this.duplicatesAtHop.push(0);
    this.firstHop[this.trace.origin] = 0;
    this.reached = 1;
    this.changedNodes.clear();
    this.changedEdges.clear();
    this.flashes = [];
    this.all = true;
  }

  private bump(list: number[], hop: number): void {
    while (list.length <= hop) list.push(0);
    list[hop]!++;
  }

  /** Applies the next row. */
  private apply(): void {
    const i = this.cursor++;
    const t = this.trace;
    const edge = t.edge[i]!;
    const to = t.to[i]!;
    if (t.kind[i] === SEND) {
      this.sends++;
      this.sent[t.from[i]!]!++;
      if (edge >= 0) this.inFlight[edge]!++;
      this.changedNodes.add(t.from[i]!);
    } else if (t.kind[i] === RECEIVE) {
      this.arrivals++;
      const hop = t.hop[i]!;
      if (hop > this.hopShown) this.hopShown = hop;
      if (edge >= 0 && this.inFlight[edge]! > 0) this.inFlight[edge]!--;
      if (t.first[i] === 1) {
        this.reached++;
        this.firstHop[to] = hop;
        this.parent[to] = t.from[i]!;
        if (hop > this.ldh) this.ldh = hop;
        this.coverageTime = t.time[i]!;
        this.bump(this.newAtHop, hop);
        if (edge >= 0) this.edgeUse[edge]! |= CARRIED_FIRST;
      } else {
        this.duplicates++;
        this.duplicatesAt[to]!++;
        this.bump(this.duplicatesAtHop, hop);
        if (edge >= 0) {
          this.edgeUse[edge]! |= CARRIED_DUPLICATE;
          this.flashes.push(edge);
        }
      }
      this.changedNodes.add(to);
    }
    if (edge >= 0) this.changedEdges.add(edge);
    this.clock = Math.max(this.clock, t.time[i]!);
  }

  /** Applies every row up to simulated time `time` (µs) and shows that time. */
  advanceTo(time: number): void {
    while (!this.done && this.trace.time[this.cursor]! <= time) this.apply();
    this.clock = this.done ? this.clock : Math.max(this.clock, time);
  }

  /** Applies one row: one copy leaving or arriving. */
  stepEvent(): void {
    if (!this.done) this.apply();
  }

  /**
   * Applies rows until every copy of the next hop has arrived (and the sends those arrivals
   * caused have left): stops before the first arrival of a later hop.
   */
  stepHop(): void {
    let target = this.hopShown + 1;
    const t = this.trace;
    for (let j = this.cursor; j < this.length; j++) {
      if (t.kind[j] === RECEIVE) {
        target = Math.max(target, t.hop[j]!);
        break;
      }
    }
    while (!this.done && !(t.kind[this.cursor] === RECEIVE && t.hop[this.cursor]! > target)) this.apply();
  }

  /** Duplicates per node: min, mean and max over all nodes (as `floodlab sim` reports them). */
  duplicateStats(): { min: number; mean: number; max: number } {
    let min = Infinity;
    let max = 0;
    for (const d of this.duplicatesAt) {
      if (d < min) min = d;
      if (d > max) max = d;
    }
    return { min: this.order > 0 ? min : 0, mean: this.order > 0 ? this.duplicates / this.order : 0, max };
  }

  /** What changed since the last call, and forgets it. */
  drain(): Changes {
    const out: Changes = { nodes: [...this.changedNodes], edges: [...this.changedEdges], duplicateArrivals: this.flashes, all: this.all };
    this.changedNodes.clear();
    this.changedEdges.clear();
    this.flashes = [];
    this.all = false;
    return out;
  }
}
