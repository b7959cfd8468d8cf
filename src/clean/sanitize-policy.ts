/**
 * The sanitiser's allow-list, as data. Shaped like hast-util-sanitize's `Schema`:
 * everything not listed here is removed (unknown tags are unwrapped, their text kept).
 */

/** An allow-list policy for {@link import('./sanitize.js').sanitizeHtml}. */
export interface SanitizePolicy {
  /** Tags kept. Any other tag is dropped but its children are kept (unless in `strip`). */
  tagNames: readonly string[];
  /** Attributes kept, per tag name; `*` lists attributes kept on every allowed tag. */
  attributes: Readonly<Record<string, readonly string[]>>;
  /** URL schemes allowed per URL attribute (`href`, `src`, `cite`); others lose the attribute. */
  protocols: Readonly<Record<'href' | 'src' | 'cite', readonly string[]>>;
  /** Tags removed together with their content. */
  strip: readonly string[];
  /** Tags renamed before the allow-list is applied (`center` → `div`). */
  rename: Readonly<Record<string, string>>;
  /** Host names iframes may load from; any other iframe is removed. */
  iframeHosts: readonly string[];
  /** URL substrings of trackers and share buttons: images and iframes pointing there are removed. */
  blockedUrlFragments: readonly string[];
  /** Query parameters removed from every URL (tracking). */
  trackingParams: readonly RegExp[];
  /** Value forced onto the `rel` attribute of every link. */
  linkRel: string;
}

/** caixun's default policy: article markup only, no active content, no tracking. */
export const defaultPolicy: SanitizePolicy = {
  tagNames: [
    'a', 'abbr', 'b', 'blockquote', 'br', 'caption', 'cite', 'code', 'dd', 'del', 'div', 'dl',
    'dt', 'em', 'figcaption', 'figure', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'i', 'iframe',
    'img', 'ins', 'li', 'mark', 'ol', 'p', 'pre', 'q', 's', 'small', 'strong', 'sub', 'sup',
    'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'u', 'ul',
  ],
  attributes: {
    '*': [],
    a: ['href', 'title'],
    img: ['src', 'alt', 'title', 'width', 'height'],
    iframe: ['src', 'width', 'height', 'allowfullscreen'],
    td: ['colspan', 'rowspan'],
    th: ['colspan', 'rowspan', 'scope'],
    ol: ['start'],
    blockquote: ['cite'],
    q: ['cite'],
  },
  protocols: {
    href: ['http', 'https', 'mailto'],
    src: ['http', 'https'],
    cite: ['http', 'https'],
  },
  strip: ['script', 'style', 'noscript', 'textarea', 'option', 'title', 'template', 'svg', 'math'],
  rename: { center: 'div' },
  iframeHosts: [
    'player.bilibili.com',
    'player.youku.com',
    'v.qq.com',
    'www.youtube-nocookie.com',
    'www.youtube.com',
  ],
  blockedUrlFragments: [
    'api.flattr.com',
    'doubleclick.net',
    'facebook.com/sharer',
    'feeds.feedburner.com/~ff',
    'feeds.feedburner.com/~r',
    'hm.baidu.com',
    'pixel.wp.com',
    'stats.wordpress.com',
    'twitter.com/share',
    'cnzz.com/stat',
  ],
  trackingParams: [/^utm_/i, /^fbclid$/i, /^gclid$/i, /^spm$/i, /^mc_(?:cid|eid)$/i],
  linkRel: 'noopener noreferrer nofollow',
};
