/**
 * segment-text: split the already-extracted text of one newspaper page (no glyph positions) into
 * its articles.
 *
 * Lines are repaired first (repair-line.ts), then classified: page header/footer, headline (short,
 * not indented, no end punctuation, or fake-bold), byline (`本报记者 X`, `□ X`), jump markers
 * (`（上接第一版）`, `（下转第2版）`), a `（来源：…）` ending, or body. An article starts at a
 * headline block (kicker, title, subtitle) or, without one, at body text after a finished article.
 * A headline block left at the end with no body (extractors often emit the page's big headline
 * last) is given to the first article that has no title.
 */
import { readHeaderLine, parsePageLabel, WEEKDAY_LINE, type PageHeader } from './page-header.js';
import { HEADLINE_RATIO } from './reading-order.js';
import { endsWithPunctuation, displayWidth } from './repair/char-class.js';
import { isIndented, joinLines, joinPair, typicalLineWidth } from './repair/join-lines.js';
import { fixPunctuationPairs } from './repair/punctuation-pairs.js';
import { repairLine, type RepairedLine } from './repair/repair-line.js';

/** One article found on a page. */
export interface SegmentedArticle {
  /** Main headline; '' when the page text gives none. */
  title: string;
  /** 引题: the line above the main headline. */
  kicker?: string;
  /** 副题: the line below the main headline, leading dashes removed. */
  subtitle?: string;
  /** Byline as printed, markers (`□`) removed, e.g. `本报记者 张三`. */
  byline?: string;
  /** Repaired body paragraphs. */
  paragraphs: string[];
  /** Page this article continues from (`（上接第一版）` → 1). */
  continuedFrom?: number;
  /** Page this article continues on (`（下转第2版）` → 2). */
  continuesTo?: number;
  /** Publisher from a `（来源：…）` ending. */
  source?: string;
}

/** A segmented page. */
export interface SegmentedPage {
  header: PageHeader;
  articles: SegmentedArticle[];
  /** Headline lines that could be given to no article. */
  stray: string[];
}

