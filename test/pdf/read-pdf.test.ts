/**
 * readPdf / readPdfIssue on real PDFs: a CID font that needs pdf.js's CMaps, the pdftotext
 * fallback when pdf.js cannot map a font, and clear errors for what cannot be read.
 */
import { describe, expect, it } from 'vitest';
import { htmlToText } from '../../src/sources/archive/body-html.js';
import { readPdf, readPdfIssue } from '../../src/sources/pdf/read-pdf.js';
import { InvalidDocumentError } from '../../src/util/errors.js';
import { buildCidPdf, buildMinimalPdf, type DrawnText } from './minimal-pdf.js';
import { renderNewspaperPdf } from './newspaper-pdf.js';
import { NEWSPAPER_PAGES } from './newspaper-pages.js';
import { stripToUnicode } from './strip-to-unicode.js';

/** A one-column page in a CID font without ToUnicode (codes are UCS-2 through UniGB-UCS2-H). */
const CID_PAGE: DrawnText[] = [
  { text: '2022年3月8日 星期二', x: 50, y: 770, size: 9 },
  { text: '第3版', x: 500, y: 770, size: 9 },
  { text: '稳增长政策持续发力', x: 50, y: 720, size: 20 },
  { text: '稳增长政策持续发力', x: 50.5, y: 720, size: 20 },
  { text: '本报记者 林一凡', x: 50, y: 690, size: 10 },
  { text: '今年以来，各地围绕稳增长持续发力，', x: 70, y: 670, size: 10 },
  { text: '一批重大项目加快落地，经济运行总体', x: 50, y: 654, size: 10 },
  { text: '平稳。', x: 50, y: 638, size: 10 },
  { text: '专家认为，政策仍有发力空间。', x: 70, y: 622, size: 10 },
];
const CID_TRUTH = {
  title: '稳增长政策持续发力',
  paragraphs: ['今年以来，各地围绕稳增长持续发力，一批重大项目加快落地，经济运行总体平稳。', '专家认为，政策仍有发力空间。'],
};

function paragraphs(html: string): string[] {
  return htmlToText(html.replace(/<\/p>/g, '</p>\u0000')).split('\u0000').map((p) => p.trim()).filter((p) => p !== '');
}

describe('readPdf', () => {
  it('maps a CID font through the predefined CMap with pdf.js', async () => {
    const result = await readPdf(buildCidPdf([CID_PAGE]), { origin: 'cid.pdf', pdftotext: null });
    expect(result.pages.map((p) => p.engine)).toEqual(['pdfjs']);
    expect(result.posts.map((p) => [p.title, p.author, p.date, paragraphs(p.bodyHtml)])).toEqual([
      [CID_TRUTH.title, '林一凡', '2022年3月8日', CID_TRUTH.paragraphs],
    ]);
  });

  it('falls back to pdftotext when pdf.js cannot map the font (here: read without CMaps)', async () => {
    const result = await readPdf(buildCidPdf([CID_PAGE]), { origin: 'cid.pdf', cMapUrl: null });
    expect(result.pages.map((p) => p.engine)).toEqual(['poppler']);
    expect(result.posts.map((p) => [p.title, paragraphs(p.bodyHtml)])).toEqual([[CID_TRUTH.title, CID_TRUTH.paragraphs]]);
  });

  it.each([
    [{ pdftotext: null }, /^pdf: cid\.pdf has fonts that pdf\.js cannot map to Unicode and the pdftotext fallback is disabled$/],
    [{ pdftotext: '/nonexistent/pdftotext' }, /^pdf: cid\.pdf needs pdftotext, which is not installed \(apt-get install poppler-utils poppler-data\)$/],
  ] as const)('gives a clear error when the fallback is unavailable (%j)', async (options, message) => {
    const read = readPdf(buildCidPdf([CID_PAGE]), { origin: 'cid.pdf', cMapUrl: null, ...options });
    await expect(read).rejects.toThrow(InvalidDocumentError);
    await expect(read).rejects.toThrow(message);
  });

  it('gives a clear error when neither pdf.js nor pdftotext can map the fonts (no ToUnicode, subset font)', async () => {
    const bytes = stripToUnicode(await renderNewspaperPdf([NEWSPAPER_PAGES[0]!]));
    await expect(readPdf(bytes, { origin: 'no-unicode.pdf' })).rejects.toThrow(
      /^pdf: no-unicode\.pdf has fonts that pdf\.js cannot map to Unicode and pdftotext cannot either$/,
    );
  });

  it('says a page without text (a scan) has no article text', async () => {
    await expect(readPdf(buildMinimalPdf([[]]), { origin: 'scan.pdf' })).rejects.toThrow(/^pdf: scan\.pdf has no article text$/);
  });

  it('says a password-protected PDF is encrypted and a truncated one cannot be read', async () => {
    const page = [NEWSPAPER_PAGES[0]!];
    await expect(readPdf(await renderNewspaperPdf(page, { userPassword: 'secret' }), { origin: 'locked.pdf' })).rejects.toThrow(
      /^pdf: locked\.pdf is encrypted$/,
    );
    const whole = await renderNewspaperPdf(page);
    await expect(readPdf(whole.slice(0, whole.length / 2), { origin: 'cut.pdf' })).rejects.toThrow(/^pdf: cut\.pdf cannot be read as a PDF$/);
  });
});

describe('readPdfIssue', () => {
  it('joins an article that jumps to another page PDF of the issue', async () => {
    const [p3, p4] = [NEWSPAPER_PAGES[2]!, NEWSPAPER_PAGES[3]!];
    const docs = [
      { bytes: await renderNewspaperPdf([p3]), origin: 'p3.pdf' },
      { bytes: await renderNewspaperPdf([p4]), origin: 'p4.pdf' },
    ];
    const { posts } = await readPdfIssue(docs);
    const trade = posts.find((p) => p.title === p3.articles[1]?.title);
    expect(trade && paragraphs(trade.bodyHtml)).toEqual([...(p3.articles[1]?.paragraphs ?? []), ...(p4.articles[1]?.paragraphs ?? [])]);
    expect(trade?.extra).toMatchObject({ page: 3, byline: '本报通讯员 何思琪' });
    expect(posts.map((p) => p.title)).toEqual([...p3.articles.map((a) => a.title), p4.articles[0]?.title, p4.articles[2]?.title]);
  });
});
