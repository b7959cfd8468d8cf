/**
 * A real e-paper page meets the web edition (issue 14 item 5): the 人民日报 2018-01-05 theory page
 * as the paper serves it, imported through the real CLI next to web copies of two of its articles
 * made at test time from pdf/groundtruth (the web edition's text: another title with a column
 * suffix, no byline, its own paragraphing). Each printed article folds into its web copy's story;
 * the third article of the page stays alone.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoryListEntry } from '../../src/cli/commands/stories.js';
import type { Article } from '../../src/model/article.js';
import { corpusDir } from '../corpus.js';
import { testDbSpec } from '../support/backends.js';
import { runCli } from '../support/cli.js';

const PAGE = join(corpusDir, 'pdf', 'rmrb_2018-01-05_p07_theory.pdf');
const WEB = ['rmrb_2018-01-05_p07_article_changzhenglu.json', 'rmrb_2018-01-05_p07_article_xinzhengcheng.json'];

interface WebText {
  title: string;
  contents: Array<{ chapter: Array<{ section: Array<{ sentences: Array<{ sentence: string }> }> }> }>;
}

/** A web copy as a Markdown post: the web title, the page's date, one paragraph per section. */
function webPost(file: string): string {
  const doc = JSON.parse(readFileSync(join(corpusDir, 'pdf', 'groundtruth', file), 'utf8')) as WebText;
  const paragraphs = doc.contents.flatMap((c) => c.chapter.flatMap((ch) => ch.section.map((s) => s.sentences.map((x) => x.sentence).join(''))));
  return `---\ntitle: "${doc.title}"\ndate: 2018-01-05 06:00:00 +0800\n---\n\n${paragraphs.join('\n\n')}\n`;
}

let dir: string;
let articles: Article[];
let entries: StoryListEntry[];

describe.skipIf(!existsSync(PAGE))('a real e-paper page next to the web copies of its articles', () => {
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'caixun-epaper-web-'));
    const folder = join(dir, 'in');
    mkdirSync(folder);
    copyFileSync(PAGE, join(folder, 'rmrb_2018-01-05_p07_theory.pdf'));
    WEB.forEach((f, i) => writeFileSync(join(folder, `web-${i}.md`), webPost(f)));
    const db = await testDbSpec(dir, 'fold.db');
    const imported = await runCli(['import', folder, '--db', db, '--json', '--no-progress']);
    expect(imported.status).toBe(0);
    articles = (await runCli(['export', '--db', db, '--format', 'jsonl'])).stdout.trim().split('\n').map((l) => JSON.parse(l) as Article);
    entries = (await runCli(['stories', '--db', db, '--json', '--limit', '100'])).stdout.trim().split('\n').map((l) => JSON.parse(l) as StoryListEntry);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('folds each printed article into the story of its web copy', () => {
    const printed = articles.filter((a) => a.raw.origin.endsWith('.pdf'));
    expect(printed.map((a) => a.title).sort()).toEqual(['把握中国现代化的历史方位', '新征程：明确新目标 谱写新篇章', '走好新时代的长征路']);
    expect(articles).toHaveLength(5);
    const storyOf = (title: string): StoryListEntry | undefined => {
      const id = printed.find((a) => a.title === title)?.id;
      return entries.find((e) => e.articleIds.includes(id ?? ''));
    };
    expect(storyOf('走好新时代的长征路')?.articleIds).toHaveLength(2);
    expect(storyOf('新征程：明确新目标 谱写新篇章')?.articleIds).toHaveLength(2);
    expect(storyOf('把握中国现代化的历史方位')?.articleIds).toHaveLength(1);
    expect(entries).toHaveLength(3);
  });
});
