/**
 * What a typed line means. The original program's words are kept (`connect HOST:PORT`, `exit`,
 * `quit`), plus `/peers`, `/stats` and `/help`. Anything else is chat: a line that merely starts
 * with "connect" ("connect to you later") is sent, not swallowed; `connect` alone gets a usage
 * line, and `connect` with an address-shaped word that is not a valid address (a port out of
 * range, a malformed host) gets a one-line error instead of being chatted to everyone; an empty
 * line sends nothing. Pure, so every rule is tested without sockets.
 */

export type Command =
  | { readonly kind: 'empty' }
  | { readonly kind: 'exit' }
  /** `wire`: from `connect gob://HOST:PORT` or `json://`; absent, the node's --wire decides. */
  | { readonly kind: 'connect'; readonly host: string; readonly port: number; readonly wire?: 'json' | 'gob' }
  | { readonly kind: 'connect-usage' }
  /** `connect` and something shaped like an address that is not one, e.g. port 99999. */
  | { readonly kind: 'connect-error'; readonly reason: string }
  | { readonly kind: 'peers' }
  | { readonly kind: 'stats' }
  | { readonly kind: 'help' }
  | { readonly kind: 'chat'; readonly text: string };

export const USAGE_CONNECT = 'usage: connect HOST:PORT (e.g. connect 127.0.0.1:55556), connect PORT for 127.0.0.1, connect gob://HOST:PORT for a Go node';

export const HELP = [
  'connect HOST:PORT   open a link to another node (connect PORT means 127.0.0.1:PORT)',
  "connect gob://H:P   open a link to one of the original Go program's nodes (its gob wire)",
  '/peers              list links: who (by name), state, wire; and links being redialed',
  '/stats              messages sent, received, duplicates; bytes in and out',
  'exit, quit          close every link and stop',
  'anything else       a chat message, flooded to every node',
].join('\n');

const HOSTNAME = /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*$/;

/** 'host:port', '[v6]:port' or a bare port (127.0.0.1); undefined when it is not an address. */
export function parseAddress(text: string): { host: string; port: number } | undefined {
  const m = /^(?:\[([0-9A-Fa-f:.]+)\]|([^:\s[\]]+)):(\d{1,5})$/.exec(text) ?? /^()()(\d{1,5})$/.exec(text);
  if (!m) return undefined;
  const port = Number(m[3]);
  if (port < 1 || port > 65_535) return undefined;
  const host = m[1] || m[2] || '127.0.0.1';
  if (!m[1] && !HOSTNAME.test(host)) return undefined;
  return { host, port };
}

/** Why an address-shaped word (HOST:DIGITS, [V6]:DIGITS or DIGITS) is not a valid address. */
function addressProblem(text: string): string | undefined {
  const digits = (/^(?:\[[^\]]*\]|[^:\s[\]]+):(\d+)$/.exec(text) ?? /^(\d+)$/.exec(text))?.[1];
  if (digits === undefined) return undefined;
  const port = Number(digits);
  if (port < 1 || port > 65_535) return `connect: port ${digits} must be from 1 to 65535 (nothing was sent)`;
  return `connect: '${text}' is not a valid HOST:PORT (nothing was sent)`;
}

/** Classifies one typed line. */
export function parseLine(line: string): Command {
  const text = line.replace(/\r$/, '');
  const trimmed = text.trim();
  if (trimmed === '') return { kind: 'empty' };
  if (trimmed === 'exit' || trimmed === 'quit') return { kind: 'exit' };
  if (trimmed === 'connect') return { kind: 'connect-usage' };
  if (trimmed === '/peers') return { kind: 'peers' };
  if (trimmed === '/stats') return { kind: 'stats' };
  if (trimmed === '/help') return { kind: 'help' };
  const m = /^connect\s+(?:(gob|json):\/\/)?(\S+)$/.exec(trimmed);
  const address = m ? parseAddress(m[2]!) : undefined;
  if (address) return { kind: 'connect', ...address, ...(m![1] ? { wire: m![1] as 'json' | 'gob' } : {}) };
  const problem = m ? addressProblem(m[2]!) : undefined;
  if (problem) return { kind: 'connect-error', reason: problem };
  return { kind: 'chat', text };
}
