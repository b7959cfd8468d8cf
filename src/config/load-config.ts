/** Reads and validates `caixun.config.yaml`; every problem names the key path that is wrong. */
import { readFileSync } from 'node:fs';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import type { ZodIssue } from 'zod';
import { UsageError } from '../util/errors.js';
import { configSchema, type CaixunConfig } from './schema.js';

/** The configuration cannot be read or is invalid. Messages start with `config:`; exit code 2. */
export class ConfigError extends UsageError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(`config: ${message}`, options);
    this.name = 'ConfigError';
  }
}

/** `sources[2].every` from zod's `['sources', 2, 'every']`. */
export function formatKeyPath(path: readonly (string | number)[]): string {
  return path.reduce<string>(
    (out, part) => (typeof part === 'number' ? `${out}[${part}]` : out ? `${out}.${part}` : part),
    '',
  );
}

function describeIssue(issue: ZodIssue): string {
  const where = formatKeyPath(issue.path) || '(top level)';
  if (issue.code === 'unrecognized_keys') return `${where}: unknown key ${issue.keys.join(', ')}`;
  if (issue.code === 'invalid_type' && issue.received === 'undefined') return `${where}: required`;
  return `${where}: ${issue.message}`;
}

/**
 * Validates a parsed configuration object.
 * @throws ConfigError listing every problem, one per line, each starting with its key path
 */
export function validateConfig(value: unknown, origin = 'config'): CaixunConfig {
  const result = configSchema.safeParse(value ?? {});
  if (result.success) return result.data;
  const lines = result.error.issues.map(describeIssue);
  throw new ConfigError(`${origin} is invalid:\n  ${lines.join('\n  ')}`);
}

/** Parses YAML text and validates it. */
export function parseConfig(text: string, origin = 'config'): CaixunConfig {
  let value: unknown;
  try {
    value = parseYaml(text);
  } catch (err) {
    const where =
      err instanceof YAMLParseError && err.linePos ? ` at line ${err.linePos[0].line}` : '';
    throw new ConfigError(
      `${origin} is not valid YAML${where}: ${(err as Error).message.split('\n', 1)[0]}`,
      { cause: err },
    );
  }
  return validateConfig(value, origin);
}

/**
 * Loads a configuration file.
 * @example const config = loadConfig('caixun.config.yaml');
 */
export function loadConfig(path: string): CaixunConfig {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new ConfigError(
      `cannot read ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`,
      { cause: err },
    );
  }
  return parseConfig(text, path);
}
