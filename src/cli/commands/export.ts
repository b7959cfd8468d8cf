/** `caixun export --format jsonl`: every canonical article, one JSON object per line. */
import { openStoreForReading } from '../../store/open-for-reading.js';
import { UsageError } from '../../util/errors.js';
import { EXIT } from '../exit.js';
import { writeLine } from '../output.js';

export const EXPORT_FORMATS = ['jsonl'] as const;

export async function runExportCommand(options: { db: string; format: string }): Promise<number> {
  if (!(EXPORT_FORMATS as readonly string[]).includes(options.format)) {
    throw new UsageError(`export: unknown format ${JSON.stringify(options.format)} (known: ${EXPORT_FORMATS.join(', ')})`);
  }
  const store = await openStoreForReading(options.db);
  try {
    for await (const article of store.iterateArticles()) await writeLine(JSON.stringify(article));
    return EXIT.ok;
  } finally {
    await store.close();
  }
}
