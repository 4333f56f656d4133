/**
 * How a link is named: where the node on it listens (dialed, or its address with the port from
 * its hello), how two such addresses order (to agree which of two twin links stays), and the
 * words a log line uses for it.
 */
import type { Link } from './link.ts';

/** Where the node on this link listens: dialed, or its address with the port from its hello. */
export function listeningAddress(link: Link): string | undefined {
  if (link.outgoing) return link.remote;
  if (!link.hello || link.hello.port === 0) return undefined;
  return `${link.remote.slice(0, link.remote.lastIndexOf(':'))}:${link.hello.port}`;
}

/** Orders 'host:port' addresses by host, then port as a number. */
export function compareAddress(a: string, b: string): number {
  const [ha, pa] = [a.slice(0, a.lastIndexOf(':')), Number(a.slice(a.lastIndexOf(':') + 1))];
  const [hb, pb] = [b.slice(0, b.lastIndexOf(':')), Number(b.slice(b.lastIndexOf(':') + 1))];
  return ha < hb ? -1 : ha > hb ? 1 : pa - pb;
}

/** 'bob at 127.0.0.1:55556' when its hello came, else the address. */
export function describeLink(link: Link): string {
  const at = listeningAddress(link) ?? link.remote;
  return link.hello ? `${link.hello.name} at ${at}` : at;
}