const JUMP_FROM = /^[（(]?\s*上接第\s*([0-9０-９一二三四五六七八九十]+)\s*版\s*[）)]?/u;
const JUMP_TO = /[（(]?\s*下转第\s*([0-9０-９一二三四五六七八九十]+)\s*版\s*[）)]?\s*$/u;
const SOURCE = /[（(]\s*来源\s*[：:]\s*([^（）()]+?)\s*[）)]\s*$/u;
/** The author's affiliation note that ends an opinion piece: `（作者为某大学教授）`. */
const AUTHOR_NOTE = /^[（(]\s*作者(?:为|系|是|单位)/u;
/** The dateline that opens a report: `本报讯`, `某某晚报讯`, `（记者 某某）`. */
const REPORT_OPENER = /^(?:[\p{Script=Han}·]{0,12}(?:报|社|台|网)讯|[（(]\s*(?:本报)?记者)/u;
/** A picture credit or an editor's line: `某某供图`, `某某 摄`, `制图：某某`, `责编 某某`. */
const CREDIT = /(?:供图|[\s/／]摄)$|^(?:制图|摄影|图|责编|编辑|美编)\s*[：:\s]/u;
/** A headline has at least this many Han characters, and they are most of it. */
const MIN_HEADLINE_HAN = 4;
const MIN_HEADLINE_HAN_SHARE = 0.6;
/** How many non-blank lines under a headline block are searched for a byline or report opener. */
const CUE_LOOKAHEAD = 3;
/** `本报记者`, `记者`, or the role after the outlet's name: `某某日报记者`, `某某新闻·某某报见习记者`. */
/** The role that opens a byline (本报记者, 某某报见习记者, 通讯员, 文/): one list for both readers of text. */
const ROLE = String.raw`(?:本报(?:记者|通讯员|评论员|特约记者)|[\p{Script=Han}·]{1,14}(?:报|社|台|网|新闻)(?:见习|特约)?(?:记者|通讯员)|特约记者|见习记者|记者|通讯员|文\s*[/／])`;
const BYLINE = new RegExp(String.raw`^(?:[□■▲●◆]\s*)?${ROLE}`, 'u');
/** A byline's role at the start of a line, with the spaces after it (parse-pdf-text.ts cuts it off). */
export const BYLINE_ROLE = new RegExp(String.raw`^${ROLE}\s*`, 'u');
/** What follows the role in a byline: a few names, maybe separated by `、`. */
const NAMES = /^[\p{Script=Han}A-Za-z·]{1,4}(?:[\s、]+[\p{Script=Han}A-Za-z·]{1,4}){0,11}$/u;
const BYLINE_MARKER = /^[□■▲●◆]\s*(\S.{0,24})$/u;
/** One to three personal names alone on a line: two or three Han characters each. */
const BARE_NAMES = /^[\p{Script=Han}]{2,3}(?:[ 　]+[\p{Script=Han}]{2,3}){0,2}$/u;
const SUBTITLE_DASH = /^[—－-]{1,2}\s*/u;
const HEADER_ZONE_LINES = 4;
/** The page label alone (`7`, `A07`), or run together with the section name (`7理论`, `05 综合新闻`). */
const BARE_PAGE_LABEL = /^[A-Z]?0*(\d{1,3})(?:\s*\p{Script=Han}{2,4})?$/u;
/** Share of a line printed bold for it to be a headline whatever its width. */
const MIN_HEADLINE_BOLD_SHARE = 0.8;
const MAX_BYLINE_WIDTH = 30;

type Line =
  | { kind: 'blank' }
  | { kind: 'headline'; text: string; bold: boolean; raw: string; rank: number }
  | { kind: 'byline'; text: string; raw: string; attach?: boolean }
  | { kind: 'from'; page: number | null; rest: string }
  | { kind: 'body'; raw: string; to?: number | null; source?: string; closes?: boolean; subhead?: boolean };

/** What the last non-blank line above says about the next one (`after-open-body`: it ended mid-sentence). */
type Context = 'after-open-body' | 'after-body' | 'after-headline' | 'free';

interface Draft extends SegmentedArticle {
  lines: string[];
  /** Closed by a 下转/来源 ending: more body starts a new article. */
  closed: boolean;
}

/** Options for {@link segmentPage}. */
export interface SegmentOptions {
  /**
   * Font size of each line of `text` relative to the page's body size, when the text was laid out
   * from glyph positions (layout-page.ts). Then a line at least {@link HEADLINE_SIZE} times the body
   * size is a headline line (the largest of a block is the title) and paragraphs end only at blank
   * lines and indents, which the layout set from the geometry. Default: none (plain text).
   */
  lineSizes?: readonly number[];
}

/** Relative font size from which a line is a headline line (with {@link SegmentOptions.lineSizes}). */
const HEADLINE_SIZE = HEADLINE_RATIO;

/**
 * Split one page's extracted text into articles (see module doc).
 * @example segmentPage('稳增长稳增长\n　　今年以来，经济运行总体平稳。').articles[0]?.title // '稳增长'
 */
export function segmentPage(text: string, options: SegmentOptions = {}): SegmentedPage {
  const raw = text.replace(/\r\n?/g, '\n').split('\n');
  if (options.lineSizes === undefined) rejoinSplitHeadlines(raw);
  const header: PageHeader = {};
  const repaired: RepairedLine[] = [];
  const nonBlank = raw.map((l, i) => (l.trim() === '' ? -1 : i)).filter((i) => i >= 0);
  const zone = new Set([...nonBlank.slice(0, HEADER_ZONE_LINES), ...nonBlank.slice(-2)]);
  const sizes = options.lineSizes;
  raw.forEach((line, i) => {
    const next = raw[nonBlank.find((j) => j > i) ?? -1] ?? '';
    const found = zone.has(i) ? readHeaderLine(line, next) : null;
    if (found) Object.assign(header, found);
    // A weekday alone in the header zone is the rest of the date line above; a bare number or
    // `A07` there, maybe with the section name run on (`7理论`), is the page label.
    const weekday = zone.has(i) && WEEKDAY_LINE.test(line);
    const label = zone.has(i) ? BARE_PAGE_LABEL.exec(line.trim()) : null;
    if (label && header.page === undefined) header.page = Number(label[1]);
    repaired.push(found || weekday || label ? { text: '', bold: false, boldShare: 0 } : repairLine(line, (sizes?.[i] ?? 0) >= HEADLINE_SIZE));
  });
  const typical = typicalLineWidth(repaired.filter((l) => !l.bold).map((l) => l.text));
  const classified = closeAuthorNotes(repaired.map((l, i) => classify(l, raw[i] ?? '', typical, sizes === undefined ? undefined : (sizes[i] ?? 1))));
  // With geometry, paragraph ends are already marked: no width-based guessing.
  return { header, ...buildArticles(applyContext(classified, sizes !== undefined), sizes === undefined ? typical : 0, sizes !== undefined) };
}

/** A headline's lead-in is short: `新使命：`. */
const MAX_LEAD_IN = 12;
const squashed = (line: string): string => line.replace(/\s+/gu, '');

/**
 * Headlines an extractor broke at their colon, in place (line count kept, for the header zone):
 * a line that starts with `：` joins the short line above (`新使命` + `：中国…` → `新使命：中国…`),
 * and a short line that the next line repeats at its start is a second print of it and goes
 * (`新使命：` over `新使命：中国…`).
 */
function rejoinSplitHeadlines(raw: string[]): void {
  const nonBlank = (from: number, step: 1 | -1): number => {
    let j = from + step;
    while (j >= 0 && j < raw.length && (raw[j] ?? '').trim() === '') j += step;
    return j >= 0 && j < raw.length ? j : -1;
  };
  raw.forEach((line, i) => {
    const text = squashed(line);
    if (!/^[：:]/u.test(text)) return;
    const above = nonBlank(i, -1);
    const head = above < 0 ? '' : squashed(raw[above] ?? '');
    if (head === '' || [...head].length > MAX_LEAD_IN || endsWithPunctuation(head)) return;
    raw[i] = `${(raw[above] ?? '').trim()}${line.trim()}`;
    raw[above] = '';
  });
  raw.forEach((line, i) => {
    const text = squashed(line);
    if (text === '' || [...text].length > MAX_LEAD_IN) return;
    const below = nonBlank(i, 1);
    const next = below < 0 ? '' : squashed(raw[below] ?? '');
    if (next.length > text.length && next.startsWith(text)) raw[i] = '';
  });
}

/** {@link segmentPage} without the page header: just the articles. */
export function segmentPageText(text: string): SegmentedArticle[] {
  return segmentPage(text).articles;
}

function classify(line: RepairedLine, original: string, typical: number, size: number | undefined): Line {
  const text = line.text.trim();
  if (text === '') return { kind: 'blank' };
  if (size !== undefined && size >= HEADLINE_SIZE) return { kind: 'headline', text, bold: true, raw: line.text, rank: size };
  const from = JUMP_FROM.exec(text);
  if (from) return { kind: 'from', page: parsePageLabel(from[1] ?? ''), rest: text.slice(from[0].length).trim() };
  const width = displayWidth(text);
  if (width <= MAX_BYLINE_WIDTH && !isIndented(line.text) && !endsWithPunctuation(text)) {
    // The byline keeps its printed spaces (`本报记者 张三 李四`): they separate names.
    const printed = original.trim().replace(/\s+/gu, ' ').replace(/^[□■▲●◆]\s*/u, '');
    const names = original.trim().replace(BYLINE, '').trim();
    if (BYLINE.test(text) && NAMES.test(names) && displayWidth(names.replace(/\s+/gu, '')) >= 2) return { kind: 'byline', text: printed, raw: line.text };
    const marked = BYLINE_MARKER.exec(text);
    if (marked) return { kind: 'byline', text: printed, raw: line.text };
  }
  const body: Line & { kind: 'body' } = { kind: 'body', raw: line.text };
  let rest = line.text.trimEnd();
  const to = JUMP_TO.exec(rest);
  if (to) {
    body.to = parsePageLabel(to[1] ?? '');
    rest = rest.slice(0, to.index);
  }
  const source = SOURCE.exec(rest);
  if (source) {
    body.source = source[1] ?? '';
    rest = rest.slice(0, source.index);
  }
  body.raw = rest;
  if (to || source) return body;
  const short = width < typical * 0.8;
  // A report's opening line (`本报讯 …`, `某某晚报讯 …`) is running text, however short.
  if (REPORT_OPENER.test(text)) return body;
  // No headline is one character: that is a name or a word set vertically, read a glyph a line.
  if ([...text].length === 1) return body;
  // A wholly bold line is a headline even when wide; a bold lead-in inside a paragraph is not.
  const boldHeadline = line.boldShare >= MIN_HEADLINE_BOLD_SHARE;
  if (AUTHOR_NOTE.test(text)) return { ...body, closes: true };
  if (size === undefined && !isIndented(line.text) && !endsWithPunctuation(text) && (short || boldHeadline) && !runsOn(text)) {
    return { kind: 'headline', text, bold: line.bold, raw: line.text, rank: line.bold ? 1 : 0 };
  }
  return body;
}

/**
 * An author note broken over lines (`（作者为某大学`, `教授）`) closes its article at the line
 * where its bracket closes, so the note's tail is not taken for the start of another article.
 */
function closeAuthorNotes(lines: Line[]): Line[] {
  lines.forEach((line, i) => {
    if (line.kind !== 'body' || line.closes !== true || /[）)]/u.test(line.raw)) return;
    const rest = lines.slice(i + 1, i + 1 + CUE_LOOKAHEAD);
    const end = rest.findIndex((l) => l.kind === 'body' && /[）)]\s*$/u.test(l.raw));
    if (end < 0 || rest.slice(0, end).some((l) => l.kind !== 'body' && l.kind !== 'blank')) return;
    delete line.closes;
    const tail = rest[end];
    if (tail?.kind === 'body') tail.closes = true;
  });
  return lines;
}

