/**
 * The signed link handshake as the link layer's Handshake stage (../handshake.ts): on a wire with
 * a hello (JSON), each side sends its hello and then the trust hello, proves its key, and the
 * link comes up only once the other side's proof checks. Anything else before that closes the
 * link: an anonymous socket gets nothing. A wire with no hello (Go's gob) cannot authenticate:
 * such links come up unauthenticated unless the node refuses them (`allowUnauthenticated`).
 */
import { encodeTextFrame } from '../frame.ts';
import type { Handshake, HandshakeLink } from '../handshake.ts';
import type { Hello } from '../wire/codec.ts';
import { HandshakeError, type PeerIdentity } from './handshake.ts';
import type { NodeKey } from './keys.ts';
import { LinkHandshake } from './link-handshake.ts';

export interface SignedHandshakeOptions {
  readonly key: NodeKey;
  /** This node's plain hello (name, port), sent first as on every JSON link. */
  readonly hello: () => Hello;
  /** Where this node listens, `host:port`, signed into the handshake. */
  readonly address: () => string;
  /** Let links on a wire without a handshake (gob) come up unauthenticated. Default false. */
  readonly allowUnauthenticated?: boolean;
  /** A link's peer proved its key. */
  readonly identified?: (link: HandshakeLink, who: PeerIdentity) => void;
}

/** One Handshake for all of a node's links; each link's state is kept beside it. */
export function signedHandshake(options: SignedHandshakeOptions): Handshake {
  const states = new WeakMap<HandshakeLink, LinkHandshake>();
  return {
    start(link) {
      const encodeHello = link.codec.encodeHello;
      if (!encodeHello) {
        if (options.allowUnauthenticated) return 'up';
        throw new HandshakeError(`handshake: the ${link.codec.name} wire cannot prove who is on the link, and this node takes signed links only`);
      }
      const state = new LinkHandshake(options.key, link.outgoing ? 'dial' : 'accept', options.address());
      states.set(link, state);
      link.writeFirst(encodeHello(options.hello()));
      link.writeFirst(encodeTextFrame(state.helloBody().toString('utf8')));
      return 'wait';
    },
    receive(link, event) {
      if (event.kind === 'hello') return 'wait';
      const state = states.get(link);
      if (!state) throw new HandshakeError('handshake: not started');
      if (event.kind !== 'handshake') throw new HandshakeError(`handshake: a ${event.kind} frame before the handshake finished (an unauthenticated peer gets nothing)`);
      const step = state.receive(event.body);
      if (step.reply) link.writeFirst(encodeTextFrame(step.reply.toString('utf8')));
      if (!step.done) return 'wait';
      options.identified?.(link, step.done);
      return 'up';
    },
  };
}
