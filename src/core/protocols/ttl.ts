/**
 * Flooding with a hop limit (Gnutella's TTL): a node forwards a message only while it has
 * travelled fewer than K hops, so it reaches at most the nodes within K hops of the origin (fewer
 * when the first copy to arrive took a longer path, which random latency allows).
 */
import { check } from '../errors.ts';
import type { Msg } from '../message.ts';
import type { Port, Protocol } from '../seam.ts';
import { NONE, onFirstSight } from './first-sight.ts';

function forward(port: Port, fromLink: number, msg: Msg): void {
  const n = port.links;
  for (let link = 0; link < n; link++) if (link !== fromLink) port.send(link, msg);
}

/** Flood that stops forwarding at hop K (K = 0: only the origin has it). */
export function ttl(limit: number): Protocol {
  check(Number.isInteger(limit) && limit >= 0, 'ERR_BAD_PROTOCOL', `ttl: hop limit ${limit} must be an integer >= 0`);
  // The origin is hop 0: it forwards when K > 0; a receiver forwards while its hop is below K.
  return onFirstSight(
    `ttl:${limit}`,
    (port: Port, fromLink: number, msg: Msg): void => {
      if ((fromLink === NONE ? 0 : port.hop!) < limit) forward(port, fromLink, msg);
    },
    ['hop'],
  );
}
