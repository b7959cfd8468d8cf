/**
 * `caixun search <query…>`: search the archive (JSON = the SearchResponse of the API), and
 * `caixun reindex`: rebuild the search index from the stored articles.
 */
import { countUnindexed, reindexAll } from '../../search/index-articles.js';
import { searchArticles } from '../../search/search.js';
import type { SearchOptions, SearchResponse } from '../../search/types.js';
import { openStore } from '../../store/open-store.js';
import { openStoreForReading } from '../../store/open-for-reading.js';
import { UsageError } from '../../util/errors.js';
import { assertOutletInArchive } from '../check-outlet.js';
import { EXIT } from '../exit.js';
import { writeLine } from '../output.js';

/** Options of `caixun search`: the search filters, plus where and how to print. */
export interface SearchCommandOptions extends Omit<SearchOptions, 'q'> {
  db: string;
  json?: boolean;
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };

/** A snippet for a terminal: marks as 【】, entities decoded. */
export function snippetToText(snippet: string): string {
  return snippet
    .replace(/<mark>/g, '【')
    .replace(/<\/mark>/g, '】')
    .replace(/&(amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e] ?? e);
}

function formatResponse(res: SearchResponse): string[] {
  const lines = [`${res.totalExact ? '' : '~'}${res.total} results (page ${res.page})`];
  res.results.forEach((hit, i) => {
    const n = (res.page - 1) * res.pageSize + i + 1;
    const also = hit.alsoMatched.length > 0 ? ` +${hit.alsoMatched.length} more in story` : '';
    lines.push('', `${n}. ${hit.title}`, `   ${hit.outlet}  ${hit.publishedAt ?? '-'}  [${hit.articleId}]${hit.storyId ? ` story ${hit.storyId}` : ''}${also}`);
    lines.push(`   ${snippetToText(hit.snippet)}`);
  });
  return lines;
}

/** `caixun search`. */
export async function runSearchCommand(words: readonly string[], options: SearchCommandOptions): Promise<number> {
  const q = words.join(' ').trim();
  if (q === '') throw new UsageError('search: the query is empty; give words to look for (see caixun search --help)');
  const store = await openStoreForReading(options.db);
  try {
    if (options.outlet) await assertOutletInArchive(store, options.outlet, 'search');
    const { db: _db, json: _json, ...filters } = options;
    const res = await searchArticles(store, { ...filters, q });
    if (options.json) await writeLine(JSON.stringify(res));
    else for (const line of formatResponse(res)) await writeLine(line);
    const missing = await countUnindexed(store);
    if (missing > 0) process.stderr.write(`search: ${missing} articles are not indexed yet; run \`caixun reindex\`\n`);
    return EXIT.ok;
  } finally {
    await store.close();
  }
}

/** `caixun reindex`: empty the search index and index every article again. */
export async function runReindexCommand(options: { db: string; json?: boolean; progress?: boolean }): Promise<number> {
  const store = await openStore(options.db, { mustExist: true });
  try {
    const started = performance.now();
    let last = 0;
    const counts = await reindexAll(store, {
      onProgress: (done, total) => {
        if (options.progress === false || Date.now() - last < 2000) return;
        last = Date.now();
        process.stderr.write(`indexing: ${done}/${total} articles\n`);
      },
    });
    const durationMs = Math.round(performance.now() - started);
    await writeLine(
      options.json
        ? JSON.stringify({ ...counts, durationMs })
        : `indexed ${counts.indexed} articles (${counts.documents} in the index) in ${(durationMs / 1000).toFixed(1)} s`,
    );
    return EXIT.ok;
  } finally {
    await store.close();
  }
}
