/**
 * Probabilistic flooding (Haas, Halpern and Li's GOSSIP1(p)): on first sight a node forwards to
 * each neighbour but the sender with probability P, independently; the origin sends to all.
 * Below a threshold near 1/(D−1) a message dies out near its origin; above it, it reaches almost
 * everyone with fewer sends than flooding. P = 1 is flood exactly (no random draws are made).
 */
import { check } from '../errors.ts';
import type { Msg } from '../message.ts';
import type { BasePort, Protocol } from '../seam.ts';
import { NONE, onFirstSight } from './first-sight.ts';

/** Forward to each other neighbour with probability `p`. */
export function gossip(p: number): Protocol {
  check(p >= 0 && p <= 1, 'ERR_BAD_PROTOCOL', `gossip: probability ${p} must lie in [0, 1]`);
  return onFirstSight(`gossip:${p}`, (port: BasePort, fromLink: number, msg: Msg): void => {
    const n = port.links;
    // The origin sends to all, without draws; P >= 1 makes no draws either (flood exactly).
    if (fromLink === NONE) for (let link = 0; link < n; link++) port.send(link, msg);
    else for (let link = 0; link < n; link++) if (link !== fromLink && (p >= 1 || port.random() < p)) port.send(link, msg);
  });
}
