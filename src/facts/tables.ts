/**
 * Claims from a statistics table (NBS style) as the text pipeline writes it: one line per row,
 * cells separated by tabs, the caption on a line of its own before the rows
 * (src/clean/html-text.ts). Row labels × column headers: the column header carries the measure,
 * the unit in brackets and the period (营业收入 / 1-11月（亿元） / 同比增长（%）); the row label
 * the group (其中：采矿业). A 总计/合计 row is the caption's scope (规模以上工业企业). Pure.
 *
 * @example
 * tableClaims('表1 2021年1—11月份规模以上工业企业主要指标\n分组\t利润总额\n\t1-11月（亿元）\t同比增长（%）\n总计\t79750.1\t38', 0, '2021-12-27T09:30:00+08:00')
 * // → 规模以上工业企业利润总额 79750.1亿元 (level, 2021-01/2021-11) and 38% (growth, yoy, up)
 */
import { COUNT_UNITS, SHARE_MARKERS, UNIT_RULES } from './lexicon.js';
import { applyMultiplier } from './numbers.js';
import { findPeriods } from './periods.js';
import type { Claim, ClaimKind } from './types.js';

/** A table cell value: a signed decimal, thousands separators allowed. */
const CELL_NUMBER = /^[-−–]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^[-−–]?\d+(?:\.\d+)?$/;
/** The unit in a header's brackets: （亿元）, (%), （万元/人）. */
const BRACKET_UNIT = /[（(]([^（）()]{1,8})[)）]\s*$/;
/** Change columns: 同比增长（%）, 增速, 比上年增减, 涨跌幅. */
const CHANGE_HEADER = /同比|环比|增长|增速|增减|涨跌|比上年|比上月|比去年/;
/** Words of a column header that say how, not what (绝对量, 数值, 累计, 本月). */
const HOW_WORDS = /同比增长|环比增长|比上年增长|比上月增长|同比增减|比上年增减|增长|增速|增减|涨跌幅?|同比|环比|绝对量|绝对数|数值|总量|累计|本月|当月|比重占比?|比上年|比上月|[（(][^（）()]*[)）]/g;
/** Rows that are the caption's whole scope. */
const TOTAL_ROW = /^(?:总计|合计|全国|全部|总体|总额|全部企业)$/;
/** Caption words after the scope: 主要财务指标, 经济效益指标, 主要数据. */
const CAPTION_TAIL = /(?:的)?(?:主要)?(?:财务|经济效益|经济|统计)?(?:指标|数据|情况)(?:表)?$/;

interface Cell {
  text: string;
  /** Offset of the cell text in the table paragraph. */
  at: number;
}

/** Whether a paragraph is a table: at least two lines with a tab. */
export function isTable(paragraph: string): boolean {
  // most paragraphs have no tab at all: no split for them
  if (!paragraph.includes('\t')) return false;
  let rows = 0;
  for (const line of paragraph.split('\n')) if (line.includes('\t') && ++rows >= 2) return true;
  return false;
}

function cellsOf(line: string, lineAt: number): Cell[] {
  const out: Cell[] = [];
  let at = 0;
  for (const raw of line.split('\t')) {
    const lead = raw.length - raw.trimStart().length;
    out.push({ text: raw.trim(), at: lineAt + at + lead });
    at += raw.length + 1;
  }
  return out;
}

const isNumberCell = (c: Cell): boolean => CELL_NUMBER.test(c.text.replace(/\s/g, ''));
const clean = (t: string): string => t.replace(/^(?:其中|内)\s*[:：]\s*/, '').replace(/[\s\u3000]/g, '');

/** The header text of each of `n` value columns, from the header rows (merged cells spread over the columns they span). */
function columnHeaders(headers: Cell[][], n: number): string[] {
  const cols: string[] = Array.from({ length: n }, () => '');
  for (const row of headers) {
    let cells = row.map((c) => c.text);
    // the row label's own header (分组, 指标) sits over the label column
    if (cells.length === n + 1 || (cells.length > 1 && n % (cells.length - 1) === 0 && cells.length - 1 < n && !CELL_NUMBER.test(cells[0]!))) cells = cells.slice(1);
    if (cells.length === 0 || n % cells.length !== 0) continue;
    const span = n / cells.length;
    cells.forEach((h, k) => {
      for (let j = 0; j < span; j++) cols[k * span + j] = `${cols[k * span + j]} ${h}`.trim();
    });
  }
  return cols;
}

/** The unit and multiplier of a header's bracketed unit (亿元 → 元 × 1e8). */
function unitOf(header: string): { unit: string; multiplier: number } {
  const m = BRACKET_UNIT.exec(header);
  if (m === null) return { unit: '', multiplier: 1 };
  const text = m[1]!.trim();
  const rule = UNIT_RULES.find((r) => r.text === text);
  return rule === undefined ? { unit: text, multiplier: 1 } : { unit: rule.unit, multiplier: rule.multiplier };
}

