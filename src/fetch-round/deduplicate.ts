/**
 * Idempotent storing of live articles (de-duplication): an item seen again under its id, its URL or its
 * content never makes a second article. Same id or same URL → the stored article (updated
 * with a revision when it changed); same outlet, title and text under another id and URL
 * (a feed that re-issued its GUIDs) → `unchanged`. Fingerprints are written after the
 * articles, and re-recorded whenever an article is seen again, so a kill between the two
 * writes is repaired by the next round.
 */
import type { Article } from '../model/article.js';
import type { SourceStateRepository } from '../store/source-state.js';
import type { ArticleStore, UpsertOutcome } from '../store/store.js';
import { sha1Hex } from '../util/hash.js';

/** What de-duplication needs from the store. */
export interface DeduplicatingStore extends Pick<ArticleStore, 'upsertArticles' | 'getArticle'> {
  sourceStates(): Pick<
    SourceStateRepository,
    'findArticleIdByUrl' | 'findArticleIdByFingerprint' | 'addFingerprints'
  >;
}

/** Below this many characters of text, the URL joins the fingerprint (short flashes repeat titles). */
const MIN_FINGERPRINT_TEXT = 30;

/** The content fingerprint: outlet, title and text, white space ignored. */
export function articleFingerprint(article: Pick<Article, 'outletKey' | 'title' | 'text' | 'url'>): string {
  const text = article.text.replace(/\s+/g, '');
  const basis = [article.outletKey, article.title.replace(/\s+/g, ''), text];
  if (text.length < MIN_FINGERPRINT_TEXT) basis.push(article.url ?? '');
  return sha1Hex(basis.join('\n'));
}

/**
 * Stores `articles` (one transaction) after folding each onto the article it repeats.
 * Returns one outcome per input article, in order.
 * @example const outcomes = await storeDeduplicated(store, built);
 */
export async function storeDeduplicated(
  store: DeduplicatingStore,
  articles: readonly Article[],
): Promise<UpsertOutcome[]> {
  const index = store.sourceStates();
  const outcomes: (UpsertOutcome | undefined)[] = [];
  const batch: Article[] = [];
  const slots: number[] = [];
  const inBatch = new Map<string, number>();
  const seenPrints = new Set<string>();
  for (const original of articles) {
    let article = original;
    const print = articleFingerprint(article);
    if (!(await store.getArticle(article.id))) {
      const sameUrl = article.url ? await index.findArticleIdByUrl(article.url) : undefined;
      if (sameUrl) article = { ...article, id: sameUrl };
      else if ((await index.findArticleIdByFingerprint(print)) !== undefined) {
        outcomes.push('unchanged');
        continue;
      }
    }
    if (inBatch.has(article.id) || seenPrints.has(print)) {
      outcomes.push('unchanged');
      continue;
    }
    inBatch.set(article.id, batch.length);
    seenPrints.add(print);
    outcomes.push(undefined);
    slots.push(outcomes.length - 1);
    batch.push(article);
  }
  if (batch.length > 0) {
    const stored = await store.upsertArticles(batch);
    stored.forEach((outcome, i) => (outcomes[slots[i] ?? 0] = outcome));
    await index.addFingerprints(
      batch.map((a) => ({ fingerprint: articleFingerprint(a), articleId: a.id })),
    );
  }
  return outcomes.map((o) => o ?? 'unchanged');
}
