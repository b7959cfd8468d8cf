/**
 * jieba and its dictionaries (16 MB) load when text is first segmented, not when a store is
 * opened: the reading commands never segment.
 */
import { createRequire } from 'node:module';
import { sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const jiebaLoaded = (): boolean =>
  Object.keys(createRequire(import.meta.url).cache).some((path) => path.includes(`${sep}@node-rs${sep}jieba${sep}`));

describe('jieba is loaded on demand', () => {
  it('is not loaded by the reading commands, the server or the store, and is on the first segmentation', async () => {
    await import('../store/open-store.js');
    await import('../cli/commands/articles.js');
    await import('../cli/commands/stories.js');
    await import('../cli/commands/serve.js');
    const { indexWords } = await import('./segment.js');
    expect(jiebaLoaded()).toBe(false);
    expect(indexWords('国家知识产权局发布数据')).toContain('知识产权');
    expect(jiebaLoaded()).toBe(true);
  });
});
