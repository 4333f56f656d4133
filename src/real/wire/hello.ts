/**
 * The hello frame of floodlab's JSON wire: the first frame each side sends on a link,
 * `{"hello":1,"n":NAME,"p":PORT}` (wire version, node name, listening port). It tells the other
 * side who is on the link and where that node listens, so a second link to the same node can be
 * refused and an inbound peer shown by name. Checked field by field like every body.
 */
import { CodecError, nameProblem } from '../codec.ts';
import { encodeTextFrame } from '../frame.ts';
import type { Hello } from './codec.ts';

/** The wire version this node speaks. */
export const WIRE_VERSION = 1;

/** The bytes every hello body starts with: how a decoder tells it from a message. */
export const HELLO_PREFIX = '{"hello":';

/** One frame carrying `hello`. */
export function encodeHelloFrame(hello: Hello): Buffer {
  return encodeTextFrame(`{"hello":${hello.version},"n":${JSON.stringify(hello.name)},"p":${hello.port}}`);
}

function fail(message: string): never {
  throw new CodecError(`hello: ${message}`);
}

/** Parses a hello body; throws CodecError (ERR_BAD_BODY) naming the bad field. */
export function decodeHello(body: Buffer): Hello {
  let value: unknown;
  try {
    value = JSON.parse(body.toString('utf8'));
  } catch {
    fail(`not JSON (${body.length} bytes)`);
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  if (keys.length !== 3 || keys[0] !== 'hello' || keys[1] !== 'n' || keys[2] !== 'p') fail('a hello body has exactly the fields hello, n, p');
  const { hello, n, p } = record;
  if (hello !== WIRE_VERSION) fail(`wire version ${JSON.stringify(hello)?.slice(0, 20)} is not supported; this node speaks version ${WIRE_VERSION}`);
  if (typeof n !== 'string' || nameProblem(n) !== undefined) fail(`field 'n' (name) ${typeof n === 'string' ? nameProblem(n) : 'must be a string'}`);
  if (typeof p !== 'number' || !Number.isInteger(p) || p < 0 || p > 65_535) fail("field 'p' (listening port) must be an integer from 0 to 65535");
  return { version: hello, name: n, port: p };
}
