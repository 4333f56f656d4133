/**
 * The shape every simple forwarding rule shares (flood, flood-echo, ttl, gossip, fanout, tree):
 * a node that sees a message for the first time delivers it and passes it on by the rule's
 * `forward`; a copy seen before is dropped. The origin is the first sight with no sender, so it
 * goes through the same path with `fromLink` = NONE. Only `forward` differs between the rules.
 */
import type { Msg } from '../message.ts';
import type { Capability, PortWith, Protocol, ProtocolWith } from '../seam.ts';

/** No link: the `fromLink` a rule's forward sees at the origin. */
export const NONE = -1;

/** Passes `msg` on from the node the port is bound to; `fromLink` is NONE at the origin. */
export type Forward<C extends Capability> = (port: PortWith<C>, fromLink: number, msg: Msg) => void;

/** A protocol that delivers on first sight, forwards by `forward`, and ignores duplicates. */
export function onFirstSight<C extends Capability = never>(name: string, forward: Forward<C>, requires: readonly C[] = []): Protocol {
  function receive(port: PortWith<C>, fromLink: number, msg: Msg): void {
    if (!port.firstSight(msg.id)) return;
    port.deliver(msg);
    forward(port, fromLink, msg);
  }
  const protocol: ProtocolWith<C> = {
    name,
    ignoresDuplicates: true,
    requires,
    originate: (port: PortWith<C>, msg: Msg): void => receive(port, NONE, msg),
    receive,
  };
  return protocol;
}