/** The measure a column names without its unit, period and change words (营业收入 1-11月（亿元） → 营业收入). */
function measureOf(header: string, publishedAt: string | null): string {
  let t = header;
  for (const p of findPeriods(t, publishedAt).reverse()) t = t.slice(0, p.start) + t.slice(p.end);
  return t.replace(HOW_WORDS, '').replace(/份/g, '').replace(/[\s\u3000]/g, '');
}

/** The caption's scope (表1 2021年1—11月份规模以上工业企业主要财务指标 → 规模以上工业企业). */
function scopeOf(caption: string, publishedAt: string | null): string {
  let t = caption.replace(/^表\s*[0-9一二三四五六七八九十]+\s*/, '').replace(/[（(][^（）()]*[)）]/g, '');
  for (const p of findPeriods(t, publishedAt).reverse()) t = t.slice(0, p.start) + t.slice(p.end);
  return t.replace(/份/, '').replace(CAPTION_TAIL, '').replace(/[\s\u3000]/g, '');
}

/**
 * The claims of one table paragraph.
 * @param table - the paragraph (caption lines, then tab-separated rows)
 * @param offset - where the paragraph starts in the article text
 * @param publishedAt - resolves periods written without a year (1-11月)
 */
export function tableClaims(table: string, offset: number, publishedAt: string | null): Claim[] {
  const lines: { text: string; at: number }[] = [];
  let at = 0;
  for (const line of table.split('\n')) {
    lines.push({ text: line, at });
    at += line.length + 1;
  }
  const caption = lines.filter((l) => !l.text.includes('\t')).map((l) => l.text.trim()).join(' ');
  const rows = lines.filter((l) => l.text.includes('\t')).map((l) => ({ line: l, cells: cellsOf(l.text, l.at) }));
  const isData = (cells: Cell[]): boolean => cells.length >= 2 && cells.slice(1).filter(isNumberCell).length * 2 >= cells.length - 1 && !isNumberCell(cells[0]!);
  const first = rows.findIndex((r) => isData(r.cells));
  if (first === -1) return [];
  const data = rows.slice(first).filter((r) => isData(r.cells));
  const n = Math.max(...data.map((r) => r.cells.length - 1));
  const headers = columnHeaders(rows.slice(0, first).map((r) => r.cells), n);
  const captionPeriod = findPeriods(caption, publishedAt).find((p) => p.period !== null)?.period ?? null;
  const scope = scopeOf(caption, publishedAt);
  // what each column says, worked out once (not per cell)
  const columns = headers.map((header) => ({
    header,
    unit: unitOf(header),
    change: CHANGE_HEADER.test(header),
    measure: measureOf(header, publishedAt),
    period: findPeriods(header, publishedAt).find((p) => p.period !== null)?.period ?? captionPeriod,
  }));
  const out: Claim[] = [];
  for (const { line, cells } of data) {
    const rowLabel = clean(cells[0]!.text);
    const rowUnit = unitOf(cells[0]!.text);
    const rowName = rowLabel.replace(BRACKET_UNIT, '');
    cells.slice(1).forEach((cell, k) => {
      if (!isNumberCell(cell)) return;
      const column = columns[k];
      if (column === undefined) return;
      const { header, change, measure, period } = column;
      const { unit, multiplier } = column.unit.unit !== '' ? column.unit : rowUnit;
      const raw = cell.text.replace(/[\s,]/g, '').replace(/^[−–]/, '-');
      const signed = Number(raw);
      const who = TOTAL_ROW.test(rowName) && scope !== '' ? scope : rowName;
      const subject = measure !== '' && !who.endsWith(measure) ? who + measure : who;
      const share = (unit === '%' || unit === '‰') && SHARE_MARKERS.some((w) => subject.includes(w));
      const kind: ClaimKind = change ? 'growth' : share ? 'share' : COUNT_UNITS.has(unit) ? 'count' : 'level';
      out.push({
        value: applyMultiplier(signed, multiplier),
        high: null,
        shape: 'single',
        unit: change && unit === '' ? '%' : unit,
        subject,
        kind,
        direction: change ? (signed > 0 ? 'up' : signed < 0 ? 'down' : 'flat') : null,
        baseline: change ? (/环比|比上月/.test(header) ? 'mom' : 'yoy') : null,
        qualifier: null,
        period,
        deadline: null,
        text: cell.text,
        sentence: line.text,
        start: offset + cell.at,
        end: offset + cell.at + cell.text.length,
        sentenceStart: offset + line.at,
      });
    });
  }
  return out;
}
