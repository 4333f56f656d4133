/**
 * The shape every simple forwarding rule shares (flood, flood-echo, ttl, gossip, fanout, tree):
 * a node that sees a message for the first time delivers it and passes it on by the rule's
 * `forward`; a copy seen before is dropped. The origin is the first sight with no sender, so it
 * goes through the same path with `fromLink` = NONE. Only `forward` differs between the rules.
 */
import type { Msg } from '../message.ts';
import type { Capability, Port, Protocol } from '../seam.ts';

/** No link: the `fromLink` a rule's forward sees at the origin. */
export const NONE = -1;

/** Passes `msg` on from the node the port is bound to; `fromLink` is NONE at the origin. */
export type Forward = (port: Port, fromLink: number, msg: Msg) => void;

/** A protocol that delivers on first sight, forwards by `forward`, and ignores duplicates. */
export function onFirstSight(name: string, forward: Forward, requires?: readonly Capability[]): Protocol {
  function receive(port: Port, fromLink: number, msg: Msg): void {
    if (!port.firstSight(msg.id)) return;
    port.deliver(msg);
    forward(port, fromLink, msg);
  }
  return {
    name,
    ignoresDuplicates: true,
    ...(requires ? { requires } : {}),
    originate: (port: Port, msg: Msg): void => receive(port, NONE, msg),
    receive,
  };
}
