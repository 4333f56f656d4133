/**
 * Helpers for real membership tests: N nodes in this process on 127.0.0.1 (OS-chosen ports), each
 * started with only the entry's address; waits on their links; who got which message.
 */
import { parseProtocol } from '../../../src/core/protocols/index.ts';
import { startMemberNode, type MemberNode, type MembershipSpec } from '../../../src/real/membership/start.ts';
import { generateNodeKey } from '../../../src/real/trust/keys.ts';

export interface Members {
  readonly nodes: MemberNode[];
  /** Message ids each node delivered (its own included). */
  readonly got: Set<string>[];
  readonly lines: string[];
  /** Kills node i: every socket destroyed at once, no goodbye (the far ends see the connection drop). */
  kill(i: number): Promise<void>;
  close(): Promise<void>;
}

export async function startMembers(n: number, spec: Omit<MembershipSpec, 'join'>, signed: boolean): Promise<Members> {
  const nodes: MemberNode[] = [];
  const got: Set<string>[] = [];
  const lines: string[] = [];
  const close = async (): Promise<void> => {
    await Promise.all(nodes.map((m) => m.close()));
  };
  try {
    for (let i = 0; i < n; i++) {
      got.push(new Set());
      const join = i === 0 ? undefined : `127.0.0.1:${nodes[0]!.node.port}`;
      nodes.push(
        await startMemberNode(
          {
            name: `n${i}`,
            protocol: parseProtocol('flood'),
            port: 0,
            ...(signed ? { key: generateNodeKey() } : {}),
            onDeliver: (msg) => got[i]!.add(String(msg.id)),
            log: (line) => lines.push(`n${i}: ${line}`),
          },
          { ...spec, join },
        ),
      );
    }
  } catch (err) {
    await close();
    throw err;
  }
  return {
    nodes,
    got,
    lines,
    kill: async (i) => {
      await nodes[i]!.close();
    },
    close,
  };
}

/** Resolves once `ok()` holds (checked every 50 ms), or with false after `ms`. */
export async function until(ok: () => boolean, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) return false;
    await new Promise((r) => setTimeout(r, 50));
  }
  return true;
}

/** True when the links among `live` (by listening address) join them all into one component. */
export function connected(live: readonly MemberNode[]): boolean {
  const at = new Map<string, MemberNode>(live.map((m) => [`127.0.0.1:${m.node.port}`, m]));
  const seen = new Set<string>([at.keys().next().value!]);
  const stack = [...seen];
  while (stack.length > 0) {
    const u = at.get(stack.pop()!)!;
    for (const v of u.membership.peers()) if (at.has(v) && !seen.has(v)) seen.add(v), stack.push(v);
  }
  return seen.size === live.length;
}
