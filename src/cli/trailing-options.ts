/** Our own long options written after `--` (`search -- -碳 --db x.db`): still options, not words. */
import type { Command } from 'commander';
import { UsageError } from '../util/errors.js';

/**
 * Applies every `--name`/`--name=value` in `words` that names one of `cmd`'s long options to
 * `cmd`'s option values and returns the other words. Anything else (`-碳`, `--unknown`) stays a word.
 */
export function takeTrailingOptions(cmd: Command, words: readonly string[]): string[] {
  const rest: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const eq = word.indexOf('=');
    const name = eq > 0 ? word.slice(0, eq) : word;
    const option = name.startsWith('--') ? cmd.options.find((o) => o.long === name) : undefined;
    if (option === undefined) {
      rest.push(word);
      continue;
    }
    const attribute = option.attributeName();
    if (!option.required && !option.optional) {
      cmd.setOptionValueWithSource(attribute, !option.negate, 'cli');
      continue;
    }
    let value: string | undefined = eq > 0 ? word.slice(eq + 1) : words[i + 1];
    if (eq <= 0) i++;
    if (value === undefined) throw new UsageError(`option '${option.flags}' argument missing`);
    const parse = option.parseArg as ((v: string, prev: unknown) => unknown) | undefined;
    let parsed: unknown = value;
    try {
      if (parse) parsed = parse(value, cmd.getOptionValue(attribute));
    } catch (err) {
      throw new UsageError(`option '${option.flags}' argument '${value}' is invalid. ${(err as Error).message}`);
    }
    cmd.setOptionValueWithSource(attribute, parsed, 'cli');
  }
  return rest;
}
