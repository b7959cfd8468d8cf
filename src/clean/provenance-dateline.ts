/**
 * Datelines at the head of a news text name who first reported it: `中国网财经12月20日讯`,
 * `新华社北京12月20日电`, `财联社（成都，记者 熊嘉楠）12月8日讯`. Also `据…消息` anywhere in the
 * lead. Returns the publisher's name as written, without the city of a wire dateline.
 */

/** How far into the text a dateline may start (after a 【】 tag or a space). */
const LEAD_CHARS = 40;

const DATELINE =
  /^[\s【[]*?([\u4e00-\u9fa5A-Za-z]{2,16}?)(?:[（(][^（）()]{0,30}[）)])?\s*(?:\d{4}年)?\d{1,2}月\d{1,2}日\s*(讯|电)/u;
/** A wire dateline's name is agency + city: 新华社北京, 新华财经上海, 中新网北京. */
const AGENCY_CITY = /^(.{1,10}?(?:社|网|财经|报|台|新闻))[\u4e00-\u9fa5]{2,4}$/u;
const REPORTED_BY = /据([\u4e00-\u9fa5A-Za-z]{2,16}?)(?:\d{1,2}月\d{1,2}日)?(?:消息|报道)/u;
/** Names that mean "this outlet" rather than an upstream one. */
const SELF = new Set(['本报', '本台', '本网', '本刊']);

/**
 * The publisher a text's dateline or 据…消息 names, or undefined.
 * @example parseDateline('新华社北京12月20日电 工信部…') // '新华社'
 * @example parseDateline('中国网财经12月20日讯 …') // '中国网财经'
 */
export function parseDateline(text: string): string | undefined {
  const lead = text.slice(0, LEAD_CHARS + 40);
  const m = DATELINE.exec(lead);
  if (m !== null && (m.index ?? 0) <= LEAD_CHARS) {
    const raw = m[1] ?? '';
    const name = m[2] === '电' ? (AGENCY_CITY.exec(raw)?.[1] ?? raw) : raw;
    if (!SELF.has(name)) return name;
  }
  const by = REPORTED_BY.exec(text.slice(0, 200));
  const name = by?.[1];
  return name === undefined || SELF.has(name) ? undefined : name;
}
