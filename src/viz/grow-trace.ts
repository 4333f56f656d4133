/**
 * Records a membership run for the page: `grow()` (src/sim/grow, the runner `floodlab grow` uses)
 * with an observer, then the same `killAndRepair` as `grow --kill`. The observer turns transport
 * events into changes of the overlay `floodlab grow` measures (links admitted at both ends, as
 * `overlayEdges` counts them), so the replay's last link set is the CLI's. No second simulator.
 */
import { killAndRepair } from '../sim/grow/failure.ts';
import { grow } from '../sim/grow/grow.ts';
import type { MembershipNet, NetObserver } from '../sim/grow/network.ts';
import { growReport } from '../sim/grow/report.ts';
import { HOLE } from '../sim/topology/topology.ts';
import { CRASH, JOIN, LINK_DOWN, LINK_UP, type GrowFigures, type GrowQuery, type GrowTrace } from './grow-types.ts';

/** Messages flooded after the kill and after repair: `floodlab grow`'s default, so the figures match. */
const MESSAGES = 10;

const ms = (t: number): number => Math.round(t * 100) / 100;

/** The observer: keeps the overlay's current links and writes a row for each change. */
export class GrowRecorder implements NetObserver {
  readonly kind: number[] = [];
  readonly time: number[] = [];
  readonly a: number[] = [];
  readonly b: number[] = [];
  readonly messageTypes: string[] = [];
  readonly msgAfter: number[] = [];
  readonly msgType: number[] = [];
  readonly msgCount: number[] = [];
  private net!: MembershipNet;
  /** The overlay's links now, per node. */
  private readonly adj = new Map<number, Set<number>>();
  private readonly dirty = new Set<number>();

  attach(net: MembershipNet): void {
    this.net = net;
  }

  private row(kind: number, t: number, a: number, b: number): void {
    this.kind.push(kind);
    this.time.push(ms(t));
    this.a.push(a);
    this.b.push(b);
  }

  join(u: number, t: number): void {
    this.adj.set(u, new Set());
    this.row(JOIN, t, u, -1);
  }

  crash(u: number, t: number): void {
    this.row(CRASH, t, u, -1);
    for (const v of this.adj.get(u) ?? []) this.drop(u, v, t);
    this.dirty.delete(u);
  }

  linkUp(u: number, v: number): void {
    this.dirty.add(u).add(v);
  }

  linkDown(u: number, v: number): void {
    this.dirty.add(u).add(v);
  }

  message(type: string): void {
    let k = this.messageTypes.indexOf(type);
    if (k < 0) k = this.messageTypes.push(type) - 1;
    const last = this.msgAfter.length - 1;
    if (last >= 0 && this.msgAfter[last] === this.kind.length && this.msgType[last] === k) this.msgCount[last]!++;
    else this.msgAfter.push(this.kind.length), this.msgType.push(k), this.msgCount.push(1);
  }

  /**
   * After each event: re-derives the links of every node touched since. Without `admitted` (blog)
   * only link events change the overlay; with it (hyparview) any handler may, so the node whose
   * event ran is rechecked too.
   */
  handled(u: number, t: number): void {
    if (this.net.membership.admitted) this.dirty.add(u);
    if (this.dirty.size === 0) return;
    for (const x of this.dirty) this.recheck(x, t);
    this.dirty.clear();
  }

  private add(u: number, v: number, t: number): void {
    this.adj.get(u)!.add(v);
    this.adj.get(v)!.add(u);
    this.row(LINK_UP, t, Math.min(u, v), Math.max(u, v));
  }

  private drop(u: number, v: number, t: number): void {
    this.adj.get(u)?.delete(v);
    this.adj.get(v)?.delete(u);
    this.row(LINK_DOWN, t, Math.min(u, v), Math.max(u, v));
  }

  /** Node x's links: those it had and those its transport holds, each judged as overlayEdges judges it. */
  private recheck(x: number, t: number): void {
    const mine = this.adj.get(x);
    if (!mine) return;
    const top = this.net.topology;
    const candidates = new Set(mine);
    if (top.has(x)) for (let l = 0; l < top.linkCount(x); l++) if (top.neighbour(x, l) !== HOLE) candidates.add(top.neighbour(x, l));
    for (const y of candidates) {
      const now = this.inOverlay(Math.min(x, y), Math.max(x, y));
      if (now && !mine.has(y)) this.add(x, y, t);
      else if (!now && mine.has(y)) this.drop(x, y, t);
    }
  }

  /** overlayEdges' rule: both alive, the lower end holds an open link to the upper, both ends admit it. */
  private inOverlay(lo: number, hi: number): boolean {
    const net = this.net;
    if (!net.alive(lo) || !net.alive(hi)) return false;
    const top = net.topology;
    const m = net.membership;
    for (let l = 0; l < top.linkCount(lo); l++) {
      if (net.peerOf(lo, l) !== hi) continue;
      if (!m.admitted) return true;
      const lh = top.twins[top.first[lo]! + l]! - top.first[hi]!;
      if (m.admitted(net.at(lo), l) && m.admitted(net.at(hi), lh)) return true;
    }
    return false;
  }
}

export interface GrowRecording {
  readonly trace: GrowTrace;
  readonly figures: GrowFigures;
  /** The grown network's links (before any kill), for the layout. */
  readonly grownEdges: { readonly order: number; readonly src: Int32Array; readonly dst: Int32Array; readonly size: number };
}

/** Grows (and kills, and repairs) as `floodlab grow -n N --want K --overlay O --entry E [--kill F] --seed S` does, recording it. */
export function recordGrow(q: GrowQuery): GrowRecording {
  const rec = new GrowRecorder();
  const r = grow({ nodes: q.n, want: q.want, overlay: q.overlay, entry: q.entry, seed: q.seed, observer: rec });
  const report = growReport(r, q.seed);
  const grownAt = rec.kind.length;
  const grownMs = ms(r.net.now);
  const failure = q.kill > 0 ? killAndRepair(r.net, q.want, q.kill, MESSAGES, q.seed) : null;
  const trace: GrowTrace = {
    kind: rec.kind,
    time: rec.time,
    a: rec.a,
    b: rec.b,
    messageTypes: rec.messageTypes,
    msgAfter: rec.msgAfter,
    msgType: rec.msgType,
    msgCount: rec.msgCount,
    grownAt,
    grownMs,
    endMs: ms(r.net.now),
  };
  const figures: GrowFigures = {
    grown: { edges: report.edges, components: report.components, floodTransmissions: report.flood.transmissions, settled: report.settled, membershipMessages: report.membershipMessages.total },
    failure: failure && {
      killed: failure.killed,
      live: failure.live,
      componentsAfterRepair: failure.componentsAfterRepair,
      repaired: failure.repaired,
      repairTimeMs: failure.repairTimeMs,
      connectedTimeMs: failure.connectedTimeMs,
      repairMessages: failure.repairMessages,
    },
  };
  return { trace, figures, grownEdges: r.edges };
}
