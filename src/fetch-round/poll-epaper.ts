/**
 * The `epaper` kind: each day's PDF pages from a URL template (`{yyyy}{mm}{dd}`, `{yy}`, `{m}`,
 * `{d}`, `{page}` = 1, 2 …, `{pp}` = 01, 02 …), read by the PDF import path that turns a page
 * into several articles. A PDF already read is not fetched again (its URL is recorded among the
 * de-duplication fingerprints); a 404 ends that day's pages (fewer pages, or not published yet).
 */
import type { SourceConfig } from '../config/schema.js';
import { processPdf } from '../ingest/process-document.js';
import type { Article } from '../model/article.js';
import { FetchError } from '../sources/fetch/fetch-error.js';
import type { UpsertOutcome } from '../store/store.js';
import { storeDeduplicated } from './deduplicate.js';
import { get, type PollContext, type PollOutcome } from './poll-context.js';
import { SHANGHAI_ZONE } from '../util/shanghai-time.js';

/** Calendar day in `zone` of `at`, `days` back. */
function dayParts(at: Date, zone: string): { yyyy: string; mm: string; dd: string } {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' })
    .formatToParts(at)
    .reduce<Record<string, string>>((out, p) => ({ ...out, [p.type]: p.value }), {});
  return { yyyy: parts['year'] ?? '', mm: parts['month'] ?? '', dd: parts['day'] ?? '' };
}

/**
 * Fills the placeholders of an epaper URL template.
 * @example expandEpaperUrl('https://x/{yyyy}{mm}{dd}/{pp}.pdf', new Date('2022-03-08T02:00:00Z'), 1, 'Asia/Shanghai') // https://x/20220308/01.pdf
 */
export function expandEpaperUrl(template: string, at: Date, page: number, zone: string): string {
  const { yyyy, mm, dd } = dayParts(at, zone);
  const values: Record<string, string> = {
    yyyy,
    yy: yyyy.slice(2),
    mm,
    dd,
    m: String(Number(mm)),
    d: String(Number(dd)),
    page: String(page),
    pp: String(page).padStart(2, '0'),
  };
  return template.replace(/\{(yyyy|yy|mm|dd|m|d|page|pp)\}/g, (_, k: string) => values[k] ?? '');
}

/** The PDF URLs of the configured days, oldest day first, page order within a day. */
export function epaperDays(source: SourceConfig, now: Date): string[][] {
  const options = source.epaper ?? { pages: 8, days: 1, timeZone: SHANGHAI_ZONE };
  const hasPage = /\{(?:page|pp)\}/.test(source.url);
  const days: string[][] = [];
  for (let back = options.days - 1; back >= 0; back--) {
    const at = new Date(now.getTime() - back * 86_400_000);
    const pages = hasPage ? options.pages : 1;
    days.push(Array.from({ length: pages }, (_, i) => expandEpaperUrl(source.url, at, i + 1, options.timeZone)));
  }
  return days;
}

/** Polls an `epaper` source. */
export async function pollEpaper(source: SourceConfig, ctx: PollContext): Promise<PollOutcome> {
  const index = ctx.store.sourceStates();
  const articles: Article[] = [];
  const done: { fingerprint: string; articleId: string }[] = [];
  let items = 0;
  let known = 0;
  let failures = 0;
  let error: string | undefined;
  let firstError: unknown;
  for (const day of epaperDays(source, new Date(ctx.fetchedAt))) {
    for (const url of day) {
      const key = `pdf-url:${url}`;
      if (await index.findArticleIdByFingerprint(key)) {
        known++;
        continue;
      }
      let bytes: Buffer;
      try {
        bytes = (await get(ctx, url, false, 'application/pdf')).body;
      } catch (err) {
        // Past the day's last page, or the day is not out yet.
        if (err instanceof FetchError && err.status === 404) break;
        failures++;
        firstError ??= err;
        error ??= `${url}: ${(err as Error).message}`;
        continue;
      }
      items++;
      const result = await processPdf(bytes, url, ctx.fetchedAt);
      if (!result.ok) {
        failures++;
        error ??= result.reason;
        continue;
      }
      articles.push(...result.articles);
      done.push({ fingerprint: key, articleId: result.articles[0]?.id ?? '(no articles)' });
    }
  }
  // Nothing could be fetched at all: the source failed, with the first error's kind.
  if (items === 0 && known === 0 && firstError !== undefined) throw firstError;
  const stored = articles.length > 0 ? await storeDeduplicated(ctx.store, articles) : [];
  // Recorded only after the articles are stored: a kill in between refetches the PDF.
  if (done.length > 0) await index.addFingerprints(done);
  return {
    notModified: false,
    items,
    outcomes: [...stored, ...Array<UpsertOutcome>(known).fill('unchanged')],
    itemFailures: failures,
    ...(error === undefined ? {} : { itemError: error }),
    etag: undefined,
    lastModified: undefined,
  };
}
