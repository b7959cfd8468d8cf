/**
 * `caixun prune`: retention for an archive that keeps growing. Raw inputs (kept only to clean an
 * article again) can go after a while and the clean article stays; whole articles can go after
 * longer, with everything derived from them kept consistent: their stories are dissolved and the
 * remaining members of those stories clustered again, their search documents, claims, revisions
 * and fingerprints deleted with them.
 */
import type { Article } from '../model/article.js';
import { packBody, packText, storedText, unpackBody } from '../store/packed-text.js';
import type { RevisionKey } from '../store/retention.js';
import { clusterPending } from '../stories/cluster-store.js';
import type { Store } from '../store/store.js';
import { UsageError } from '../util/errors.js';

const DAY_MS = 86_400_000;
const AGE = /^(\d+)\s*(h|d|w|y)$/;
const UNIT_MS: Readonly<Record<string, number>> = { h: 3_600_000, d: DAY_MS, w: 7 * DAY_MS, y: 365 * DAY_MS };

/**
 * Milliseconds of an age such as `90d`, `12w`, `2y` (a year is 365 days), or a {@link UsageError}
 * naming the option.
 */
export function parseAge(option: string, text: string): number {
  const m = AGE.exec(text.trim());
  const ms = m === null ? Number.NaN : Number(m[1]) * (UNIT_MS[m[2]!] ?? Number.NaN);
  if (!Number.isSafeInteger(ms) || ms <= 0) {
    throw new UsageError(
      `prune: ${option} must be an age such as 90d, 12w or 2y (a whole number and one of h, d, w, y), not ${JSON.stringify(text)}`,
    );
  }
  return ms;
}

/** Articles handled per transaction. */
const BATCH = 500;

export interface PruneProgress {
  step: 'raw' | 'articles' | 'stories';
  done: number;
  total: number;
}

export interface PruneOptions {
  dryRun?: boolean;
  onProgress?: (p: PruneProgress) => void;
}

/** What a prune did (or, with dryRun, would do). */
export interface RawPruneResult {
  /** Raw inputs last written before this time are dropped. */
  before: string;
  rawDropped: number;
  /** Earlier versions (revisions replaced before that time) whose raw input was dropped. */
  revisionRawDropped: number;
}

export interface ArticlePruneResult {
  /** Articles published (undated: fetched) before this time are deleted. */
  before: string;
  articlesDeleted: number;
  /** Stories dissolved because a member was deleted (0 in a dry run). */
  storiesDissolved: number;
  /**
   * Articles clustered again afterwards (0 in a dry run): the remaining members of those stories,
   * and later articles that clustering in publication order takes again after them.
   */
  reclustered: number;
}

/** Drop the raw input of every article last written, and every revision replaced, more than `ageMs` before `now`. */
export async function pruneRawInputs(store: Store, ageMs: number, now: Date, options: PruneOptions = {}): Promise<RawPruneResult> {
  const before = new Date(now.getTime() - ageMs).toISOString();
  const retention = store.retention();
  const total = await retention.countRawBefore(before);
  let seen = 0;
  let done = 0;
  let afterId = '';
  for (;;) {
    const page = await retention.rawBefore(before, afterId, BATCH);
    if (page.length === 0) break;
    for (const row of page) {
      // A compressed body holds the raw input beside text and HTML: packed again without it.
      const body = row.bodyBr === null ? undefined : unpackBody(row.bodyBr);
      if ((body?.raw ?? row.rawBody) === '') continue;
      done++;
      if (!options.dryRun) await retention.dropRaw(row.id, body === undefined ? null : packBody({ ...body, raw: '' }));
    }
    seen += page.length;
    afterId = page[page.length - 1]!.id;
    options.onProgress?.({ step: 'raw', done: seen, total: Math.max(total, seen) });
  }
  return { before, rawDropped: done, revisionRawDropped: await pruneRevisionRaw(store, before, options.dryRun === true) };
}

/**
 * Drop the raw input kept inside revisions replaced before `before` (each revision stores the
 * whole earlier article, compressed, so this is done here rather than in SQL); returns how many
 * had one. Revisions are few next to articles, and one already without a raw input is skipped.
 */
async function pruneRevisionRaw(store: Store, before: string, dryRun: boolean): Promise<number> {
  const retention = store.retention();
  let after: RevisionKey | null = null;
  let dropped = 0;
  for (;;) {
    const page = await retention.revisionsBefore(before, after, BATCH);
    if (page.length === 0) return dropped;
    for (const r of page) {
      const article = JSON.parse(storedText(r.articleJson, r.articleJsonBr)) as Article;
      if (article.raw.body === '') continue;
      dropped++;
      if (!dryRun) await retention.rewriteRevision(r, packText(JSON.stringify({ ...article, raw: { ...article.raw, body: '' } })));
    }
    const last = page[page.length - 1]!;
    after = { articleId: last.articleId, revision: last.revision };
  }
}

/** Delete every article published (undated: fetched) more than `ageMs` before `now`, and what derives from it. */
export async function pruneArticles(store: Store, ageMs: number, now: Date, options: PruneOptions = {}): Promise<ArticlePruneResult> {
  const beforeMs = now.getTime() - ageMs;
  const before = new Date(beforeMs).toISOString();
  // sort_ts is whole seconds: an article at second s is older when s·1000 < beforeMs.
  const beforeSeconds = Math.ceil(beforeMs / 1000);
  const retention = store.retention();
  const total = await retention.countArticlesBefore(beforeSeconds);
  if (options.dryRun) return { before, articlesDeleted: total, storiesDissolved: 0, reclustered: 0 };
  const stories = store.stories();
  const storiesBefore = await stories.countStories();
  let deleted = 0;
  let released = 0;
  let afterId = '';
  for (;;) {
    const ids = await retention.articlesBefore(beforeSeconds, afterId, BATCH);
    if (ids.length === 0) break;
    // Stories first, under the clustering lock: no story may keep a member that is gone.
    const release = await stories.lockClustering();
    try {
      released += await stories.dissolveStoriesOf(ids);
    } finally {
      await release();
    }
    await retention.deleteArticles(ids);
    deleted += ids.length;
    afterId = ids[ids.length - 1]!;
    options.onProgress?.({ step: 'articles', done: deleted, total: Math.max(total, deleted) });
  }
  const storiesDissolved = storiesBefore - (await stories.countStories());
  // The members of dissolved stories that are still here wait to be clustered again.
  const reclustered =
    released === 0
      ? 0
      : (await clusterPending(store, { onProgress: (p) => options.onProgress?.({ step: 'stories', done: p.done, total: p.total }) }))
          .clustered;
  return { before, articlesDeleted: deleted, storiesDissolved, reclustered };
}
