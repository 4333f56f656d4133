/**
 * Membership frames on the JSON wire: every message type round-trips, and what a stranger may send
 * is refused field by field (bad address, hop count out of range, long lists, unknown fields).
 */
import { describe, expect, it } from 'vitest';
import type { MembershipMsg } from '../../../src/core/membership/messages.ts';
import { MAX_MEMBERSHIP_HOPS, MAX_MEMBERSHIP_NODES, decodeMembershipBody, encodeMembershipFrame } from '../../../src/real/membership/wire.ts';
import { decodeBody } from '../../../src/real/wire/json.ts';
import { parseJoinAddress } from '../../../src/options/address.ts';

const body = (frame: Buffer): Buffer => frame.subarray(4);
const raw = (text: string): Buffer => Buffer.from(text, 'utf8');

describe('membership frames', () => {
  const all: MembershipMsg[] = [
    { type: 'join_req', joiner: '127.0.0.1:55555', hops: 3 },
    { type: 'join' },
    { type: 'forward_join', joiner: '10.0.0.2:1', ttl: 6 },
    { type: 'join_accept' },
    { type: 'disconnect' },
    { type: 'neighbor', high: true },
    { type: 'neighbor_reply', accepted: false },
    { type: 'shuffle', origin: '127.0.0.1:2', nodes: ['127.0.0.1:3', '127.0.0.1:65535'], ttl: 0 },
    { type: 'shuffle_reply', nodes: [] },
  ];
  it.each(all)('$type round-trips through the JSON wire as a membership event', (msg) => {
    const frame = encodeMembershipFrame(msg);
    expect(frame.readUInt32BE(0)).toBe(frame.length - 4);
    expect(decodeBody(body(frame))).toEqual({ kind: 'membership', msg });
  });

  it.each([
    ['{"m":{"type":"join_req","joiner":"localhost:1","hops":0}}', "'localhost:1' is not a.b.c.d:port"],
    ['{"m":{"type":"join_req","joiner":"127.0.0.1:0","hops":0}}', 'port 0'],
    ['{"m":{"type":"join_req","joiner":"127.0.0.256:5","hops":0}}', 'over 255'],
    [`{"m":{"type":"join_req","joiner":"127.0.0.1:5","hops":${MAX_MEMBERSHIP_HOPS + 1}}}`, "field 'hops'"],
    ['{"m":{"type":"join_req","joiner":"127.0.0.1:5","hops":-1}}', "field 'hops'"],
    ['{"m":{"type":"join_req","joiner":"127.0.0.1:5"}}', "field 'hops'"],
    ['{"m":{"type":"join_req","joiner":"127.0.0.1:5","hops":1,"x":1}}', "unknown field 'x'"],
    ['{"m":{"type":"teleport"}}', "unknown type 'teleport'"],
    ['{"m":{"type":"neighbor","high":1}}', "field 'high'"],
    [`{"m":{"type":"shuffle_reply","nodes":${JSON.stringify(Array.from({ length: MAX_MEMBERSHIP_NODES + 1 }, (_, i) => `127.0.0.1:${i + 1}`))}}}`, `at most ${MAX_MEMBERSHIP_NODES}`],
    ['{"m":{"type":"shuffle","origin":"127.0.0.1:1","nodes":["x"],"ttl":1}}', 'nodes[0]'],
    ['{"m":[1]}', "field 'm' must be an object"],
    ['{"m":{"type":"join"},"z":1}', 'exactly the field m'],
    ['{"m":', 'not JSON'],
  ])('refuses %s', (text, why) => {
    expect(() => decodeMembershipBody(raw(text))).toThrow(why);
    const event = decodeBody(raw(text));
    expect(event.kind).toBe('invalid');
  });
});

describe('--join HOST:PORT', () => {
  it('takes an IPv4 address and port, localhost as 127.0.0.1', () => {
    expect(parseJoinAddress('127.0.0.1:55555')).toBe('127.0.0.1:55555');
    expect(parseJoinAddress('localhost:7')).toBe('127.0.0.1:7');
  });
  it.each(['1.2.3:4', '127.0.0.1', '127.0.0.1:0', '127.0.0.1:70000', '300.0.0.1:5', 'example.com:80', ''])('refuses %j in one line naming it', (text) => {
    expect(() => parseJoinAddress(text)).toThrow(`--join '${text}'`);
  });
});
