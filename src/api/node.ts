/**
 * startNode(): one real chat node over TCP, as `floodlab node` runs it, for a program to drive:
 * connect to peers, originate messages, read its counters, close. It runs any registered
 * protocol (a spec such as 'flood' or 'plumtree') or a Protocol object directly.
 */
import type { Msg } from '../core/message.ts';
import { parseProtocol } from '../core/protocols/index.ts';
import type { Protocol } from '../core/seam.ts';
import { RealNode, type NodeStats } from '../real/node.ts';

export type { Msg, NodeStats };

export interface StartNodeOptions {
  /** Shown as the author of this node's messages; default `node-PORT`. */
  readonly name?: string;
  /** A registered protocol's spec (default 'flood') or a Protocol object. */
  readonly protocol?: string | Protocol;
  /** Interface to listen on (default 127.0.0.1). */
  readonly host?: string;
  /** First port to try, the next ones when taken; 0 (the default here) lets the system choose. */
  readonly port?: number;
  /** The wire this node dials with: floodlab's JSON lines, the Go program's gob, or auto (JSON; accepted links by their first bytes). Default 'auto'. */
  readonly wire?: 'json' | 'gob' | 'auto';
  /** A message reached this node for the first time (`hops` = 0 for its own). */
  readonly onDeliver?: (msg: Msg, hops: number) => void;
  /** One line per event worth telling a user: connections, drops, bad frames, redials. */
  readonly log?: (line: string) => void;
}

/** A running node: what a program can do with it. */
export interface FloodNode {
  readonly name: string;
  /** The port it listens on. */
  readonly port: number;
  /** Opens a link to host:port (redialed if it drops when `redial`); false when already linked or closing. */
  connect(host: string, port: number, redial?: boolean): boolean;
  /** Authors one message and floods it; returns it (its id is unique). */
  originate(text: string): Msg;
  /** The transport's counters: sends, receipts, duplicates, bytes, peers. */
  stats(): NodeStats;
  /** Closes the listener and every link; resolves when every socket is closed. */
  close(): Promise<void>;
}

/** Starts a node; resolves once it listens. Throws InputError on bad options (a port in use with no next one free, an unknown protocol). */
export async function startNode(options: StartNodeOptions = {}): Promise<FloodNode> {
  const protocol = typeof options.protocol === 'object' ? options.protocol : parseProtocol(options.protocol ?? 'flood');
  const node = await RealNode.start({
    protocol,
    port: options.port ?? 0,
    ...(options.name !== undefined ? { name: options.name } : {}),
    ...(options.host !== undefined ? { host: options.host } : {}),
    ...(options.wire !== undefined ? { wire: options.wire } : {}),
    ...(options.onDeliver ? { onDeliver: options.onDeliver } : {}),
    ...(options.log ? { log: options.log } : {}),
  });
  return {
    name: node.name,
    port: node.port,
    connect: (host, port, redial = false) => node.connect(host, port, redial),
    originate: (text) => node.originate(text),
    stats: () => node.stats(),
    close: () => node.close(),
  };
}
