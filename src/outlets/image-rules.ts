/**
 * Image URLs that are not article pictures: placeholders, spacer GIFs and market-quote
 * charts. Data shared by the source parsers (cover images) and cleaning (body images);
 * order does not matter.
 */

/** URLs of stand-in images: lorem-picsum covers, spacer GIFs, generic outlet logos/QR codes. */
export const placeholderImagePatterns: readonly RegExp[] = [
  /^https?:\/\/(?:[\w-]+\.)*picsum\.photos\//i,
  /^https?:\/\/(?:[\w-]+\.)*(?:placehold\.it|placehold\.co|via\.placeholder\.com|dummyimage\.com|placekitten\.com|loremflickr\.com|fakeimg\.pl)\//i,
  /\/(?:blank|spacer|pixel|transparent|clear|loading|lazyload|placeholder|grey|gray)\.(?:gif|png|jpe?g|svg|webp)(?:[?#]|$)/i,
  /^data:/i,
  // 新浪财经's "download the APP" QR code, also used by archives as a default cover image.
  /^https?:\/\/n\.sinaimg\.cn\/finance\/cece9e13\/20200514\/343233024\.png/i,
];

/** Hosts that serve live K-line / quote chart images, not article pictures. */
export const quoteChartHosts: readonly string[] = [
  'webquoteklinepic.eastmoney.com',
  'webquotepic.eastmoney.com',
  'image.sinajs.cn',
];

/**
 * Whether `url` is a placeholder rather than a real picture (picsum.photos covers,
 * spacer/blank GIFs, data: URIs, known generic outlet images). Used for cover images too.
 * @example isPlaceholderImage('https://picsum.photos/400/300?random=1') // true
 */
export function isPlaceholderImage(url: string): boolean {
  const u = url.trim();
  return placeholderImagePatterns.some((p) => p.test(u));
}

/** Whether `url` is a live market-quote chart (K-line, intraday) from a quote server. */
export function isQuoteChartImage(url: string): boolean {
  const m = /^(?:https?:)?\/\/([^/?#:]+)/i.exec(url.trim());
  const host = m?.[1]?.toLowerCase();
  return host !== undefined && quoteChartHosts.includes(host);
}