/**
 * Text a headline can be: enough Han characters, mostly Han (not a page number, a price, a phone
 * number or an e-mail address, which a column end also leaves short).
 */
function looksLikeHeadline(text: string): boolean {
  if (CREDIT.test(text)) return false;
  const han = (text.match(/\p{Script=Han}/gu) ?? []).length;
  const all = text.replace(/\s+/gu, '').length;
  return han >= MIN_HEADLINE_HAN && han >= all * MIN_HEADLINE_HAN_SHARE;
}

const OPENERS = /[“‘（《「『]/gu;
const CLOSERS = /[”’）》」』]/gu;

/**
 * A line that is the start of running text, not a headline: a quote or bracket left open (`“强`,
 * the extractor broke the row after it), or a sentence that ends inside it (`长征路上无坦途。同…`).
 */
function runsOn(text: string): boolean {
  const open = (text.match(OPENERS) ?? []).length > (text.match(CLOSERS) ?? []).length;
  return open || /[。！？][^。！？”’）」』]/u.test(text);
}

/**
 * Reclassify by the line above (blank lines in between reset it): a `——…` line right under a
 * headline is its subtitle even when wide; a byline or headline right under body text is body,
 * and so is a headline under a line that ends mid-sentence (unless its font size made it one:
 * `sized`).
 */
