/**
 * The stage between "socket connected" and "link joins the flood". A link in state
 * 'handshaking' sends only what its Handshake writes and hands every event it decodes to the
 * Handshake, until that says 'up'; then the messages queued meanwhile go out and the link's events
 * go to the node. Today's handshake is the hello alone (each side says who it is and where it
 * listens, and the link is up at once, so a peer that never speaks first, like the Go program,
 * still gets messages). The trust issue's signed hello is another Handshake: it answers 'wait'
 * until the other side has proved its key, and throws a WireError to refuse the link.
 */
import type { Hello, WireCodec, WireEvent } from './wire/codec.ts';

/** What a handshake may see and do on its link. */
export interface HandshakeLink {
  /** True when this side dialed. */
  readonly outgoing: boolean;
  /** 'host:port' dialed, or the remote address of an accepted socket. */
  readonly remote: string;
  readonly codec: WireCodec;
  /** Writes a frame now, ahead of any queued message. */
  writeFirst(frame: Buffer): void;
}

/** 'up': the link joins the flood now; 'wait': keep handshaking. */
export type HandshakeStep = 'up' | 'wait';

export interface Handshake {
  /** The socket is connected and the codec known: send what this side says first. */
  start(link: HandshakeLink): HandshakeStep;
  /** An event that arrived while handshaking. Throw a WireError to refuse the link. */
  receive(link: HandshakeLink, event: WireEvent): HandshakeStep;
}

/** Sends this node's hello (when the codec has one) and is up at once. */
export function helloHandshake(hello: () => Hello): Handshake {
  return {
    start(link) {
      if (link.codec.encodeHello) link.writeFirst(link.codec.encodeHello(hello()));
      return 'up';
    },
    receive: () => 'up',
  };
}
