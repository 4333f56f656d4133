/**
 * The chat program: a RealNode plus a line interface on any pair of streams (a terminal, or
 * pipes in tests). Every new message prints once as `AUTHOR -> text`. When input ends the node
 * keeps running headless; `exit`/`quit` (or the caller, on a signal) closes it cleanly.
 */
import { clearLine, createInterface, cursorTo } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { chatLine, displayNameProblem, safeText } from '../core/display.ts';
import { InputError } from '../core/errors.ts';
import type { Msg } from '../core/message.ts';
import type { Protocol } from '../core/seam.ts';
import { HELP, USAGE_CONNECT, parseLine } from './commands.ts';
import { RealNode, type NodeStats, type PeerInfo, type RealNodeOptions } from './node.ts';
import { BoundedOutput, type BoundedOutputOptions } from './trust/bounded-output.ts';
import { UnverifiedMsg } from './trust/inbound.ts';
import type { NodeKey } from './trust/keys.ts';
import { NameBook } from './trust/name-book.ts';
import type { WireName } from './wire/pick.ts';
import type { RedialClock } from './redial.ts';
import { membershipPort, runMembership, type MembershipSpec } from './membership/start.ts';

export interface ChatOptions {
  readonly name?: string;
  readonly protocol: Protocol;
  readonly host?: string;
  readonly port?: number;
  /** What the node dials with and how it takes silent connections (default 'auto'). */
  readonly wire?: WireName;
  readonly input: Readable;
  readonly output: Writable;
  /** The node's key: it signs its messages and takes signed ones only (docs/security.md). */
  readonly key?: NodeKey;
  /** How much output may wait when the output stream falls behind. */
  readonly outputLimits?: BoundedOutputOptions;
  /** Time and chance for redials (tests pass a fake clock); the real ones by default. */
  readonly redialClock?: RedialClock;
  /** Keep links by a membership protocol (--join, --want, --overlay): real/membership/. */
  readonly membership?: MembershipSpec;
  /** A --join address answered but is not a floodlab node (the CLI exits 2). */
  readonly notFloodlab?: (address: string, reason: string) => void;
}

export interface Chat {
  readonly node: RealNode;
  /** Resolves with the exit code once the node has closed (after `exit`, `quit` or `close()`). */
  readonly closed: Promise<number>;
  /** Closes the node (e.g. on SIGINT); idempotent. */
  close(): Promise<number>;
}

/**
 * The line shown for a received message: `NAME -> text`, with control and format characters
 * escaped (core/display.ts). A signed message's name goes through the name book: a second key
 * claiming a name is shown with its fingerprint, `NAME [fp:abcd1234] -> text`. A Go message a
 * signed node let through unsigned is shown as the Go program shows it (an address) and marked:
 * `127.0.0.1:55555 -> text  (unverified: Go wire)`.
 */
export function showMessage(msg: Msg, book?: NameBook): string {
  const key = (msg as { key?: unknown }).key;
  const label = book && typeof key === 'string' ? book.label(msg.origin, key) : msg.origin;
  const line = chatLine(label, msg.text);
  return msg instanceof UnverifiedMsg ? `${line}  ${UNVERIFIED_MARK}` : line;
}

/** What follows a message no signature vouches for. */
export const UNVERIFIED_MARK = '(unverified: Go wire)';

function statsLine(s: NodeStats): string {
  const control = s.controlSent + s.controlReceived > 0 ? `; control sent ${s.controlSent}, received ${s.controlReceived}` : '';
  const refusals = `; dropped as bad frames ${s.badFrames}, bad signatures ${s.badSignatures}, replays ${s.stale}, unsigned ${s.unsigned}; let through unverified (Go wire) ${s.unverified}; at the hop limit ${s.hopLimited}; connections refused ${s.refused}`;
  return `sent ${s.sent}, received ${s.received}, duplicates ${s.duplicates}, delivered ${s.delivered}${control}; bytes in ${s.bytesIn}, bytes out ${s.bytesOut}; peers ${s.peers}, dropped ${s.dropped}; seen ids ${s.seen}${refusals}`;
}

/** Who is on a link: `bob at 127.0.0.1:55556` once its hello came, else the address. */
function who(p: PeerInfo): string {
  const at = p.listening ?? p.remote;
  return p.name ? `${p.name} at ${at}` : at;
}

function peerLine(p: PeerInfo): string {
  const dir = p.direction === 'out' ? 'to  ' : 'from';
  if (p.redial) return `redialing  ${dir} ${who(p)}  try ${p.redial.attempt} in ${(p.redial.inMs / 1000).toFixed(1)} s`;
  const state = p.state === 'up' ? 'connected' : p.state;
  return `link ${p.link}  ${dir} ${who(p)}  ${state}  ${p.wire}  frames in ${p.framesIn}, out ${p.framesOut}${p.pendingBytes > 0 ? `, ${p.pendingBytes} bytes waiting` : ''}`;
}

/** What `/peers` prints: every link, then every link waiting to be redialed. */
export function peersText(peers: readonly PeerInfo[]): string {
  if (peers.length === 0) return 'no peers yet; connect HOST:PORT to add one';
  return peers.map(peerLine).join('\n');
}