function applyContext(lines: Line[], sized: boolean): Line[] {
  let context: Context = 'free';
  return lines.map((line, i) => {
    let out = line;
    const next = lines.slice(i + 1).find((l) => l.kind !== 'blank');
    if (line.kind === 'body' && context === 'after-headline' && line.to === undefined && line.source === undefined) {
      const text = line.raw.trim();
      if (SUBTITLE_DASH.test(text) && !isIndented(line.raw) && !endsWithPunctuation(text)) {
        out = { kind: 'headline', text, bold: false, raw: line.raw, rank: 0 };
      }
    } else if (line.kind === 'body' && context === 'free' && !sized && line.to === undefined && line.source === undefined &&
      !isIndented(line.raw) && !endsWithPunctuation(line.raw.trim()) && !runsOn(line.raw.trim()) && displayWidth(line.raw.trim()) <= MAX_BYLINE_WIDTH * 2 &&
      (next?.kind === 'byline' || (next?.kind === 'headline' && BARE_NAMES.test(next.text))) && lines[i + 1]?.kind !== 'blank') {
      // A line as wide as a column, standing on its own with a byline right under it, is a headline.
      out = { kind: 'headline', text: line.raw.trim(), bold: false, raw: line.raw, rank: 0 };
    } else if (line.kind === 'byline' && (context === 'after-body' || context === 'after-open-body')) {
      out = { kind: 'body', raw: line.raw };
    } else if (line.kind === 'headline' && context === 'after-open-body' && !sized) {
      out = { kind: 'body', raw: line.raw };
    } else if (line.kind === 'headline' && !sized && /[，；]/u.test(line.text) && next?.kind !== 'headline') {
      // Headlines are set with spaces, not commas: a comma line is a kicker over its headline or
      // else the start of a paragraph whose indent the extractor dropped.
      out = { kind: 'body', raw: line.raw };
    } else if ((line.kind === 'body' || line.kind === 'headline') && context === 'after-headline' && !sized && next?.kind !== 'headline') {
      // Under a headline, a line of one to three names alone is the byline (`朱炳元`, `李正辉 石锦建`).
      const text = line.kind === 'body' ? line.raw.trim() : line.text;
      if (BARE_NAMES.test(text)) out = { kind: 'byline', text: text.replace(/\s+/gu, ' '), raw: line.raw };
    }
    context = contextAfter(out);
    return out;
  });
}

