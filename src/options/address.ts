/**
 * `--join HOST:PORT`: the address of a running node, checked when the command line is read so a
 * typo is one line and exit 2, not a node retrying a nonsense address forever. Membership knows
 * nodes by 'a.b.c.d:port' (IPv4: what the wire carries, real/membership/wire.ts); 'localhost' is
 * taken as 127.0.0.1.
 */
import { InputError } from '../core/errors.ts';

const HOST_PORT = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3}):(\d{1,5})$/;

/** 'a.b.c.d:port' from `text`, or an InputError naming it and what is allowed. */
export function parseJoinAddress(text: string): string {
  const t = text.trim().replace(/^localhost:/, '127.0.0.1:');
  const m = HOST_PORT.exec(t);
  const bad = (why: string): never => {
    throw new InputError('ERR_BAD_ADDRESS', `--join '${text}' ${why}; expected HOST:PORT with an IPv4 host, e.g. 127.0.0.1:55555`);
  };
  if (!m) return bad('is not an address');
  if (m.slice(1, 5).some((o) => Number(o) > 255)) bad('has an IPv4 part over 255');
  const port = Number(m[5]);
  if (port < 1 || port > 65_535) bad(`has port ${port}, outside 1 to 65535`);
  return `${m.slice(1, 5).map(Number).join('.')}:${port}`;
}
