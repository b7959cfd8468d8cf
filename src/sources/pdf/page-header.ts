/**
 * page-header: recognise the running header/footer lines of a newspaper page (date with weekday,
 * `第X版`) and read page labels written with digits or Chinese numerals.
 */
import { displayWidth } from './repair/char-class.js';

/** What a page's header/footer lines say. */
export interface PageHeader {
  /** Issue date as written, e.g. `2022年1月5日`. */
  date?: string;
  /** Page number, from `第X版`. */
  page?: number;
}

/** `2022年1月5日`, or with dots as some evening papers print it: `2021.3.23`. */
const DATE = /(\d{4})\s*(?:年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日|\.(\d{1,2})\.(\d{1,2})(?!\d))/u;
const WEEKDAY = /星\s*期\s*[一二三四五六日天]/u;
/** A line that is only a weekday (the date printed on the line above). */
export const WEEKDAY_LINE = /^\s*星\s*期\s*[一二三四五六日天]\s*$/u;
const PAGE_NO = /第\s*([0-9０-９零〇一二三四五六七八九十百]+)\s*版/u;
/** Header lines are short; a body line that mentions a date or 第X版 is long. */
const MAX_HEADER_WIDTH = 40;

const DIGITS: Readonly<Record<string, number>> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};

/**
 * A page label (`2`, `１２`, `一`, `十二`, `二十一`) as a number; null when it is not one.
 * @example parsePageLabel('十二') // 12
 */
export function parsePageLabel(label: string): number | null {
  const ascii = label.normalize('NFKC');
  if (/^\d+$/.test(ascii)) return Number(ascii);
  let total = 0;
  let digit = 0;
  for (const ch of ascii) {
    if (ch === '十' || ch === '百') {
      total += (digit === 0 ? 1 : digit) * (ch === '十' ? 10 : 100);
      digit = 0;
    } else if (DIGITS[ch] !== undefined) digit = DIGITS[ch];
    else return null;
  }
  total += digit;
  return total > 0 ? total : null;
}

/**
 * Read a line as a page header/footer line; null when it is not one. A header line is short and
 * has a date with a weekday (or a weekday alone on the `next` line), or a `第X版` page label.
 * @example readHeaderLine('2022年1月5日 星期三') // { date: '2022年1月5日' }
 */
export function readHeaderLine(line: string, next = ''): PageHeader | null {
  const text = line.trim();
  if (displayWidth(text) > MAX_HEADER_WIDTH) {
    // `pdftotext -layout` sets the header's fields apart on one wide line: read them one by one.
    const cells = text.split(/\s{3,}/u);
    if (cells.length < 2) return null;
    const found = cells.map((c) => readHeaderLine(c)).filter((h): h is PageHeader => h !== null);
    return found.length === 0 ? null : Object.assign({}, ...found) as PageHeader;
  }
  if (text === '') return null;
  const date = DATE.exec(text);
  const page = PAGE_NO.exec(text);
  const header: PageHeader = {};
  // The weekday is on this line, or alone on the next one (`2024 年 4 月 19 日` / `星期五`).
  if (date && (WEEKDAY.test(text) || WEEKDAY_LINE.test(next))) header.date = `${date[1]}年${Number(date[2] ?? date[4])}月${Number(date[3] ?? date[5])}日`;
  // `（上接第一版）` names another page, not this one.
  if (page && !/[。，；]|[上下][接转]/u.test(text)) {
    const n = parsePageLabel(page[1] ?? '');
    if (n !== null) header.page = n;
  }
  return header.date === undefined && header.page === undefined ? null : header;
}

/** Whether a text has a page-header date line with a weekday anywhere (used by detection). */
export function hasDatedHeader(text: string): boolean {
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  return lines.some((l, i) => readHeaderLine(l, lines[i + 1])?.date !== undefined);
}
