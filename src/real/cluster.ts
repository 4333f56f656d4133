/**
 * What the launcher needs of a node, whether it runs in this process or in a child process:
 * connect to a port, author a message, report its counters, close. Deliveries are reported to
 * one listener with an absolute timestamp, so times from several processes can be compared.
 */
import { parseProtocol } from '../core/protocols/index.ts';
import { labAdmission } from '../core/admission.ts';
import type { Protocol } from '../core/seam.ts';
import { RealNode, type NodeStats } from './node.ts';
import { generateNodeKey } from './trust/keys.ts';

// Read once: the getter calls into the runtime, and wallClock runs on every delivery.
const TIME_ORIGIN = performance.timeOrigin;

/** Milliseconds on a clock shared by every process of this machine (high resolution). */
export function wallClock(): number {
  return TIME_ORIGIN + performance.now();
}

/** Node `node` delivered message `id` for the first time at `at` (wallClock ms), `hops` from its origin. */
export type DeliveryListener = (node: number, id: string, at: number, hops: number) => void;

export interface NodeHandle {
  readonly name: string;
  /** The port it listens on (127.0.0.1). */
  readonly port: number;
  /** Opens a link to 127.0.0.1:port (no redial: the launcher's links are not meant to drop); `wire` picks its codec. */
  connect(port: number, wire?: 'json' | 'gob'): void;
  /** Authors one message; resolves with its id and the wallClock time it was sent. */
  originate(text: string): Promise<{ id: string; at: number }>;
  stats(): Promise<NodeStats>;
  close(): Promise<void>;
}

export interface Cluster {
  readonly handles: readonly NodeHandle[];
  /** Closes every node (and ends every child process); idempotent. */
  close(): Promise<void>;
}

export interface ClusterOptions {
  readonly names: readonly string[];
  /** A registered protocol's name (spec), or a Protocol object (tests). */
  readonly protocol: string | Protocol;
  readonly onDeliver: DeliveryListener;
  /** Logs lines from nodes (drops, bad frames); none by default. */
  readonly log?: (line: string) => void;
  /** Give every node a fresh key: signed messages and handshakes (docs/security.md). */
  readonly signed?: boolean;
}

function inProcessHandle(node: RealNode): NodeHandle {
  return {
    name: node.name,
    port: node.port,
    connect: (port, wire) => node.connect('127.0.0.1', port, false, wire),
    originate: (text) => {
      const at = wallClock();
      const msg = node.originate(text);
      return Promise.resolve({ id: String(msg.id), at });
    },
    stats: () => Promise.resolve(node.stats()),
    close: () => node.close(),
  };
}

/** Starts every node in this process on 127.0.0.1 with OS-chosen ports. */
export async function startInProcess(options: ClusterOptions): Promise<Cluster> {
  const protocol = typeof options.protocol === 'string' ? parseProtocol(options.protocol) : options.protocol;
  const nodes: RealNode[] = [];
  const close = async (): Promise<void> => {
    await Promise.all(nodes.map((n) => n.close()));
  };
  try {
    for (let i = 0; i < options.names.length; i++) {
      nodes.push(
        await RealNode.start({
          name: options.names[i]!,
          protocol,
          port: 0,
          admission: labAdmission(options.names.length),
          ...(options.signed ? { key: generateNodeKey() } : {}),
          onDeliver: (msg, hops) => options.onDeliver(i, String(msg.id), wallClock(), hops),
          ...(options.log ? { log: (line: string) => options.log!(`${options.names[i]}: ${line}`) } : {}),
        }),
      );
    }
  } catch (err) {
    await close();
    throw err;
  }
  return { handles: nodes.map(inProcessHandle), close };
}
