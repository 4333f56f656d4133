/**
 * Listening the way the original program did: on 55555, or the next port up when that one is
 * taken, so three nodes started in three terminals need no flags. Port 0 lets the OS choose.
 */
import type { Server } from 'node:net';
import { InputError } from '../../core/errors.ts';

/** How many ports upwards to try before giving up. */
export const PORT_TRIES = 100;

/**
 * Connections the kernel may hold for us before we accept them (Node's default is 511; the kernel
 * caps it at net.core.somaxconn). A burst of connections beyond the queue is not refused: Linux
 * drops the handshake's last packet and the dialer believes it is connected to a node that never
 * saw it. A longer queue lets the node itself meet such a burst (and refuse what is over its caps).
 */
export const LISTEN_BACKLOG = 4096;

function listenOnce(server: Server, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (err: Error): void => {
      server.off('listening', onListening);
      reject(err);
    };
    const onListening = (): void => {
      server.off('error', onError);
      const address = server.address();
      resolve(typeof address === 'object' && address !== null ? address.port : port);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen({ host, port, exclusive: true, backlog: LISTEN_BACKLOG });
  });
}

/** Listens on `host` at `port` or the first free port above it; returns the port it got. */
export async function listenFrom(server: Server, host: string, port: number): Promise<number> {
  const last = port === 0 ? 0 : Math.min(65_535, port + PORT_TRIES - 1);
  for (let p = port; p <= last; p++) {
    try {
      return await listenOnce(server, host, p);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EADDRINUSE' && p < last) continue;
      if (code === 'EADDRINUSE') throw new InputError('ERR_NO_PORT', `node: ports ${port} to ${last} on ${host} are all taken; pass --port 0 to let the system choose`);
      throw new InputError('ERR_LISTEN', `node: cannot listen on ${host}:${p}: ${code ?? (err as Error).message}; use --host with an address of this machine (default 127.0.0.1)`);
    }
  }
  throw new InputError('ERR_NO_PORT', `node: no port to try from ${port}`);
}
