/**
 * yaml-block: parse the text between front-matter fences into a plain object.
 *
 * Schema: YAML 1.2 core minus its int/float tags, so every scalar stays the text as written
 * (`date: 2021-12-08 10:18:31`, `date: +0800`, `title: 2021` are strings), while null and
 * booleans (`comments: false`) resolve as usual. Simple blocks (every line `key: scalar` or a
 * list item) take a hand-written fast path that gives the same result as the `yaml` package;
 * `yaml-block.test.ts` checks that they agree.
 */
import { parseDocument, type Tags } from 'yaml';

/** A parsed block, or why it could not be parsed. */
export type BlockResult =
  | { ok: true; data: Record<string, unknown> }
  | { ok: false; error: string };

/** Top-level `key:` at column 0 (YAML allows any plain key; we accept word-like ones). */
export const KEY_LINE = /^([\p{L}\p{N}_][\p{L}\p{N}_.-]*)[ \t]*:(?:[ \t]|$)/u;

const SIMPLE_KEY = /^([A-Za-z_][\w-]*):(?: +(.*))?$/;
const SIMPLE_ITEM = /^( *)-(?: +(.*))?$/;
const PLAIN_UNSAFE_START = /^[-?:,[\]{}#&*!|>%@`"']/;

/** Parse a front-matter block; tries the fast path first. */
export function parseBlock(block: string): BlockResult {
  const simple = parseSimpleBlock(block);
  return simple === null ? parseYamlBlock(block) : { ok: true, data: simple };
}

/**
 * The `yaml` package parses nesting by recursion, and a hostile line such as `x: "x: "x: "…`
 * (thousands of compact mappings) runs it to the stack limit. It catches the RangeError, but a
 * regular expression V8 first compiles that close to the limit aborts the whole process
 * ("RegExpCompiler Allocation failed"). Real front matter nests a few levels, so a line that
 * opens more than this many is refused before the package sees it.
 */
export const MAX_NESTING_PER_LINE = 64;

/** Mapping colons, sequence dashes, complex-key marks and flow brackets: each can open a level. */
const NESTING_MARK = /:(?=[ \t]|$)|(?:^|[ \t])[-?](?=[ \t]|$)|[[{]/g;

/** Why a block is too deeply nested for the `yaml` package, or undefined. */
export function nestingRefusal(block: string): string | undefined {
  for (const line of block.split('\n')) {
    if (line.length < MAX_NESTING_PER_LINE) continue;
    let marks = 0;
    NESTING_MARK.lastIndex = 0;
    while (NESTING_MARK.exec(line) !== null) {
      if (++marks > MAX_NESTING_PER_LINE) return `front matter nests more than ${MAX_NESTING_PER_LINE} levels on one line`;
    }
  }
  return undefined;
}

/** Parse with the `yaml` package (core schema without numbers). Never throws. */
export function parseYamlBlock(block: string): BlockResult {
  const refusal = nestingRefusal(block);
  if (refusal !== undefined) return { ok: false, error: refusal };
  try {
    const doc = parseDocument(block, {
      schema: 'core',
      customTags: dropNumberTags,
      uniqueKeys: false,
      prettyErrors: false,
    });
    const first = doc.errors[0];
    if (first !== undefined) return { ok: false, error: oneLine(first.message) };
    const value: unknown = doc.toJS({ maxAliasCount: 50 });
    if (value === null || value === undefined) return { ok: true, data: {} };
    if (typeof value !== 'object' || Array.isArray(value)) {
      return { ok: false, error: 'front matter is not a key: value mapping' };
    }
    return { ok: true, data: value as Record<string, unknown> };
  } catch (cause) {
    return { ok: false, error: oneLine(cause instanceof Error ? cause.message : String(cause)) };
  }
}

/**
 * The fast path: every line is `key: scalar`, `key:` followed by `- scalar` items, or blank.
 * Returns null as soon as anything needs the full YAML parser.
 */
export function parseSimpleBlock(block: string): Record<string, unknown> | null {
  const lines = block.split('\n');
  const data: Record<string, unknown> = {};
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line.trim() === '') {
      if (line.includes('\t')) return null;
      continue;
    }
    const m = SIMPLE_KEY.exec(line);
    if (!m) return null;
    const key = m[1] ?? '';
    if (Object.hasOwn(data, key) || key === '__proto__') return null;
    const raw = (m[2] ?? '').trimEnd();
    if (raw !== '') {
      const value = simpleScalar(raw);
      if (value === undefined) return null;
      data[key] = value;
      continue;
    }
    const items: unknown[] = [];
    let indent: string | undefined;
    while (i + 1 < lines.length) {
      const item = SIMPLE_ITEM.exec(lines[i + 1] ?? '');
      if (!item) break;
      if (indent !== undefined && item[1] !== indent) return null;
      indent = item[1] ?? '';
      const text = (item[2] ?? '').trimEnd();
      const value = text === '' ? null : simpleScalar(text);
      if (value === undefined) return null;
      items.push(value);
      i++;
    }
    data[key] = items.length > 0 ? items : null;
  }
  return data;
}

/** A one-line scalar in the fast-path subset, or undefined when the YAML parser must decide. */
function simpleScalar(v: string): string | boolean | null | undefined {
  if (v.includes('\t')) return undefined;
  const first = v[0];
  if (first === '"') {
    const inner = v.slice(1, -1);
    if (v.length < 2 || !v.endsWith('"') || inner.includes('"') || inner.includes('\\')) {
      return undefined;
    }
    return inner;
  }
  if (first === "'") {
    const inner = v.slice(1, -1);
    if (v.length < 2 || !v.endsWith("'") || inner.replaceAll("''", '').includes("'")) {
      return undefined;
    }
    return inner.replaceAll("''", "'");
  }
  if (PLAIN_UNSAFE_START.test(v) || v.includes(': ') || v.includes(' #') || v.endsWith(':')) {
    return undefined;
  }
  if (v === '~' || v === 'null' || v === 'Null' || v === 'NULL') return null;
  if (v === 'true' || v === 'True' || v === 'TRUE') return true;
  if (v === 'false' || v === 'False' || v === 'FALSE') return false;
  return v;
}

function dropNumberTags(tags: Tags): Tags {
  return tags.filter((t) => {
    const name = typeof t === 'string' ? t : t.tag;
    return !name.endsWith(':int') && !name.endsWith(':float');
  });
}

function oneLine(message: string): string {
  const line = message.split('\n')[0] ?? '';
  return line.length > 160 ? `${line.slice(0, 157)}...` : line;
}
