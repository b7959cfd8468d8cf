/**
 * jieba and its dictionaries (16 MB) load when text is first segmented, not when a store is
 * opened: the reading commands never segment. Checked in a fresh Node process, since the test
 * runner shares its module cache between test files.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const script = `
import { createRequire } from 'node:module';
import { sep } from 'node:path';
const jiebaLoaded = () => Object.keys(createRequire(import.meta.url).cache).some((path) => path.includes(sep + '@node-rs' + sep + 'jieba' + sep));
await import('./src/store/open-store.ts');
await import('./src/cli/commands/articles.ts');
await import('./src/cli/commands/stories.ts');
await import('./src/cli/commands/serve.ts');
const { indexWords } = await import('./src/search/segment.ts');
const before = jiebaLoaded();
const words = indexWords('国家知识产权局发布数据');
console.log(JSON.stringify({ before, words, after: jiebaLoaded() }));
`;

describe('jieba is loaded on demand', () => {
  it('is not loaded by the reading commands, the server or the store, and is on the first segmentation', () => {
    const root = fileURLToPath(new URL('../..', import.meta.url));
    const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' });
    const { before, words, after } = JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as { before: boolean; words: string[]; after: boolean };
    expect(before).toBe(false);
    expect(words).toContain('知识产权');
    expect(after).toBe(true);
  });
});
