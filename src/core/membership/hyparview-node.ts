/**
 * HyParView's per-node rules (see hyparview.ts for the protocol in words): one object per protocol
 * instance, aimed at the node whose event runs (`at`), binding the port, that node's state and the
 * parameters, so each rule reads as in the paper (one object made per event was a tenth of the
 * time of growing 2·10^4 nodes, in the garbage collector).
 */
import type { MembershipMsg } from './messages.ts';
import { NO_LINK, pick, type Address, type MembershipPort, type OpenFailure } from './seam.ts';
import type { HvParams, HvState } from './hyparview-params.ts';
import { addBounded, removeFrom, sample } from './views.ts';

export class HyParViewNode {
  /** The port's generator as a plain function (a port's `random` may need its `this`). */
  readonly rnd = (): number => this.port.random();
  port!: MembershipPort;
  s!: HvState;

  constructor(readonly p: HvParams) {}

  /** Aims this object at the node behind `port` (its state is `port.state`) and returns it. */
  at(port: MembershipPort): this {
    this.port = port;
    this.s = port.state as HvState;
    return this;
  }

  join(): void {
    const entry = this.port.entry;
    if (entry === undefined || this.s.outbound.has(entry) || this.s.active.has(entry)) return;
    this.s.outbound.set(entry, 'join');
    this.port.open(entry);
  }

  linkUp(link: number, peer: Address): void {
    const purpose = this.s.outbound.get(peer);
    this.s.outbound.delete(peer);
    if (purpose === 'join' || purpose === 'accept') {
      this.port.control(link, { type: purpose === 'join' ? 'join' : 'join_accept' });
      this.admit(peer, link);
    } else if (purpose === 'neighbor') {
      this.port.control(link, { type: 'neighbor', high: this.highPriority() });
      this.s.asking.set(peer, link);
    } else this.s.inbound.set(link, peer);
  }

  linkDown(link: number, peer: Address): void {
    const s = this.s;
    s.inbound.delete(link);
    if (s.asking.get(peer) === link) {
      s.asking.delete(peer);
      s.tried.add(peer);
      this.repair();
    }
    if (s.active.get(peer) === link) {
      s.active.delete(peer); // failed: not kept in the passive view
      this.repair();
    }
  }

  /** True when the caller should retry the join later. */
  openFailed(to: Address, why: OpenFailure): boolean {
    const purpose = this.s.outbound.get(to);
    this.s.outbound.delete(to);
    if (purpose === 'join') return why !== 'linked';
    if (purpose === 'neighbor') {
      if (why === 'unreachable') removeFrom(this.s.passive, to);
      else this.s.tried.add(to);
      this.repair();
    }
    return false;
  }

  control(link: number, msg: MembershipMsg): void {
    const { port, s, p } = this;
    const peer = link === NO_LINK ? undefined : port.peer(link);
    switch (msg.type) {
      case 'join':
        if (peer === undefined) return;
        s.inbound.delete(link);
        this.admit(peer, link);
        for (const [a, l] of s.active) if (a !== peer) port.control(l, { type: 'forward_join', joiner: peer, ttl: p.arwl });
        return;
      case 'forward_join':
        return this.forwardJoin(link, msg.joiner, msg.ttl);
      case 'join_accept':
        if (peer === undefined) return;
        s.inbound.delete(link);
        return this.admit(peer, link);
      case 'disconnect':
        if (peer !== undefined && s.active.get(peer) === link) {
          s.active.delete(peer);
          this.addPassive(peer);
        }
        return;
      case 'neighbor': {
        if (peer === undefined) return;
        s.inbound.delete(link);
        const accepted = s.active.has(peer) || msg.high || s.active.size < p.activeSize;
        if (accepted) this.admit(peer, link);
        port.control(link, { type: 'neighbor_reply', accepted });
        return;
      }
      case 'neighbor_reply':
        if (peer === undefined || s.asking.get(peer) !== link) return;
        s.asking.delete(peer);
        if (msg.accepted) return this.admit(peer, link);
        s.tried.add(peer);
        if (!s.active.has(peer)) port.close(link);
        return this.repair();
      case 'shuffle':
        return this.shuffle(link, msg.origin, msg.nodes, msg.ttl);
      case 'shuffle_reply':
        for (const a of msg.nodes) this.addPassive(a, s.lastShuffle);
        return;
      case 'join_req':
        return; // the blog rule's message: not ours
    }
  }

