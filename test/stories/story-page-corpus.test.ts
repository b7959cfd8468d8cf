/**
 * The story page's truth on the real corpus: every story's attribution chain names each outlet
 * once, by display name; 一致 rows of the facts panel state one value.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { derivePending } from '../../src/derive/derive-pending.js';
import { storyFacts } from '../../src/facts/query.js';
import type { Article } from '../../src/model/article.js';
import { outlets } from '../../src/outlets/index.js';
import { buildStoryDetail, type StoryDetail } from '../../src/stories/story-view.js';
import { toPanelFacts } from '../../src/web/pages/facts-panel-rows.js';
import type { StoryFact } from '../../src/facts/story-merge.js';
import { importCorpus, type ImportedCorpus } from './load-corpus.js';

let corpus: ImportedCorpus;
const details: StoryDetail[] = [];
const panels: StoryFact[][] = [];
beforeAll(async () => {
  corpus = await importCorpus([]);
  await derivePending(corpus.store);
  const byId = new Map<string, Article>(corpus.articles.map((a) => [a.id, a]));
  for (const story of await corpus.store.stories().listStories(1000)) {
    details.push(buildStoryDetail(story, byId));
    const merged = await storyFacts(corpus.store, story.id);
    panels.push(toPanelFacts(merged.facts, merged.versionIds));
  }
});
afterAll(async () => corpus?.close());

describe('story page on the corpus', () => {
  it('lists every outlet once in the chain, by display name, and every version outlet is in it', () => {
    const keys = new Set(outlets.map((o) => o.key));
    expect(details.length).toBeGreaterThan(50);
    for (const d of details) {
      const names = d.chain.map((l) => l.name);
      expect(new Set(names).size).toBe(names.length);
      expect(names.filter((n) => keys.has(n) && !outlets.some((o) => o.name === n))).toEqual([]);
      for (const v of d.versions) expect(names).toContain(outlets.find((o) => o.key === v.outletKey)?.name ?? v.outlet);
      expect(d.attribution).toEqual(names);
    }
  });
  it('says 一致 only where every version states the same single value', () => {
    const rows = panels.flat();
    expect(rows.some((f) => f.status === 'agreement')).toBe(true);
    for (const [k, facts] of panels.entries()) {
      const versions = details[k]?.versions.map((v) => v.articleId) ?? [];
      for (const f of facts.filter((x) => x.status === 'agreement')) {
        expect(f.values).toHaveLength(1);
        expect([...f.articleIds].sort()).toEqual([...versions].sort());
      }
    }
  });
});
