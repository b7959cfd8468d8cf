/**
 * docs/configuration.md, generated from the config schema (`npm run docs:config`): the reference
 * cannot drift from what the loader accepts (a test compares it with the committed file).
 */
import { z } from 'zod';
import { configSchema, valueKinds } from './schema.js';

interface Row {
  path: string;
  type: string;
  required: boolean;
  defaultValue: string;
  description: string;
}

/** The schema under wrappers (default, optional, effects), with what the wrappers said. */
interface Unwrapped {
  inner: z.ZodTypeAny;
  kind?: string | undefined;
  description?: string | undefined;
  defaultValue?: unknown;
  optional: boolean;
}

function unwrap(schema: z.ZodTypeAny): Unwrapped {
  let inner = schema;
  let description: string | undefined;
  let defaultValue: unknown;
  let optional = false;
  for (;;) {
    description ??= inner.description;
    if (valueKinds.has(inner)) return { inner, kind: valueKinds.get(inner)!, description, defaultValue, optional };
    if (inner instanceof z.ZodDefault) {
      defaultValue = inner._def.defaultValue();
      inner = inner._def.innerType;
    } else if (inner instanceof z.ZodOptional) {
      optional = true;
      inner = inner._def.innerType;
    } else if (inner instanceof z.ZodEffects) inner = inner._def.schema;
    else return { inner, description, defaultValue, optional };
  }
}

function typeName(schema: z.ZodTypeAny): string {
  const { inner, kind } = unwrap(schema);
  if (kind !== undefined) return kind;
  if (inner instanceof z.ZodEnum) return (inner.options as string[]).map((o) => `\`${o}\``).join(' | ');
  if (inner instanceof z.ZodUnion) return (inner.options as z.ZodTypeAny[]).map(typeName).join(' or ');
  if (inner instanceof z.ZodLiteral) return `\`${String(inner.value)}\``;
  if (inner instanceof z.ZodArray) return `list of ${typeName(inner.element)}`;
  if (inner instanceof z.ZodRecord) return 'map';
  if (inner instanceof z.ZodObject) return 'object';
  if (inner instanceof z.ZodNumber) return inner.isInt ? 'integer' : 'number';
  return inner._def.typeName.replace(/^Zod/, '').toLowerCase();
}

function formatDefault(value: unknown): string {
  if (value === undefined) return '';
  if (typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length === 0) return '';
  return `\`${typeof value === 'string' ? value || "''" : JSON.stringify(value)}\``;
}

/** Rows of every field below `schema` (an object), depth first in schema order. */
function collectRows(schema: z.ZodTypeAny, prefix: string, rows: Row[]): void {
  const { inner } = unwrap(schema);
  const target = inner instanceof z.ZodArray ? unwrap(inner.element).inner : inner instanceof z.ZodRecord ? unwrap(inner._def.valueType).inner : inner;
  const below = inner instanceof z.ZodArray ? `${prefix}[].` : inner instanceof z.ZodRecord ? `${prefix}.HOST.` : `${prefix}.`;
  if (!(target instanceof z.ZodObject)) return;
  for (const [key, field] of Object.entries(target.shape as Record<string, z.ZodTypeAny>)) {
    const info = unwrap(field);
    const path = `${prefix === '' ? '' : below}${key}`;
    rows.push({
      path,
      type: typeName(field),
      required: info.defaultValue === undefined && !info.optional,
      defaultValue: formatDefault(info.defaultValue),
      description: info.description ?? '',
    });
    collectRows(field, path, rows);
  }
}

/** The Markdown of docs/configuration.md. */
export function renderConfigReference(): string {
  const rows: Row[] = [];
  collectRows(configSchema, '', rows);
  const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  return [
    '# Configuration reference',
    '',
    '<!-- Generated from src/config/schema.ts by `npm run docs:config`; do not edit by hand. -->',
    '',
    '`caixun.config.yaml` (see `caixun.config.example.yaml`) is read by `caixun start`, `fetch`, `worker`,',
    '`sources --config` and `import-opml`. Unknown keys are errors.',
    'Durations: `500ms`, `30s`, `5m`, `6h`, `1d` (a bare number is seconds). Sizes: `512KB`, `10MB`.',
    '',
    '| Key | Type | Default | Description |',
    '| --- | --- | --- | --- |',
    ...rows.map(
      (r) => `| \`${r.path}\` | ${cell(r.type)} | ${r.required ? '**required**' : r.defaultValue} | ${cell(r.description)} |`,
    ),
    '',
  ].join('\n');
}
