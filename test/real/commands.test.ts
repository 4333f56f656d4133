import { describe, expect, it } from 'vitest';
import { parseAddress, parseLine } from '../../src/real/commands.ts';

describe('what a typed line means', () => {
  it('keeps the original words', () => {
    expect(parseLine('connect 127.0.0.1:55556')).toEqual({ kind: 'connect', host: '127.0.0.1', port: 55556 });
    expect(parseLine('  connect localhost:9000  ')).toEqual({ kind: 'connect', host: 'localhost', port: 9000 });
    expect(parseLine('connect [::1]:9000')).toEqual({ kind: 'connect', host: '::1', port: 9000 });
    expect(parseLine('exit')).toEqual({ kind: 'exit' });
    expect(parseLine('quit')).toEqual({ kind: 'exit' });
  });

  it('takes a bare port as 127.0.0.1', () => {
    expect(parseLine('connect 55557')).toEqual({ kind: 'connect', host: '127.0.0.1', port: 55557 });
    expect(parseLine('connect gob://127.0.0.1:55555')).toEqual({ kind: 'connect', host: '127.0.0.1', port: 55555, wire: 'gob' });
    expect(parseLine('connect json://55556')).toEqual({ kind: 'connect', host: '127.0.0.1', port: 55556, wire: 'json' });
    expect(parseLine('connect gob://127.0.0.1:99999')).toMatchObject({ kind: 'connect-error' });
    expect(parseLine('connect ftp://127.0.0.1:1')).toEqual({ kind: 'chat', text: 'connect ftp://127.0.0.1:1' });
  });

  it('sends a line that merely starts with "connect" as chat', () => {
    expect(parseLine('connect to you later')).toEqual({ kind: 'chat', text: 'connect to you later' });
    expect(parseLine('connect me')).toEqual({ kind: 'chat', text: 'connect me' });
    expect(parseLine('connected!')).toEqual({ kind: 'chat', text: 'connected!' });
    expect(parseLine('exit strategy')).toEqual({ kind: 'chat', text: 'exit strategy' });
  });

  it('refuses an address-shaped word that is not an address, naming what is wrong, rather than chatting it', () => {
    expect(parseLine('connect host:99999')).toEqual({ kind: 'connect-error', reason: 'connect: port 99999 must be from 1 to 65535 (nothing was sent)' });
    expect(parseLine('connect 0')).toEqual({ kind: 'connect-error', reason: 'connect: port 0 must be from 1 to 65535 (nothing was sent)' });
    expect(parseLine('connect bad_host!:80')).toEqual({ kind: 'connect-error', reason: "connect: 'bad_host!:80' is not a valid HOST:PORT (nothing was sent)" });
    expect(parseLine('connect [::1]:70000')).toMatchObject({ kind: 'connect-error' });
  });

  it('answers a bare connect with a usage line, and sends nothing for an empty line', () => {
    expect(parseLine('connect')).toEqual({ kind: 'connect-usage' });
    expect(parseLine('')).toEqual({ kind: 'empty' });
    expect(parseLine('   ')).toEqual({ kind: 'empty' });
  });

  it('knows /peers, /stats and /help', () => {
    expect(parseLine('/peers').kind).toBe('peers');
    expect(parseLine('/stats').kind).toBe('stats');
    expect(parseLine('/help').kind).toBe('help');
  });

  it('rejects addresses that are not', () => {
    expect(parseAddress('host:0')).toBeUndefined();
    expect(parseAddress('-bad-:80')).toBeUndefined();
    expect(parseAddress('a b:80')).toBeUndefined();
    expect(parseAddress('example.org:80')).toEqual({ host: 'example.org', port: 80 });
  });
});
