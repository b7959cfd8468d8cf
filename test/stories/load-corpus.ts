/**
 * Crude local loader for the labelled story evaluation: reads corpus markdown files and returns
 * the fields the clusterer needs. Temporary: the lead will switch this to the real importer.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { corpusDir } from '../corpus.js';
import type { ClusterInput } from '../../src/stories/story-state.js';

/** Outlet slug per corpus folder prefix (crude: the importer's outlet registry replaces this). */
const OUTLET_BY_PREFIX: ReadonlyArray<readonly [string, string]> = [
  ['jekyll/', 'eastmoney'],
  ['hexo/金融/新浪财经/', 'sina-finance'],
  ['hexo/金融/财联社/', 'cls'],
];

/** Split `---` front matter (possibly after leading blank lines) from the body. */
function splitFrontMatter(source: string): { meta: Map<string, string>; body: string } {
  const meta = new Map<string, string>();
  const match = /^\s*---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(source);
  if (match === null) return { meta, body: source };
  for (const line of (match[1] ?? '').split(/\r?\n/)) {
    const kv = /^([A-Za-z_]+):\s*(.*)$/.exec(line);
    if (kv !== null) meta.set(kv[1] ?? '', (kv[2] ?? '').replace(/^(['"])(.*)\1$/, '$2'));
  }
  return { meta, body: source.slice(match[0].length) };
}

/** Jekyll dates carry no offset (Beijing time) or `+0800`; Hexo dates are RFC 1123 GMT. */
function parseDate(raw: string | undefined): string | null {
  if (raw === undefined || raw.trim() === '') return null;
  const local = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})(?: ([+-]\d{2})(\d{2}))?$/.exec(raw.trim());
  if (local !== null) {
    const offset = local[3] === undefined ? '+08:00' : `${local[3]}:${local[4] ?? '00'}`;
    return `${local[1] ?? ''}T${local[2] ?? ''}${offset}`;
  }
  const t = Date.parse(raw);
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}

/** Body → plain text: drop style/script blocks, tags, link-only and 返回 lines; decode a few entities. */
function toPlainText(body: string): string {
  const noBlocks = body
    .replace(/<(style|script)[\s\S]*?<\/\1>/gi, '')
    .replace(/<\/(p|div|h\d|li)>|<br\s*\/?>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&#(\d+);/g, (_m, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
  return noBlocks
    .split(/\r?\n/)
    .map((line) => line.replace(/^>\s?/, '').trim())
    .filter((line) => line !== '' && !/^<https?:/.test(line) && !/^\[返回/.test(line) && line !== '<>')
    .join('\n\n');
}

/** The original publisher named in the text: 来源：X, or a trailing （X） credit. */
function findProvenanceSource(text: string): string | undefined {
  const named = /来源[:：]\s*([^\s，。]+)/.exec(text);
  if (named !== null) return named[1];
  const credit = /[（(]([^（）()]{2,12})[)）]\s*$/m.exec(text);
  return credit?.[1];
}

/** Load one corpus file (path relative to the corpus root) as clusterer input; id = the path. */
export function loadCorpusArticle(relativePath: string): ClusterInput {
  const source = readFileSync(join(corpusDir, relativePath), 'utf8');
  const { meta, body } = splitFrontMatter(source);
  const text = toPlainText(body);
  const outletKey = OUTLET_BY_PREFIX.find(([prefix]) => relativePath.startsWith(prefix))?.[1] ?? 'unknown';
  const provenanceSource = findProvenanceSource(text);
  return {
    id: relativePath,
    title: meta.get('title') ?? '',
    text,
    publishedAt: parseDate(meta.get('date')),
    outletKey,
    ...(provenanceSource === undefined ? {} : { provenanceSource }),
  };
}
