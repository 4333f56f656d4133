/**
 * Probabilistic flooding (Haas, Halpern and Li's GOSSIP1(p)): on first sight a node forwards to
 * each neighbour but the sender with probability P, independently; the origin sends to all.
 * Below a threshold near 1/(D−1) a message dies out near its origin; above it, it reaches almost
 * everyone with fewer sends than flooding. P = 1 is flood exactly (no random draws are made).
 */
import { check } from '../errors.ts';
import type { Msg } from '../message.ts';
import type { Port, Protocol } from '../seam.ts';

/** Forward to each other neighbour with probability `p`. */
export function gossip(p: number): Protocol {
  check(p >= 0 && p <= 1, 'ERR_BAD_PROTOCOL', `gossip: probability ${p} must lie in [0, 1]`);
  return {
    name: `gossip:${p}`,
    ignoresDuplicates: true,
    originate(port: Port, msg: Msg): void {
      if (!port.firstSight(msg.id)) return;
      port.deliver(msg);
      const n = port.links;
      for (let link = 0; link < n; link++) port.send(link, msg);
    },
    receive(port: Port, fromLink: number, msg: Msg): void {
      if (!port.firstSight(msg.id)) return;
      port.deliver(msg);
      const n = port.links;
      for (let link = 0; link < n; link++) {
        if (link !== fromLink && (p >= 1 || port.random() < p)) port.send(link, msg);
      }
    },
  };
}
