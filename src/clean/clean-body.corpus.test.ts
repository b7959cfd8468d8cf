/**
 * cleanBody over every real corpus document, per outlet. Expected provenance values are
 * read from each file's own raw text, never hard-coded from it.
 */
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpusFiles } from '../../test/corpus.js';
import { getOutlet } from '../outlets/index.js';
import type { Outlet } from '../outlets/types.js';
import { cleanBody } from './clean-body.js';
import { sanitizeHtml } from './sanitize.js';
import { readArchiveBody } from './testdata/archive-body.js';

const boilerplate = ['新浪财经APP', '股民福利', '二维码', '返回首页', '责任编辑', '原标题', '<!--', 'display:none', '&#'];

function outletOf(key: string): Outlet {
  const o = getOutlet(key);
  if (o === undefined) throw new Error(`no outlet ${key}`);
  return o;
}

/** Text of the first element with `class="<cls>"` in raw HTML, tags stripped. */
function rawClassText(raw: string, cls: string): string | undefined {
  const m = new RegExp(`<p class="${cls}">([\\s\\S]*?)</p>`).exec(raw);
  return m?.[1]?.replace(/<[^>]+>/g, '');
}

function checkCommon(text: string, html: string): void {
  for (const m of boilerplate) expect(text, m).not.toContain(m);
  expect(text).not.toMatch(/[{}]/);
  expect(text).not.toMatch(/^[\u3000 ]/m);
  expect(text).not.toMatch(/\n{3,}/);
  expect(text).not.toMatch(/&(?:#\d+|#x[0-9a-f]+|[a-z]+);/i);
  expect(text.trim()).toBe(text);
  expect(html).not.toMatch(/<!--|<style|<script|display:\s*none/i);
  // Stored HTML is sanitised again when served: that must change nothing.
  expect(sanitizeHtml(html)).toBe(html);
}

const cases = (sub: string): [string, string][] => corpusFiles(sub).map((f) => [basename(f), f]);

describe('eastmoney (jekyll finews emnews)', () => {
  const outlet = outletOf('eastmoney');
  it.each(cases('jekyll'))('%s', (_name, file) => {
    const raw = readArchiveBody(file);
    const out = cleanBody(raw, { outlet });
    checkCommon(out.text, out.html);
    expect(out.text.length).toBeGreaterThan(0);
    expect(out.text).not.toContain('证券</a>');
    const media = rawClassText(raw, 'em_media');
    if (media !== undefined) {
      const expected = /文章来源[：:](.+?)[）)]/.exec(media)?.[1];
      expect(out.provenance.source).toBe(expected);
      expect(out.text).not.toContain('文章来源');
    }
    const tail = /[（(]([^（）()]*\p{Script=Han}[^（）()]*)[）)]\s*$/u.exec(raw.trim());
    if (media === undefined && tail !== null) {
      expect(out.provenance.source).toBe(tail[1]);
      expect(out.text.endsWith(`（${tail[1] ?? ''}）`)).toBe(false);
    }
    if (raw.includes('webquoteklinepic')) {
      expect(out.images.some((u) => u.includes('webquoteklinepic'))).toBe(false);
    }
  });
  it('reads 上海证券报 from an em_media line split by stock links', () => {
    const out = cleanBody(readArchiveBody('jekyll/_posts/-202205262391921712.md'), { outlet });
    expect(out.provenance.source).toBe('上海证券报');
    expect(out.images).toHaveLength(3);
    expect(out.text.split('\n\n').length).toBeGreaterThan(10);
  });
});

describe('sina-finance (hexo RSSHub)', () => {
  const outlet = outletOf('sina-finance');
  it.each(cases('hexo/金融/新浪财经'))('%s', (_name, file) => {
    const raw = readArchiveBody(file);
    const out = cleanBody(raw, { outlet });
    checkCommon(out.text, out.html);
    const editor = /责任编辑：(\S+)/.exec(rawClassText(raw, 'article-editor') ?? '')?.[1];
    expect(editor).toBeDefined();
    expect(out.provenance.editor).toBe(editor);
    const title = /<p>　　原标题：(.+?)<\/p>/.exec(raw)?.[1];
    if (title !== undefined) expect(out.provenance.originalTitle).toBe(title.trim());
    const source = /<p[^>]*>　　来源：\s*(.+?)<\/p>/.exec(raw)?.[1];
    if (source !== undefined) expect(out.provenance.source).toBe(source.trim());
    const paragraphs = (raw.match(/<p[^>]*>　　/g) ?? []).length;
    expect(out.text.split('\n\n').length).toBeGreaterThanOrEqual(paragraphs - 3);
    expect(out.images.some((u) => u.includes('343233024'))).toBe(false);
  });
});

describe('cls (hexo RSSHub)', () => {
  const outlet = outletOf('cls');
  it.each(cases('hexo/金融/财联社'))('%s', (_name, file) => {
    const raw = readArchiveBody(file);
    const out = cleanBody(raw, { outlet });
    checkCommon(out.text, out.html);
    const lead = /<strong>(财联社[^<]*)<\/strong>/.exec(raw)?.[1] ?? '';
    const reporter = /记者[，,\s]*([^）)]+)/.exec(lead)?.[1];
    const editor = /编辑\s*([^）)]+)/.exec(lead)?.[1];
    if (reporter !== undefined) expect(out.provenance.reporter).toBe(reporter.trim());
    if (editor !== undefined) expect(out.provenance.editor).toBe(editor.trim());
    expect(reporter ?? editor).toBeDefined();
    expect(out.text.startsWith(lead)).toBe(true);
    expect(out.images.every((u) => !u.includes('picsum.photos'))).toBe(true);
  });
});
