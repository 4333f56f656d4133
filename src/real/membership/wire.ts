/**
 * Membership control messages (core/membership/messages.ts) on floodlab's JSON wire: one frame each,
 * `{"m":{...}}`, told apart from other bodies by its first bytes. A stranger chooses every byte, so
 * every field is checked before a protocol sees it: the type from the known list, addresses as
 * IPv4 'a.b.c.d:port' (a node dials what it is told: nothing else is dialable), hop counts and TTLs
 * small integers, address lists short. Anything else is a CodecError and the link scores the frame.
 */
import type { MembershipMsg } from '../../core/membership/messages.ts';
import { CodecError } from '../codec.ts';
import { encodeTextFrame } from '../frame.ts';

/** The first bytes of a membership body. */
export const MEMBERSHIP_PREFIX = '{"m":';
/** Largest hop count or TTL accepted (blog's hop limit is 32, HyParView's walks are shorter). */
export const MAX_MEMBERSHIP_HOPS = 255;
/** Longest address list (a HyParView shuffle carries 1 + ka + kp ≤ 12 by default). */
export const MAX_MEMBERSHIP_NODES = 32;

const ADDRESS = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3}):(\d{1,5})$/;

/** Why `a` is not a dialable 'a.b.c.d:port' address, or undefined when it is. */
export function addressProblem(a: unknown): string | undefined {
  if (typeof a !== 'string' || a.length > 21) return 'an address must be a string a.b.c.d:port';
  const m = ADDRESS.exec(a);
  if (!m) return `'${a}' is not a.b.c.d:port`;
  if (m.slice(1, 5).some((o) => Number(o) > 255)) return `'${a}' has an IPv4 part over 255`;
  const port = Number(m[5]);
  if (port < 1 || port > 65_535) return `'${a}' has port ${port}; allowed 1 to 65535`;
  return undefined;
}

/** One frame carrying `msg`. */
export function encodeMembershipFrame(msg: MembershipMsg): Buffer {
  return encodeTextFrame(`${MEMBERSHIP_PREFIX}${JSON.stringify(msg)}}`);
}

function fail(message: string): never {
  throw new CodecError(`membership: ${message}`);
}

function address(v: unknown, field: string): string {
  const problem = addressProblem(v);
  if (problem) fail(`field '${field}': ${problem}`);
  return v as string;
}

function count(v: unknown, field: string): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > MAX_MEMBERSHIP_HOPS) fail(`field '${field}' must be an integer from 0 to ${MAX_MEMBERSHIP_HOPS}`);
  return v;
}

function flag(v: unknown, field: string): boolean {
  if (typeof v !== 'boolean') fail(`field '${field}' must be true or false`);
  return v;
}

function nodes(v: unknown): string[] {
  if (!Array.isArray(v) || v.length > MAX_MEMBERSHIP_NODES) fail(`field 'nodes' must be a list of at most ${MAX_MEMBERSHIP_NODES} addresses`);
  return v.map((a, i) => address(a, `nodes[${i}]`));
}

/** The fields each type has besides `type`, in no particular order. */
const FIELDS: Record<MembershipMsg['type'], readonly string[]> = {
  join_req: ['joiner', 'hops'],
  join: [],
  forward_join: ['joiner', 'ttl'],
  join_accept: [],
  disconnect: [],
  neighbor: ['high'],
  neighbor_reply: ['accepted'],
  shuffle: ['origin', 'nodes', 'ttl'],
  shuffle_reply: ['nodes'],
};

/** Parses and checks one membership body; throws CodecError naming the bad field. */
export function decodeMembershipBody(body: Buffer): MembershipMsg {
  let value: unknown;
  try {
    value = JSON.parse(body.toString('utf8'));
  } catch {
    fail(`not JSON (${body.length} bytes)`);
  }
  const outer = value as Record<string, unknown>;
  if (Object.keys(outer).length !== 1) fail('a membership body has exactly the field m');
  const m = outer['m'];
  if (typeof m !== 'object' || m === null || Array.isArray(m)) fail("field 'm' must be an object");
  const r = m as Record<string, unknown>;
  const type = r['type'];
  if (typeof type !== 'string' || !Object.hasOwn(FIELDS, type)) fail(`unknown type '${String(type).slice(0, 20)}'`);
  const want = FIELDS[type as MembershipMsg['type']];
  for (const key of Object.keys(r)) if (key !== 'type' && !want.includes(key)) fail(`unknown field '${key.slice(0, 20)}' in ${type}`);
  switch (type as MembershipMsg['type']) {
    case 'join_req':
      return { type: 'join_req', joiner: address(r['joiner'], 'joiner'), hops: count(r['hops'], 'hops') };
    case 'forward_join':
      return { type: 'forward_join', joiner: address(r['joiner'], 'joiner'), ttl: count(r['ttl'], 'ttl') };
    case 'join':
      return { type: 'join' };
    case 'join_accept':
      return { type: 'join_accept' };
    case 'disconnect':
      return { type: 'disconnect' };
    case 'neighbor':
      return { type: 'neighbor', high: flag(r['high'], 'high') };
    case 'neighbor_reply':
      return { type: 'neighbor_reply', accepted: flag(r['accepted'], 'accepted') };
    case 'shuffle':
      return { type: 'shuffle', origin: address(r['origin'], 'origin'), nodes: nodes(r['nodes']), ttl: count(r['ttl'], 'ttl') };
    case 'shuffle_reply':
      return { type: 'shuffle_reply', nodes: nodes(r['nodes']) };
  }
}
