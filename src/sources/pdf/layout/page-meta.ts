/**
 * page-meta: what a newspaper page says about itself — the header line (`2018年1月5日 星期五`,
 * `第7版 理论`, `A05 综合新闻`), the PDF's Title code (`LLRMRB07B20180105D`: paper, page, date),
 * and the paper's name in the masthead or in bylines (`辽沈晚报记者`), matched against the
 * printed papers of src/outlets.
 */
import { outlets, type Outlet } from '../../../outlets/index.js';

/** A page's metadata; each field is missing when the page does not say it. */
export interface PageMeta {
  /** ISO date `2018-01-05`. */
  date?: string;
  /** Page label as printed: `7`, `A05`. */
  page?: string;
  section?: string;
  outlet?: Outlet;
}

const DATE = /(20\d{2})\s*[年.\-/]\s*(\d{1,2})\s*[月.\-/]\s*(\d{1,2})\s*日?/u;
const TITLE_CODE = /^(?:[A-Z]{0,2}?([A-Z]{2,6}))?([A-Z]?\d{2})[A-Za-z]?(20\d{2})(\d{2})(\d{2})[A-Z]?$/u;
const PAGE_LABEL = /^(?:第\s*)?([A-Z]?\d{1,3})\s*版?\s*[|｜]?\s*([\u4e00-\u9fff]{2,6})?/u;
const SECTION = /^[\u4e00-\u9fff]{2,6}$/u;
const NOT_SECTION = /星期|编辑|责编|美编|版式|检校|微信|电话|邮箱|日报|晚报|商报|法治报|证券报|时报/u;

const pad = (n: string | number): string => String(n).padStart(2, '0');

/**
 * Metadata from the header-zone texts of a page (top to bottom, left to right), the PDF Title
 * and the whole page text (for the paper named in bylines).
 * @example readPageMeta(['2018年1月5日星期五', '7理论'], 'LLRMRB07B20180105D', '').section // '理论'
 */
export function readPageMeta(header: readonly string[], pdfTitle: string, pageText: string): PageMeta {
  const meta: PageMeta = {};
  const code = TITLE_CODE.exec(pdfTitle.trim());
  for (const text of header) {
    const date = DATE.exec(text);
    if (date && meta.date === undefined) meta.date = `${date[1]}-${pad(date[2] ?? '')}-${pad(date[3] ?? '')}`;
    const rest = text.replace(DATE, '').replace(/星期[一二三四五六日天]/u, '').replace(/微信[:：].*$/u, '').trim();
    const label = PAGE_LABEL.exec(rest);
    if (label?.[1] !== undefined && meta.page === undefined && rest.length <= 30) meta.page = label[1].replace(/^0+(?=\d)/u, '');
    const section = label?.[2] ?? (SECTION.test(rest) ? rest : undefined);
    if (section !== undefined && meta.section === undefined && !NOT_SECTION.test(section)) meta.section = section;
  }
  if (code) {
    meta.date ??= `${code[3]}-${code[4]}-${code[5]}`;
    meta.page ??= (code[2] ?? '').replace(/^0+(?=\d)/u, '');
  }
  const outlet = findPaper(code?.[1], header, pageText);
  if (outlet) meta.outlet = outlet;
  return meta;
}

const papers = (): Outlet[] => outlets.filter((o) => o.print !== undefined);

function findPaper(code: string | undefined, header: readonly string[], pageText: string): Outlet | undefined {
  const all = papers();
  if (code !== undefined) {
    const byCode = all.find((o) => o.print?.titleCodes.some((c) => code.endsWith(c)));
    if (byCode) return byCode;
  }
  const names = (o: Outlet): string[] => [o.name, ...o.aliases];
  const inHeader = all.find((o) => names(o).some((n) => header.some((h) => h.includes(n))));
  if (inHeader) return inHeader;
  // A paper names itself in its bylines: `辽沈晚报记者`, `福州晚报讯`, `新甘肃·甘肃法治报记者`.
  let best: Outlet | undefined;
  let bestCount = 0;
  for (const o of all) {
    const count = names(o).reduce((n, name) => n + (pageText.match(new RegExp(`${name}(?:记者|讯|通讯员|评论员)`, 'gu'))?.length ?? 0), 0);
    if (count > bestCount) [best, bestCount] = [o, count];
  }
  return best;
}
