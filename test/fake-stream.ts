/**
 * A stream that is not a terminal and keeps what is written to it, for the progress reporters'
 * plain-line tests (the sweep's and grow's).
 */
export function fakeStream(): { stream: NodeJS.WriteStream; text: () => string } {
  let out = '';
  const stream = { isTTY: false, write: (s: string) => ((out += s), true) } as unknown as NodeJS.WriteStream;
  return { stream, text: () => out };
}
