/**
 * Starting a real node that keeps its links by a membership protocol: the port is made before the
 * node (the node's links report to it from the first one), the courier and the protocol start once
 * the node listens. Used by `floodlab node --join/--want/--overlay` (repl.ts) and by tests.
 */
import { makeMembership } from '../../core/membership/index.ts';
import type { Membership } from '../../core/membership/seam.ts';
import { RealNode } from '../node.ts';
import type { RealNodeOptions } from '../node-options.ts';
import { Courier } from './courier.ts';
import { TcpMembershipPort, type MembershipEvents } from './port.ts';

export interface MembershipSpec {
  /** 'blog' or 'hyparview'. */
  readonly overlay: string;
  /** K: links to keep. */
  readonly want: number;
  /** 'a.b.c.d:port' of any running node; none for an entry. */
  readonly join?: string | undefined;
  /** The protocol object itself, with parameters other than K (tests); made from overlay and want when absent. */
  readonly protocol?: Membership;
}

/** A membership port for `spec`, to pass as the node's `watch`; throws InputError on a bad overlay or K. */
export function membershipPort(spec: MembershipSpec, events: MembershipEvents): TcpMembershipPort {
  return new TcpMembershipPort(spec.protocol ?? makeMembership(spec.overlay, spec.want), spec.join, events);
}

/** Starts `port`'s protocol on `node` (started with `watch: port` and `options`); returns its stop. */
export function runMembership(port: TcpMembershipPort, node: RealNode, options: RealNodeOptions): () => Promise<void> {
  port.node = node;
  const courier = new Courier(
    options,
    () => ({ name: node.name, host: node.host, port: node.port }),
    (to, kind, connected, reason) => port.failed(to, kind, connected, reason),
  );
  port.courier = courier;
  port.start();
  return () => {
    port.stop();
    return courier.close();
  };
}

/** A node and its membership, both started; `close` stops both. */
export interface MemberNode {
  readonly node: RealNode;
  readonly membership: TcpMembershipPort;
  close(): Promise<void>;
}

export async function startMemberNode(options: RealNodeOptions, spec: MembershipSpec, events?: MembershipEvents): Promise<MemberNode> {
  const port = membershipPort(spec, events ?? { log: (line) => options.log?.(line) });
  const node = await RealNode.start({ ...options, watch: port });
  const stop = runMembership(port, node, options);
  let closing: Promise<void> | undefined;
  return {
    node,
    membership: port,
    close: () => (closing ??= stop().then(() => node.close())),
  };
}