/** The warning for a chat line typed when the node has no link at all. */
export const NO_PEERS = 'no peers: the line was not sent to anyone; connect host:port first';

/** Starts a node and its line interface; prints `listening on HOST:PORT` first. */
export async function startChat(options: ChatOptions): Promise<Chat> {
  const { input, output } = options;
  const terminal = Boolean((input as { isTTY?: boolean }).isTTY && (output as { isTTY?: boolean }).isTTY);
  let rl: ReturnType<typeof createInterface> | undefined;
  let inputEnded = false;
  // Every line goes through a bounded writer: a reader that stops reading costs a bounded queue.
  const out = new BoundedOutput(output, options.outputLimits);
  const print = (line: string): void => {
    if (terminal && rl && !inputEnded) {
      clearLine(output, 0);
      cursorTo(output, 0);
      out.line(line);
      rl.prompt(true);
    } else out.line(line);
  };
  if (options.key && options.name !== undefined) {
    const problem = displayNameProblem(options.name);
    if (problem) throw new InputError('ERR_BAD_NAME', `node: --name '${safeText(options.name)}' ${problem}`);
  }
  const book = new NameBook();
  const log = (line: string): void => print(`* ${safeText(line)}`);
  const member = options.membership ? membershipPort(options.membership, { log, ...(options.notFloodlab ? { notFloodlab: options.notFloodlab } : {}) }) : undefined;
  const nodeOptions: RealNodeOptions = {
    ...(options.name !== undefined ? { name: options.name } : {}),
    protocol: options.protocol,
    ...(options.host !== undefined ? { host: options.host } : {}),
    ...(options.port !== undefined ? { port: options.port } : {}),
    ...(options.key ? { key: options.key } : {}),
    ...(options.wire !== undefined ? { wire: options.wire } : {}),
    onDeliver: (msg, hops) => {
      if (hops > 0) print(showMessage(msg, book));
    },
    // Log lines quote what peers sent (names, reasons): escaped like chat.
    log,
    ...(options.redialClock ? { redialClock: options.redialClock } : {}),
  };
  const self = await RealNode.start({ ...nodeOptions, ...(member ? { watch: member } : {}) });
  const stopMembership = member ? runMembership(member, self, nodeOptions) : async () => {};
  if (options.key) book.pin(self.name, options.key.id);
  print(`listening on ${self.host}:${self.port} as ${self.name} (${self.protocol.name})`);
  print('type a line to send it; connect HOST:PORT to link to another node; /help for more');
  if (member) {
    const { overlay, want, join } = options.membership!;
    print(join ? `joining through ${join}: keeping ${want} links (${overlay})` : `an entry: others join with --join ${self.host}:${self.port}; keeping ${want} links (${overlay})`);
  }

  let exitCode: Promise<number> | undefined;
  const close = (): Promise<number> => {
    if (!exitCode) {
      exitCode = stopMembership()
        .then(() => self.close())
        .then(() => 0);
      rl?.close();
    }
    return exitCode;
  };
  let resolveClosed: (code: number) => void = () => {};
  const closed = new Promise<number>((resolve) => (resolveClosed = resolve));
  const finish = (): void => void close().then(resolveClosed);

  rl = createInterface({ input, output: terminal ? output : undefined, terminal, prompt: '> ' });
  rl.on('line', (line) => {
    const cmd = parseLine(line);
    switch (cmd.kind) {
      case 'empty':
        break;
      case 'exit':
        finish();
        return;
      case 'connect-usage':
        print(USAGE_CONNECT);
        break;
      case 'connect-error':
        print(`${cmd.reason}; ${USAGE_CONNECT}`);
        break;
      case 'connect':
        self.connect(cmd.host, cmd.port, true, cmd.wire);
        break;
      case 'peers':
        print(peersText(self.peers()));
        break;
      case 'stats':
        print(statsLine(self.stats()));
        break;
      case 'help':
        print(HELP);
        break;
      case 'chat':
        if (self.stats().peers === 0) {
          const redials = self.peers().filter((p) => p.redial).length;
          print(`* ${NO_PEERS}${redials > 0 ? ` (${redials === 1 ? 'one link is' : `${redials} links are`} being redialed: /peers)` : ''}`);
          break;
        }
        try {
          self.originate(cmd.text);
          const s = self.stats();
          if (s.connected === 0) print(`* not connected yet: the line goes out when ${s.peers === 1 ? 'the link is' : 'a link is'} up`);
        } catch (err) {
          print(`* not sent: ${err instanceof Error ? err.message : String(err)}`);
        }
        break;
    }
    if (terminal && !inputEnded) rl?.prompt();
  });
  rl.on('SIGINT', finish);
  rl.on('close', () => {
    if (inputEnded) return;
    inputEnded = true;
    if (exitCode) return;
    print(`* input closed: ${self.name} keeps running on ${self.host}:${self.port}; stop it with Ctrl-C or SIGTERM`);
  });
  if (terminal) rl.prompt();
  return { node: self, closed, close: () => (finish(), closed) };
}
