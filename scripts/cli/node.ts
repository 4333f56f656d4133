/**
 * `floodlab node`: one real chat node in this terminal (the original program, done right).
 * Listens on 127.0.0.1:55555 or the next free port, reads lines from stdin; keeps running
 * headless when stdin closes, and closes every link cleanly on exit, quit, SIGINT or SIGTERM.
 */
import type { Command } from 'commander';
import { parseProtocol, protocolList } from '../../src/core/protocols/index.ts';
import { checkName } from '../../src/real/codec.ts';
import { startChat } from '../../src/real/repl.ts';
import { defaultKeyFile, generateNodeKey, loadOrCreateKey, type NodeKey } from '../../src/real/trust/keys.ts';
import { action } from './action.ts';
import { intOption } from './options.ts';

interface NodeFlags {
  port: number;
  host: string;
  name?: string;
  protocol: string;
  key?: string;
  unsigned?: boolean;
}

export function registerNode(program: Command): void {
  const protocols = protocolList().map((p) => p.usage).join(', ');
  program
    .command('node')
    .description('run one real chat node: type a line to flood it, connect HOST:PORT to link to another node')
    .option('--port <port>', 'first port to try (the next ones when taken); 0 lets the system choose', intOption('--port', 0, 65_535), 55555)
    .option('--host <address>', 'interface to listen on (another one than 127.0.0.1 only when you mean it)', '127.0.0.1')
    .option('--name <name>', 'your name, shown beside your messages (default node-PORT)')
    .option('-p, --protocol <name>', `forwarding rule: ${protocols}`, 'flood')
    .option('--key <file>', 'Ed25519 key file (created with mode 0600 when missing); default ~/.config/floodlab/keys/NAME.key')
    .option('--unsigned', 'no key: send unsigned messages and take unsigned links (the old, unauthenticated wire)')
    .addHelpText('after', '\nIn the node: connect HOST:PORT, /peers, /stats, /help, exit or quit; any other line is a chat message.\n\nExample (three terminals):\n  floodlab node --name alice\n  floodlab node --name bob      then: connect 127.0.0.1:55555\n  floodlab node --name carol    then: connect 127.0.0.1:55556')
    .action(
      action(async (flags: NodeFlags) => {
        const protocol = parseProtocol(flags.protocol);
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
        const chat = await startChat({
          ...(key ? { key } : {}),
          protocol,
          host: flags.host,
          port: flags.port,
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
