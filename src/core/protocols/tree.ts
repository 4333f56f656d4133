/**
 * Broadcast along a spanning tree: the N−1 baseline as a running protocol. The tree is not
 * discovered here: the transport is configured with it (`port.treeLink`), as an operator would
 * configure a static overlay. Nothing repairs it, so when a node on the tree fails, every node
 * below it misses every message: the price of the cheapest possible broadcast.
 */
import type { Msg } from '../message.ts';
import type { PortWith, Protocol } from '../seam.ts';
import { onFirstSight } from './first-sight.ts';

function forward(port: PortWith<'tree'>, fromLink: number, msg: Msg): void {
  const n = port.links;
  for (let link = 0; link < n; link++) if (link !== fromLink && port.treeLink(link)) port.send(link, msg);
}

/** Forward on tree links only, never back to the sender. */
export const tree: Protocol = onFirstSight('tree', forward, ['tree']);
