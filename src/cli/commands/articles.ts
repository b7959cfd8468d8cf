/** `caixun articles`: the newest articles, a line each (or JSON lines). */
import { openStoreForReading } from '../../store/open-for-reading.js';
import { assertOutletInArchive } from '../check-outlet.js';
import { EXIT } from '../exit.js';
import { writeLine } from '../output.js';

export interface ArticlesCommandOptions {
  db: string;
  json?: boolean;
  limit: number;
  outlet?: string;
}

export async function runArticlesCommand(options: ArticlesCommandOptions): Promise<number> {
  const store = await openStoreForReading(options.db);
  try {
    if (options.outlet !== undefined) await assertOutletInArchive(store, options.outlet, 'articles');
    let remaining = options.limit;
    let after: string | undefined;
    while (remaining > 0) {
      const page = await store.listArticles({
        limit: Math.min(remaining, 500),
        ...(after !== undefined ? { after } : {}),
        ...(options.outlet !== undefined ? { outletKey: options.outlet } : {}),
      });
      for (const a of page.articles) {
        const row = { id: a.id, publishedAt: a.publishedAt, outlet: a.outlet, outletKey: a.outletKey, title: a.title, url: a.url };
        await writeLine(options.json ? JSON.stringify(row) : `${a.publishedAt ?? '-'.padEnd(25)}  ${a.outlet}  ${a.title}  [${a.id}]`);
      }
      remaining -= page.articles.length;
      if (page.nextCursor === null) break;
      after = page.nextCursor;
    }
    return EXIT.ok;
  } finally {
    await store.close();
  }
}
