/**
 * Story ids do not depend on arrival order (issue 13): the corpus's jekyll and hexo articles,
 * read by the real pipeline, clustered in several shuffled orders: every story is named after
 * its earliest member (publication time, undated last, then id), so a story with the same
 * members has the same id in every order. Incremental clustering is order-dependent (some
 * shuffles split or join stories differently), so ids are compared for the member sets the
 * orders share. In memory: no store (the store-level orders are in late-arrivals.test.ts).
 */
import { beforeAll, expect, it } from 'vitest';
import { processPath } from '../../src/ingest/process-document.js';
import type { Article } from '../../src/model/article.js';
import { clusterInputOf } from '../../src/stories/cluster-store.js';
import { StoryClusterer } from '../../src/stories/cluster.js';
import { earliestAppearance } from '../../src/stories/representative.js';
import { MemoryStoryRepository } from '../../src/stories/story-state.js';
import { storyIdFor } from '../../src/stories/story-id.js';
import { corpusFiles } from '../corpus.js';
import { shuffled } from '../support/shuffle.js';

let articles: Article[];
beforeAll(async () => {
  articles = [];
  for (const file of [...corpusFiles('jekyll'), ...corpusFiles('hexo')]) {
    const result = await processPath(file, '2026-12-01T00:00:00.000Z');
    if (result.ok) articles.push(...result.articles);
  }
  // One version per article id (jekyll keeps old versions of some posts beside the new).
  articles = [...new Map(articles.map((a) => [a.id, a])).values()];
});

/** Stories of clustering `order` one by one: sorted member ids → story id. */
async function storyIds(order: readonly Article[]): Promise<Map<string, string>> {
  const repository = new MemoryStoryRepository();
  const clusterer = new StoryClusterer({ repository });
  const storyOf = new Map<string, string>();
  for (const a of order) storyOf.set(a.id, (await clusterer.add(clusterInputOf(a))).storyId);
  const out = new Map<string, string>();
  for (const id of new Set(storyOf.values())) {
    const story = repository.get(id);
    if (story === undefined) continue; // merged away
    expect(story.id).toBe(storyIdFor(earliestAppearance(story.members).id));
    out.set(story.members.map((m) => m.id).sort().join(' '), story.id);
  }
  return out;
}

it('a story with the same members has the same id whatever order its articles arrived in', async () => {
  expect(articles.length).toBeGreaterThan(50);
  const reference = await storyIds(shuffled(articles, 1));
  let shared = 0;
  let multi = 0;
  const differing: string[] = [];
  for (const seed of [2, 3, 5, 8, 13, 21]) {
    for (const [members, id] of await storyIds(shuffled(articles, seed))) {
      const expected = reference.get(members);
      if (expected === undefined) continue;
      shared++;
      if (members.includes(' ')) multi++;
      if (id !== expected) differing.push(`seed ${seed}: ${members} is ${id}, was ${expected}`);
    }
  }
  expect(differing).toEqual([]);
  // The orders share most stories, many of several members (so the comparison says something).
  expect(shared).toBeGreaterThan(6 * 40);
  expect(multi).toBeGreaterThan(6 * 5);
});
