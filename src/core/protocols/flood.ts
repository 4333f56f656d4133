/**
 * Flooding: on first sight, deliver and pass the message on; a message seen before is dropped.
 * Two forwarding rules, the only difference being whether the neighbour it came from gets it back.
 */
import type { Msg } from '../message.ts';
import type { BasePort, Protocol } from '../seam.ts';
import { onFirstSight } from './first-sight.ts';

function makeFlood(name: string, echo: boolean): Protocol {
  return onFirstSight(name, (port: BasePort, fromLink: number, msg: Msg): void => {
    const n = port.links;
    for (let link = 0; link < n; link++) {
      if (echo || link !== fromLink) port.send(link, msg);
    }
  });
}

/** The original Go program's rule: every neighbour, the sender included (2E sends). */
export const floodEcho: Protocol = makeFlood('flood-echo', true);

/** Every neighbour but the sender (2E − (N−1) sends on a connected graph). */
export const flood: Protocol = makeFlood('flood', false);
