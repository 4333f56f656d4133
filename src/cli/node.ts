/**
 * `floodlab node`: one real chat node in this terminal (the original program, done right).
 * Listens on 127.0.0.1:55555 or the next free port, reads lines from stdin; keeps running
 * headless when stdin closes, and closes every link cleanly on exit, quit, SIGINT or SIGTERM.
 */
import type { Command } from 'commander';
import { InputError } from '../core/errors.ts';
import { makeMembership } from '../core/membership/index.ts';
import { parseProtocol } from '../core/protocols/index.ts';
import { OPTIONS, override } from '../options/schema.ts';
import { checkName } from '../real/codec.ts';
import { startChat } from '../real/repl.ts';
import { defaultKeyFile, generateNodeKey, loadOrCreateKey, type NodeKey } from '../real/trust/keys.ts';
import { GOB_SILENCE_MS, WIRE_NAMES, type WireName } from '../real/wire/pick.ts';
import { action } from './action.ts';
import { intIn } from '../options/parse.ts';
import { addOptions } from './options/commander.ts';

interface NodeFlags {
  wire: string;
  port: number;
  host: string;
  name?: string;
  protocol: string;
  key?: string;
  unsigned?: boolean;
  join?: string;
  want?: number;
  overlay?: string;
}

// --want and --overlay have no default here: a node keeps links by membership only when one of
// --join, --want, --overlay is given (a plain node keeps the manual `connect` behaviour).
const { default: _want, ...WANT } = OPTIONS.want;
const { default: _overlay, ...OVERLAY } = OPTIONS.overlay;

export function registerNode(program: Command): void {
  const cmd = program.command('node').description('run one real chat node: type a line to flood it, connect HOST:PORT to link to another node');
  addOptions(cmd, [
    override(OPTIONS.port, {
      default: 55555,
      parse: intIn(0, 65_535),
      help: 'first port to try (the next ones when taken); 0 lets the system choose',
      why: 'a fixed default, so that peers can find each other',
    }),
    OPTIONS.host,
    OPTIONS.name,
    OPTIONS.protocol,
    {
      long: 'wire',
      arg: 'wire',
      default: 'auto',
      help: `what this node dials with: json (floodlab's frames), gob (the original Go program's), auto (json; an accepted connection silent for ${GOB_SILENCE_MS} ms is taken for a Go node). Go links are unauthenticated: their messages are shown marked unverified; json refuses them`,
    },
    { long: 'key', arg: 'file', help: 'Ed25519 key file (created with mode 0600 when missing); default ~/.config/floodlab/keys/NAME.key with --name, else a one-time key' },
    { long: 'unsigned', help: 'no key: send unsigned messages and take unsigned links (the old, unauthenticated wire)' },
    OPTIONS.join,
    { ...WANT, help: `${WANT.help}; with --join, --want or --overlay the node keeps its links by membership (default K = ${String(_want)})` },
    { ...OVERLAY, help: `${OVERLAY.help} (default ${String(_overlay)})` },
  ])
    .addHelpText(
      'after',
      '\nIn the node: connect HOST:PORT (connect gob://HOST:PORT for a Go node), /peers, /stats, /help, exit or quit; any other line is a chat message.\n\nExample (three terminals):\n  floodlab node --name alice\n  floodlab node --name bob      then: connect 127.0.0.1:55555\n  floodlab node --name carol    then: connect 127.0.0.1:55556\n\nA network that builds itself (each keeps 3 links, replaced when lost):\n  floodlab node --name alice --want 3\n  floodlab node --name bob --join 127.0.0.1:55555 --want 3\n  floodlab node --name carol --join 127.0.0.1:55555 --want 3',
    )
    .action(
      action(async (flags: NodeFlags) => {
        const protocol = parseProtocol(flags.protocol);
        if (!(WIRE_NAMES as readonly string[]).includes(flags.wire)) throw new InputError('ERR_BAD_WIRE', `node: --wire '${flags.wire}' is not one of ${WIRE_NAMES.join(', ')}`);
        // A key file per name; a node without --name or --key is named after its port and gets a
        // one-time key (a name that changes with the port is no identity worth keeping).
        const keyFile = flags.key ?? (flags.name !== undefined ? defaultKeyFile(flags.name) : undefined);
        let key: NodeKey | undefined;
        if (!flags.unsigned) {
          if (keyFile === undefined) key = generateNodeKey();
          else {
            const loaded = loadOrCreateKey(keyFile);
            if (loaded.created) process.stderr.write(`floodlab: new node key written to ${keyFile}\n`);
            key = loaded;
          }
        }
        const membership =
          flags.join !== undefined || flags.want !== undefined || flags.overlay !== undefined
            ? { overlay: flags.overlay ?? String(_overlay), want: flags.want ?? Number(_want), ...(flags.join !== undefined ? { join: flags.join } : {}) }
            : undefined;
        if (membership) makeMembership(membership.overlay, membership.want); // a bad overlay is one line before anything listens
        let notFloodlab: string | undefined;
        let chat: Awaited<ReturnType<typeof startChat>> | undefined;
        chat = await startChat({
          ...(membership ? { membership } : {}),
          // The --join address answered but failed floodlab's wire or handshake, before any link: one line, exit 2.
          notFloodlab: (address) => {
            if (!chat || address !== flags.join || notFloodlab !== undefined || chat.node.stats().connected > 0) return;
            notFloodlab = `node: --join ${address} answered but is not a floodlab node (it did not speak floodlab's wire)`;
            void chat.close();
          },
          ...(key ? { key } : {}),
          protocol,
          host: flags.host,
          port: flags.port,
          wire: flags.wire as WireName,
          ...(flags.name !== undefined ? { name: checkName(flags.name) } : {}),
          input: process.stdin,
          output: process.stdout,
        });
        const stop = (): void => void chat.close();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
        const code = await chat.closed;
        if (notFloodlab !== undefined) {
          process.stderr.write(`floodlab: ${notFloodlab}\n`);
          process.exit(2);
        }
        process.exit(code);
      }),
    );
}
