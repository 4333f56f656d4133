/**
 * Commander options made from the one option schema (src/options/schema.ts): the flag text, the
 * parser (whose errors get the flag put in front) and the default all come from the schema entry.
 */
import { Option, type Command } from 'commander';
import { named } from '../../options/parse.ts';
import type { OptionSpec } from '../../options/schema.ts';

/** The commander Option for one schema entry. */
export function toOption(s: OptionSpec): Option {
  const value = s.arg === undefined ? '' : s.optionalArg ? ` [${s.arg}]` : ` <${s.arg}>`;
  const opt = new Option(`${s.short ? `-${s.short}, ` : ''}--${s.long}${value}`, s.help + (s.why ? ` (${s.why})` : ''));
  const parse = s.parse;
  if (parse) {
    const checked = named(`--${s.long}`, parse);
    opt.argParser((text: string) => checked(text));
  }
  if (s.default !== undefined) opt.default(s.default);
  return opt;
}

/** Adds each schema entry to `cmd`, in order. */
export function addOptions(cmd: Command, specs: readonly OptionSpec[]): Command {
  for (const s of specs) cmd.addOption(toOption(s));
  return cmd;
}