function contextAfter(line: Line): Context {
  switch (line.kind) {
    case 'blank':
      return 'free';
    case 'headline':
      return 'after-headline';
    case 'body':
      if (line.to !== undefined || line.source !== undefined || line.closes === true) return 'free';
      // A line ending in a comma or an opening quote has its sentence still open.
      return endsWithPunctuation(line.raw) && !/[，、；：“‘（《]\s*$/u.test(line.raw) ? 'after-body' : 'after-open-body';
    default:
      return 'free';
  }
}

function buildArticles(input: Line[], typical: number, sized: boolean): Omit<SegmentedPage, 'header'> {
  const lines = sized ? input : demoteUnconfirmedHeadlines(input);
  const drafts: Draft[] = [];
  let current: Draft | undefined;
  let block: HeadlineLine[] = [];
  const open = (): Draft => {
    const draft: Draft = { title: '', paragraphs: [], lines: [], closed: false };
    applyHeadlines(draft, block);
    block = [];
    drafts.push(draft);
    current = draft;
    return draft;
  };
  const target = (): Draft =>
    block.length > 0 || current === undefined || current.closed ? open() : current;
  for (const line of lines) {
    switch (line.kind) {
      case 'blank':
        if (current) current.lines.push('');
        break;
      case 'headline':
        block.push({ text: line.text, rank: line.rank });
        break;
      case 'byline': {
        if (line.attach === true && current && block.length === 0) {
          current.byline ??= line.text;
          break;
        }
        const only = current?.lines.filter((l) => l.trim() !== '') ?? [];
        const lone = only.length === 1 ? (only[0] ?? '').trim() : '';
        if (block.length === 0 && current && current.title === '' && current.byline === undefined && lone !== '' &&
          displayWidth(lone) <= MAX_BYLINE_WIDTH && !endsWithPunctuation(lone)) {
          // An untitled article whose whole text is one short unpunctuated line over a byline: that
          // line is the headline the extractor did not set apart.
          current.title = lone;
          current.lines = [];
          current.byline = line.text;
          break;
        }
        const draft = block.length > 0 || !current || current.lines.some((l) => l !== '') ? open() : current;
        draft.byline = line.text;
        break;
      }
      case 'from': {
        const fresh = block.length > 0 || !current || current.lines.some((l) => l !== '');
        const draft = fresh ? open() : current ?? open();
        if (line.page !== null) draft.continuedFrom = line.page;
        if (line.rest !== '') draft.lines.push(`　　${line.rest}`);
        break;
      }
      case 'body': {
        const draft = target();
        // A subhead inside an article stays a paragraph of its own.
        if (line.subhead === true) draft.lines.push('', line.raw, '');
        else if (line.raw.trim() !== '') draft.lines.push(line.raw);
        if (line.to !== undefined && line.to !== null) draft.continuesTo = line.to;
        if (line.source !== undefined) draft.source = line.source;
        if (line.to !== undefined || line.source !== undefined || line.closes === true) {
          draft.lines.push('');
          draft.closed = true;
        }
        break;
      }
    }
  }
  const stray: string[] = [];
  if (block.length > 0) {
    const untitled = drafts.find((d) => d.title === '' && d.continuedFrom === undefined) ?? drafts.find((d) => d.title === '');
    if (untitled) applyHeadlines(untitled, block);
    else stray.push(...block.map((b) => b.text));
  }
  return { articles: drafts.map((d) => finish(d, typical)), stray };
}