  /** Periodic work: shuffle, refill below K, close silent inbound links, rejoin when isolated. */
  tick(): void {
    const { port, s, p } = this;
    for (const l of s.stale) {
      const peer = s.inbound.get(l);
      if (peer !== undefined && port.peer(l) === peer) port.close(l);
      s.inbound.delete(l);
    }
    s.stale.clear();
    for (const l of s.inbound.keys()) s.stale.add(l);
    // Refused in the last period while short by two or more: this period's requests insist.
    s.insist = s.tried.size > 0 && s.active.size <= p.activeSize - 2;
    s.tried.clear();
    if (s.active.size > 0) {
      const target = pick(port, [...s.active.keys()]);
      const nodes = [
        ...sample(
          this.rnd,
          [...s.active.keys()].filter((a) => a !== target),
          p.ka,
        ),
        ...sample(this.rnd, s.passive, p.kp),
      ];
      s.lastShuffle = nodes;
      port.control(s.active.get(target)!, { type: 'shuffle', origin: port.self, nodes, ttl: p.shuffleTtl });
    }
    if (s.active.size < p.activeSize) this.repair();
    if (s.active.size === 0 && s.asking.size === 0 && !hasNeighborOpen(s)) this.join();
  }

  private forwardJoin(link: number, joiner: Address, ttl: number): void {
    const { port, s, p } = this;
    const next = ttl > 0 && s.active.size > 1 ? this.randomActiveLink(link) : NO_LINK;
    if (next === NO_LINK) {
      if (joiner === port.self || s.active.has(joiner) || s.outbound.has(joiner)) return;
      s.outbound.set(joiner, 'accept');
      port.open(joiner);
      return;
    }
    if (ttl === p.prwl) this.addPassive(joiner);
    port.control(next, { type: 'forward_join', joiner, ttl: ttl - 1 });
  }

  private shuffle(link: number, origin: Address, nodes: readonly Address[], ttl: number): void {
    const { port, s } = this;
    const left = ttl - 1;
    const next = left > 0 && s.active.size > 1 ? this.randomActiveLink(link) : NO_LINK;
    if (next !== NO_LINK) {
      port.control(next, { type: 'shuffle', origin, nodes, ttl: left });
      return;
    }
    if (origin === port.self) return;
    const reply = sample(this.rnd, s.passive, nodes.length + 1);
    port.controlTo(origin, { type: 'shuffle_reply', nodes: reply });
    for (const a of [origin, ...nodes]) this.addPassive(a, reply);
  }

  /** Puts `peer` (linked by `link`) in the active view, dropping a random member first when full. */
  private admit(peer: Address, link: number): void {
    const s = this.s;
    if (s.active.has(peer)) return;
    if (s.active.size >= this.p.activeSize) {
      const victim = pick(this.port, [...s.active.keys()]);
      const l = s.active.get(victim)!;
      this.port.control(l, { type: 'disconnect' });
      this.port.close(l);
      s.active.delete(victim);
      this.addPassive(victim);
    }
    s.active.set(peer, link);
    s.joinDelay = this.p.joinRetryMs;
    removeFrom(s.passive, peer);
  }

  /**
   * The paper asks with high priority only from an empty active view, so a few nodes linked only to
   * each other, every other node full, stay apart for good (8 real survivors split into a full 6
   * and a pair at 1 link). Ours also insists when a period of low-priority requests was refused
   * and the node is still short by two or more. The full node drops a random member, usually a
   * full one, now short by one: a node short by one (odd N·K can force one) never insists, so the
   * swaps die out rather than chase a shortfall around the network.
   */
  private highPriority(): boolean {
    const s = this.s;
    return s.active.size === 0 || (s.insist && s.active.size <= this.p.activeSize - 2);
  }

  /** Asks random passive nodes NEIGHBOR until requests in flight would fill the active view. */
  private repair(): void {
    const { port, s, p } = this;
    let need = p.activeSize - s.active.size - s.asking.size - countNeighborOpens(s);
    if (need <= 0) return;
    const candidates = s.passive.filter((a) => !s.tried.has(a) && !s.asking.has(a) && !s.outbound.has(a) && !s.active.has(a));
    for (const q of sample(this.rnd, candidates, need)) {
      s.outbound.set(q, 'neighbor');
      port.open(q);
      need--;
    }
  }

  private addPassive(a: Address, prefer: readonly Address[] = []): void {
    if (a === this.port.self || this.s.active.has(a)) return;
    addBounded(this.s.passive, a, this.p.passiveSize, this.rnd, prefer);
  }

  /** A random active link other than `except` when there is one, else NO_LINK (no array built). */
  private randomActiveLink(except: number): number {
    const active = this.s.active;
    const others = active.size - (hasLink(active, except) ? 1 : 0);
    if (others <= 0) return NO_LINK;
    let k = Math.floor(this.port.random() * others);
    for (const l of active.values()) {
      if (l === except) continue;
      if (k-- === 0) return l;
    }
    return NO_LINK;
  }
}

function hasLink(active: Map<Address, number>, link: number): boolean {
  for (const l of active.values()) if (l === link) return true;
  return false;
}

function countNeighborOpens(s: HvState): number {
  let n = 0;
  for (const purpose of s.outbound.values()) if (purpose === 'neighbor') n++;
  return n;
}

const hasNeighborOpen = (s: HvState): boolean => countNeighborOpens(s) > 0;
