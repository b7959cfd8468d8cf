/**
 * A newspaper version of a web report folds into the web version's story (issue 6): the page is a
 * real PDF whose article is a corpus report's text (read at test time, never copied) with newspaper
 * edits — another title, a byline, an extra closing paragraph — imported through the real CLI next
 * to the two web versions of the report.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoryListEntry } from '../../src/cli/commands/stories.js';
import type { Article } from '../../src/model/article.js';
import { htmlToText } from '../../src/sources/archive/body-html.js';
import { parseArchiveDocument } from '../../src/sources/archive/parse.js';
import { corpusDir } from '../corpus.js';
import { testDbSpec } from '../support/backends.js';
import { runCli } from '../support/cli.js';
import { charAccuracy } from './char-accuracy.js';
import { renderNewspaperPdf } from './newspaper-pdf.js';
import type { NewspaperPage } from './newspaper-pages.js';

/** The two web versions of one 财联社 report in the corpus. */
const WEB_VERSIONS = [
  'hexo/金融/财联社/深度/"铁腕"控价成果显现？飞天茅台市场价一降再降 集团回应称是市场行为.md',
  'hexo/金融/财联社/深度/"铁腕"控价成果显现？飞天茅台市场价一降再降，集团回应.md',
];
const PAPER_TITLE = '飞天茅台市场价格阶梯式回落';
const EXTRA = '业内人士认为，价格回归理性有利于行业长期健康发展，消费者也将从中受益。';

let dir: string;
let entries: StoryListEntry[];
let articles: Article[];
let imported: Awaited<ReturnType<typeof runCli>>;
let printed: string[];

/** The report's paragraphs, as the web version gives them. */
function reportParagraphs(path: string): string[] {
  const post = parseArchiveDocument(readFileSync(path, 'utf8'), path);
  return htmlToText(post.bodyHtml.replace(/<\/p>/g, '</p>\u0000'))
    .split('\u0000')
    .map((p) => p.replace(/\s+/gu, ' ').trim())
    .filter((p) => p !== '');
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'caixun-pdf-story-'));
  const folder = join(dir, 'in');
  mkdirSync(folder);
  WEB_VERSIONS.forEach((p, i) => copyFileSync(join(corpusDir, p), join(folder, `web-${i}.md`)));
  printed = [...reportParagraphs(join(corpusDir, WEB_VERSIONS[0] ?? '')), EXTRA];
  const page: NewspaperPage = {
    date: '2021年11月3日',
    weekday: '星期三',
    page: 6,
    section: '产经',
    columns: 3,
    glyphMode: 'line',
    articles: [
      {
        place: { column: 0, span: 3, titleSize: 22 },
        title: PAPER_TITLE,
        byline: '本报记者 方立言',
        paragraphs: printed,
      },
    ],
  };
  writeFileSync(join(folder, 'paper-2021-11-03-06.pdf'), await renderNewspaperPdf([page]));
  const db = await testDbSpec(dir, 'story.db');
  imported = await runCli(['import', folder, '--db', db, '--json', '--no-progress']);
  articles = ((await runCli(['export', '--db', db, '--format', 'jsonl']))).stdout.trim().split('\n').map((l) => JSON.parse(l) as Article);
  entries = ((await runCli(['stories', '--db', db, '--json', '--limit', '100']))).stdout.trim().split('\n').map((l) => JSON.parse(l) as StoryListEntry);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(!existsSync(corpusDir))('a newspaper PDF version of a web report', () => {
  it('is read as one article with the paper title, byline and the extra paragraph', () => {
    expect(imported.status).toBe(0);
    const paper = articles.filter((a) => a.raw.origin.endsWith('.pdf'));
    expect(paper.map((a) => [a.title, a.provenance.author, a.format])).toEqual([[PAPER_TITLE, '方立言', 'pdf-text']]);
    expect(paper[0]?.text.endsWith(`\n\n${EXTRA}`)).toBe(true);
    // Measured 0.9970: the repairs drop the web text's spaces between CJK characters (`记者 熊嘉楠`,
    // `讯 ，`) and turn its straight quotes into paired curly ones; every other character is right.
    expect(charAccuracy(printed.join('\n\n'), paper[0]?.text ?? '')).toBeGreaterThanOrEqual(0.996);
  });

  it('folds into one story with both web versions', () => {
    expect(articles).toHaveLength(3);
    expect(entries).toHaveLength(1);
    expect([...(entries[0]?.articleIds ?? [])].sort()).toEqual(articles.map((a) => a.id).sort());
  });
});
