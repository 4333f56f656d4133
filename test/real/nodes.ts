/**
 * Test helper: real nodes in this process on 127.0.0.1 with OS-chosen ports, each recording
 * what it delivered and logged; `closeAll()` (for afterEach) closes every one.
 */
import type { Msg } from '../../src/core/message.ts';
import { parseProtocol } from '../../src/core/protocols/index.ts';
import { RealNode, type RealNodeOptions } from '../../src/real/node.ts';

export interface TestNode {
  readonly node: RealNode;
  readonly got: Msg[];
  readonly logs: string[];
}

const open = new Set<RealNode>();

export async function testNode(name: string, options: Partial<RealNodeOptions> = {}): Promise<TestNode> {
  const got: Msg[] = [];
  const logs: string[] = [];
  const node = await RealNode.start({
    name,
    protocol: parseProtocol('flood'),
    port: 0,
    onDeliver: (msg, hops) => void (hops > 0 && got.push(msg)),
    log: (line) => void logs.push(line),
    ...options,
  });
  open.add(node);
  return { node, got, logs };
}

export async function closeAll(): Promise<void> {
  await Promise.all([...open].map((n) => n.close()));
  open.clear();
}

/** Polls until `ok()` holds; fails with `what` after ms. */
export async function until(ok: () => boolean, what: string, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}
