/**
 * The TCP transport: listen (on a port or the next free one above it), accept, dial, close. It
 * knows sockets and addresses only; what the bytes mean is the links' and codecs' business.
 */
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { listenFrom } from './listen.ts';

export class TcpTransport {
  host = '';
  port = 0;
  private readonly server: Server;
  private closing = false;

  constructor(
    /** Each accepted socket; the transport destroys sockets accepted while it closes. */
    accept: (socket: Socket, remote: string) => void,
    log: (line: string) => void,
  ) {
    this.server = createServer({ noDelay: true }, (socket) => {
      if (this.closing) socket.destroy();
      else accept(socket, `${plainHost(socket.remoteAddress ?? '?')}:${socket.remotePort}`);
    });
    this.server.on('error', (err) => log(`listener error: ${err.message}`));
  }

  /** Listens on host at `port` or the first free port above it (0: the system chooses). */
  async listen(host: string, port: number): Promise<number> {
    this.host = host;
    this.port = await listenFrom(this.server, host, port);
    return this.port;
  }

  /** Opens a connection; the socket emits 'connect' or 'error'. */
  dial(host: string, port: number): Socket {
    return createConnection({ host, port, noDelay: true });
  }

  /** Stops accepting; resolves once the listener has closed (connections are the links' to close). */
  close(): Promise<void> {
    this.closing = true;
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/** An address as users write it: IPv4-mapped IPv6 (::ffff:127.0.0.1) shown as IPv4, 'localhost' as 127.0.0.1. */
export function plainHost(host: string): string {
  if (host.startsWith('::ffff:')) return host.slice(7);
  if (host === 'localhost') return '127.0.0.1';
  return host;
}