/**
 * Text without font sizes cannot tell an article's headline from a subhead inside it or from a
 * fragment of running text a column end left short. Inside an article that already has a title
 * and body, a headline block opens a new article only when something confirms it: a byline or a
 * bare name in or right under it, a report opener (`本报讯`) or `（上接…）` in the first lines
 * under it, a `——` subtitle, the article above being closed (下转, 来源, 作者为), or, when its
 * text looks like a headline (enough Han characters), a fake-bold line, an indented paragraph
 * start under it after a finished sentence, or its standing alone where it cuts a sentence in
 * two (set across the columns). Otherwise its lines stay in the article as paragraphs: merging
 * two articles harms a reader less than cutting one into pieces. A block that is only a bare
 * name (`张三`) gives the article its byline, or is dropped.
 */
function demoteUnconfirmedHeadlines(lines: readonly Line[]): Line[] {
  const out: Line[] = [];
  let titled = false; // the article being read has a title
  let bodySeen = false; // and body under it
  let closed = true;
  let bylined = false;
  let finished = false; // the last body line ended a sentence
  let open = false; // or it ended mid-sentence
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as Line;
    if (line.kind !== 'headline') {
      if (line.kind === 'body') {
        bodySeen = true;
        finished = contextAfter(line) === 'after-body';
        open = contextAfter(line) === 'after-open-body';
        closed = line.to !== undefined || line.source !== undefined || line.closes === true;
      } else if (line.kind === 'byline') {
        // A bare name under a line that was no headline after all: as a name between paragraphs.
        if (bodySeen && BARE_NAMES.test(line.text) && out.at(-1)?.kind === 'body') {
          if (!bylined) out.push({ ...line, attach: true });
          bylined = true;
          continue;
        }
        bylined = true;
      }
      else if (line.kind === 'from') closed = true;
      out.push(line);
      continue;
    }
    // The block: headline lines, blank lines between them allowed.
    let end = i;
    while (end + 1 < lines.length && (lines[end + 1]?.kind === 'headline' || (lines[end + 1]?.kind === 'blank' && lines.slice(end + 1).find((l) => l.kind !== 'blank')?.kind === 'headline'))) end++;
    const block = lines.slice(i, end + 1).filter((l): l is Line & { kind: 'headline' } => l.kind === 'headline');
    const names = block.every((b) => BARE_NAMES.test(b.text));
    if (names && (bodySeen || !titled)) {
      // A name alone between paragraphs, or above the first paragraphs with no headline: the
      // author, printed away from the headline; never a headline itself.
      if (!bylined) out.push({ kind: 'byline', text: block.map((b) => b.text).join(' '), raw: block[0]?.raw ?? '', attach: bodySeen });
      bylined = true;
      // An article that has its author has begun: a headline under its text needs a cue like any.
      titled = true;
      i = end;
      continue;
    }
    const under = lines.slice(end + 1).filter((l) => l.kind !== 'blank').slice(0, CUE_LOOKAHEAD);
    const fragment = !block.every((b) => looksLikeHeadline(b.text) || BARE_NAMES.test(b.text));
    const first = under[0];
    const indentedUnder = first?.kind === 'body' && isIndented(first.raw);
    // A headline standing alone that cuts a sentence in two is another article's, set across
    // the columns the text was read down; a subhead follows a finished paragraph.
    const alone = lines[i - 1]?.kind === 'blank' && lines[end + 1]?.kind === 'blank' && block.length === 1;
    const cutsSentence = open && alone;
    // Past the top of the page, what is clearly no headline (a credit, a table cell with fewer
    // than two Han characters) never opens an article, whatever cue stands under it.
    const pageTop = !out.some((l) => l.kind !== 'blank');
    const clearlyNot = block.some((b) => CREDIT.test(b.text) || (b.text.match(/\p{Script=Han}/gu) ?? []).length < 2);
    // Under a headline and its byline, before any text, more headline lines are the article's
    // deck or its table of sections, not another article.
    const deck = titled && !bodySeen && bylined;
    const confirmed = !deck && (pageTop || !clearlyNot) && (!titled || !bodySeen || closed || names ||
      (!fragment && (block.some((b) => b.bold) || (finished && indentedUnder) || cutsSentence)) ||
      block.some((b) => SUBTITLE_DASH.test(b.text) || BARE_NAMES.test(b.text)) ||
      under.some((l) => l.kind === 'byline' || l.kind === 'from' || (l.kind === 'body' && REPORT_OPENER.test(l.raw.trim()))));
    if (confirmed) {
      for (let j = i; j <= end; j++) out.push(lines[j] as Line);
      titled = true;
      bodySeen = false;
      bylined = false;
      closed = false;
    } else {
      for (const b of block) out.push({ kind: 'body', raw: b.text, subhead: true });
    }
    i = end;
  }
  return out;
}

