/**
 * Shapes that real feed readers accept and feedsmith does not, rewritten before the parse:
 * RSS items directly under `<rss>` (no `<channel>`), and item bodies given only as
 * `<xhtml:body>` (feedsmith drops them), which become `<content:encoded>`. Pure, on the text.
 */

const RSS_OPEN = /<rss\b[^>]*>/i;
const XHTML_BODY = /<xhtml:body\b[^>]*>([\s\S]*?)<\/xhtml:body>/gi;

/** Wraps CDATA safely: a `]]>` inside the text is split across two sections. */
function cdata(text: string): string {
  return `<![CDATA[${text.replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;
}

/** Adds the `<channel>` an RSS document left out. */
function addChannel(xml: string): string {
  if (/<channel\b/i.test(xml)) return xml;
  const open = RSS_OPEN.exec(xml);
  const close = xml.lastIndexOf('</rss>');
  if (open === null || close < open.index) return xml;
  const start = open.index + open[0].length;
  return `${xml.slice(0, start)}<channel>${xml.slice(start, close)}</channel>${xml.slice(close)}`;
}

/** `<xhtml:body>` → `<content:encoded>`, its elements' `xhtml:` prefixes dropped. */
function liftXhtmlBodies(xml: string): string {
  if (!/<xhtml:body\b/i.test(xml)) return xml;
  return xml.replace(XHTML_BODY, (_whole, inner: string) =>
    `<content:encoded>${cdata(inner.replace(/<(\/?)xhtml:/gi, '<$1'))}</content:encoded>`,
  );
}

/**
 * Returns the feed text with the shapes above rewritten; anything else unchanged.
 * @example repairFeedXml('<rss><item><title>a</title></item></rss>') // '<rss><channel><item>…</channel></rss>'
 */
export function repairFeedXml(xml: string): string {
  if (!RSS_OPEN.test(xml.slice(0, 4096))) return xml;
  return liftXhtmlBodies(addChannel(xml));
}
