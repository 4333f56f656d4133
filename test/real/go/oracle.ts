/**
 * Test helper: runs the gob oracle (Go's own encoding/gob, test/fixtures/gob/oracle) on bytes or
 * JSON lines, so a test can check our codec against Go's rather than against itself.
 */
import { execFileSync } from 'node:child_process';
import { buildGobOracle } from './build-go.ts';

/** One message as Go's encoding/json writes the seed's Message (UniqueID exact, as digits). */
export interface OracleMessage {
  Text: string;
  UniqueID: bigint;
}

/** Gob bytes for `messages`, written by Go: a new Encoder per message ('fresh') or one for all ('one'). */
export function goEncode(messages: ReadonlyArray<{ text: string; id: bigint }>, mode: 'fresh' | 'one'): Buffer {
  const input = messages.map((m) => `{"Text":${JSON.stringify(m.text)},"UniqueID":${m.id.toString()}}\n`).join('');
  return execFileSync(buildGobOracle(), [`encode-${mode}`], { input, maxBuffer: 1 << 24 });
}

/** The messages Go's own decoder reads from `bytes` (throws with Go's reason if it cannot). */
export function goDecode(bytes: Uint8Array, mode: 'fresh' | 'one'): Array<{ text: string; id: bigint }> {
  const out = execFileSync(buildGobOracle(), [`decode-${mode}`], { input: bytes, maxBuffer: 1 << 24, stdio: ['pipe', 'pipe', 'pipe'] }).toString('utf8');
  return out
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      // The id is read from the digits, never through a JS number.
      const id = BigInt(/"UniqueID":(-?\d+)/.exec(line)![1]!);
      const text = (JSON.parse(line) as { Text: string }).Text;
      return { text, id };
    });
}
