/**
 * `floodlab node`: one real chat node in this terminal (the original program, done right).
 * Listens on 127.0.0.1:55555 or the next free port, reads lines from stdin; keeps running
 * headless when stdin closes, and closes every link cleanly on exit, quit, SIGINT or SIGTERM.
 */
import type { Command } from 'commander';
import { InputError } from '../core/errors.ts';
import { parseProtocol } from '../core/protocols/index.ts';
import { OPTIONS, override } from '../options/schema.ts';
import { checkName } from '../real/codec.ts';
import { startChat } from '../real/repl.ts';
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
}

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
      help: `what this node dials with: json (floodlab's frames), gob (the original Go program's), auto (json; an accepted connection silent for ${GOB_SILENCE_MS} ms is taken for a Go node)`,
    },
  ])
    .addHelpText(
      'after',
      '\nIn the node: connect HOST:PORT (connect gob://HOST:PORT for a Go node), /peers, /stats, /help, exit or quit; any other line is a chat message.\n\nExample (three terminals):\n  floodlab node --name alice\n  floodlab node --name bob      then: connect 127.0.0.1:55555\n  floodlab node --name carol    then: connect 127.0.0.1:55556',
    )
    .action(
      action(async (flags: NodeFlags) => {
        const protocol = parseProtocol(flags.protocol);
        if (!(WIRE_NAMES as readonly string[]).includes(flags.wire)) throw new InputError('ERR_BAD_WIRE', `node: --wire '${flags.wire}' is not one of ${WIRE_NAMES.join(', ')}`);
        const chat = await startChat({
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
        process.exit(code);
      }),
    );
}