/** A line of a headline block; the highest rank (bold, or largest font size) is the title. */
interface HeadlineLine {
  text: string;
  rank: number;
}

/** Kicker / title / subtitle from a headline block: the top-ranked line is the title, dashes mark a subtitle. */
function applyHeadlines(draft: Draft, block: readonly HeadlineLine[]): void {
  if (block.length === 0) return;
  const dashed = block.filter((b) => SUBTITLE_DASH.test(b.text));
  const plain = block.filter((b) => !SUBTITLE_DASH.test(b.text));
  let titleAt = 0;
  plain.forEach((b, i) => {
    if (b.rank > (plain[titleAt]?.rank ?? 0)) titleAt = i;
  });
  const title = plain[titleAt];
  // A title set in a font size (rank above 1) over several lines is one title: `重大项目` / `开工提速`.
  let titleEnd = titleAt + 1;
  while (title && title.rank > 1 && Math.abs((plain[titleEnd]?.rank ?? 0) - title.rank) < 0.02) titleEnd++;
  draft.title = plain.slice(titleAt, titleEnd).reduce((t, b) => (t === '' ? b.text : joinPair(t, b.text)), '');
  const before = plain.slice(0, titleAt).map((b) => b.text);
  // Without font sizes, a name alone under the title is its byline, not a subtitle.
  const under = plain.slice(titleEnd);
  const name = title && title.rank <= 1 && draft.byline === undefined ? under.findIndex((b) => BARE_NAMES.test(b.text)) : -1;
  if (name >= 0) draft.byline = under.splice(name, 1)[0]?.text.replace(/\s+/gu, ' ') ?? '';
  const after = [...under, ...dashed].map((b) => b.text.replace(SUBTITLE_DASH, ''));
  if (before.length > 0) draft.kicker = before.join(' ');
  if (after.length > 0) draft.subtitle = after.join(' ');
  if (title === undefined && dashed.length > 0) {
    draft.title = after.shift() ?? '';
    if (after.length > 0) draft.subtitle = after.join(' ');
    else delete draft.subtitle;
  }
}

function finish(draft: Draft, typical: number): SegmentedArticle {
  const { lines, closed: _closed, ...article } = draft;
  const paragraphs = joinLines(lines, { typicalWidth: typical });
  stripEndMarkers(article, paragraphs);
  article.paragraphs = paragraphs.map(fixPunctuationPairs);
  return article;
}

/** A jump marker or source ending that was broken over two lines is only whole after joining. */
function stripEndMarkers(article: SegmentedArticle, paragraphs: string[]): void {
  let last = paragraphs.at(-1);
  if (last === undefined) return;
  const to = JUMP_TO.exec(last);
  if (to) {
    const page = parsePageLabel(to[1] ?? '');
    if (page !== null) article.continuesTo = page;
    last = last.slice(0, to.index);
  }
  const source = SOURCE.exec(last);
  if (source) {
    article.source = source[1] ?? '';
    last = last.slice(0, source.index);
  }
  // A paragraph never ends with an opening bracket: it is what is left of a split marker.
  last = last.replace(/[（(]\s*$/u, '');
  if (last.trim() === '') paragraphs.pop();
  else paragraphs[paragraphs.length - 1] = last.trimEnd();
}
