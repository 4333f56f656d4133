/**
 * The Port of the protocol engine: every seam member (hop, control, timers, per-node state, tree
 * links) and the faults. Like the flood engine's flyweight it is one object rebound to the node
 * being served, and it is where transmissions are counted: payload sends, control messages by
 * type, copies lost to faults. A send to a failed node or over a failed link is refused, not
 * counted, unless failures are silent (see FaultSpec.silent). A separate class so that the flood
 * hot path stays as it was.
 */
import type { Msg } from '../../core/message.ts';
import type { Rng } from '../../core/rng.ts';
import type { Control, Port, TimerToken } from '../../core/seam.ts';
import type { Csr } from '../topology/csr.ts';
import type { EngineObserver } from './engine.ts';
import type { DelayFn } from './flyweight-port.ts';
import { CONTROL, PAYLOAD, TIMER } from './heap-queue.ts';
import type { ProtocolQueue } from './protocol-queue.ts';

export class ProtocolPort implements Port {
  links = 0;
  node = 0;
  base = 0;
  hop = 0;
  time = 0;
  state: unknown = undefined;
  message = 0;
  /** Counts for the message in flight. */
  sends = 0;
  controls = 0;
  lost = 0;
  reached = 0;
  /** Duplicates counted at send time (the flood engine's shortcut; see there). */
  early = 0;
  controlByType = new Map<string, number>();
  /** Fault state of the current epoch: down nodes and down half-edges (1 = down). */
  readonly nodeDown: Uint8Array;
  readonly linkDown: Uint8Array;
  readonly seen: Uint8Array;
  readonly firstHop: Int32Array;
  readonly firstTime: Float64Array;
  readonly sendsPerNode: Uint32Array;
  readonly controlPerNode: Uint32Array;
  readonly duplicatesPerNode: Uint32Array;
  private readonly targets: Int32Array;
  private readonly twins: Int32Array;

  constructor(
    csr: Csr,
    private readonly queue: ProtocolQueue,
    private readonly delay: DelayFn,
    readonly random: Rng,
    private readonly observer: EngineObserver | undefined,
    /** Count a payload copy to a node that has seen the message as a duplicate at once (see FlyweightPort). */
    private readonly shortcut: boolean,
    private readonly loss: number,
    /** Failures go unnoticed: copies to failed nodes and links are counted, then lost. */
    private readonly silent: boolean,
    private readonly lossRng: Rng,
    private readonly states: readonly unknown[],
    private readonly tree: Uint8Array | undefined,
  ) {
    this.targets = csr.targets;
    this.twins = csr.twins;
    this.nodeDown = new Uint8Array(csr.order);
    this.linkDown = new Uint8Array(csr.targets.length);
    this.seen = new Uint8Array(csr.order);
    this.firstHop = new Int32Array(csr.order);
    this.firstTime = new Float64Array(csr.order);
    this.sendsPerNode = new Uint32Array(csr.order);
    this.controlPerNode = new Uint32Array(csr.order);
    this.duplicatesPerNode = new Uint32Array(csr.order);
  }

  bind(u: number, base: number, links: number, hop: number, time: number): void {
    this.node = u;
    this.base = base;
    this.links = links;
    this.hop = hop;
    this.time = time;
    this.state = this.states[u];
  }

  /** True when the half-edge leads to a failed node or is itself down (for this message). */
  private down(h: number, to: number): boolean {
    return this.nodeDown[to] === 1 || this.linkDown[h] === 1;
  }

  /** True when a counted copy over half-edge h is lost: a silent failure or the loss draw. */
  private lose(h: number, to: number): boolean {
    if ((this.silent && this.down(h, to)) || (this.loss > 0 && this.lossRng() < this.loss)) {
      this.lost++;
      return true;
    }
    return false;
  }

  send(link: number, msg: Msg): void {
    const h = this.base + link;
    const to = this.targets[h]!;
    if (!this.silent && this.down(h, to)) return; // refused locally, like a write to a closed link
    this.sends++;
    this.sendsPerNode[this.node]!++;
    if (this.lose(h, to)) return;
    if (this.shortcut && this.seen[to] === 1) {
      this.delay(h); // drawn as the flood engine does, so both consume the random stream alike
      this.early++;
      this.duplicatesPerNode[to]!++;
      return;
    }
    const arrive = this.time + this.delay(h);
    this.queue.push(arrive, PAYLOAD, to, this.twins[h]!, this.hop + 1, msg);
    if (this.observer) this.observer.send(this.message, this.time, arrive, this.node, to);
  }

  control(link: number, ctrl: Control): void {
    const h = this.base + link;
    const to = this.targets[h]!;
    if (!this.silent && this.down(h, to)) return;
    this.controls++;
    this.controlPerNode[this.node]!++;
    this.controlByType.set(ctrl.type, (this.controlByType.get(ctrl.type) ?? 0) + 1);
    if (this.lose(h, to)) return;
    this.queue.push(this.time + this.delay(h), CONTROL, to, this.twins[h]!, 0, ctrl);
  }

  setTimer(delayMs: number, token: TimerToken): void {
    const micros = Math.max(1, Math.round(delayMs * 1000));
    this.queue.push(this.time + micros, TIMER, this.node, -1, 0, token);
  }

  treeLink(link: number): boolean {
    return this.tree !== undefined && this.tree[this.base + link] === 1;
  }

  deliver(_msg: Msg): void {
    this.reached++;
    this.firstHop[this.node] = this.hop;
    this.firstTime[this.node] = this.time;
  }

  firstSight(): boolean {
    const u = this.node;
    if (this.seen[u] === 1) return false;
    this.seen[u] = 1;
    return true;
  }
}
