/**
 * Allow-list HTML sanitiser: sanitize-html configured from {@link defaultPolicy}.
 * Run when storing and again when serving; the output is stable under re-sanitising.
 */
import sanitize from 'sanitize-html';
import { defaultPolicy, type SanitizePolicy } from './sanitize-policy.js';
import { resolveUrl } from './urls.js';

/** Options of {@link sanitizeHtml}. */
export interface SanitizeOptions {
  /** Absolute URL relative links and images are resolved against. Default: none (left relative). */
  baseUrl?: string | undefined;
  /** Allow-list to apply. Default {@link defaultPolicy}. */
  policy?: SanitizePolicy | undefined;
}

type Attribs = Record<string, string>;

const compiled = new WeakMap<SanitizePolicy, Map<string, sanitize.IOptions>>();

function isBlocked(url: string | undefined, policy: SanitizePolicy): boolean {
  return url !== undefined && policy.blockedUrlFragments.some((f) => url.includes(f));
}

/** 1×1 (or 0×0) images are tracking pixels. */
function isPixel(attribs: Attribs): boolean {
  const w = Number.parseInt(attribs['width'] ?? '', 10);
  const h = Number.parseInt(attribs['height'] ?? '', 10);
  return (w <= 1 && !Number.isNaN(w)) || (h <= 1 && !Number.isNaN(h));
}

function buildOptions(policy: SanitizePolicy, baseUrl: string | undefined): sanitize.IOptions {
  const fixUrl =
    (attr: string) =>
    (tagName: string, attribs: Attribs): sanitize.Tag => {
      const out: Attribs = { ...attribs };
      const v = out[attr];
      if (v !== undefined) out[attr] = resolveUrl(v, baseUrl, policy.trackingParams);
      return { tagName, attribs: out };
    };
  const transformTags: Record<string, sanitize.Transformer> = {
    a: (tagName, attribs) => {
      const t = fixUrl('href')(tagName, attribs);
      return { tagName, attribs: { ...t.attribs, rel: policy.linkRel } };
    },
    img: fixUrl('src'),
    iframe: fixUrl('src'),
  };
  for (const [from, to] of Object.entries(policy.rename)) transformTags[from] = to;
  const allowedAttributes: Record<string, string[]> = {};
  for (const [tag, attrs] of Object.entries(policy.attributes)) allowedAttributes[tag] = [...attrs];
  allowedAttributes['a'] = [...(allowedAttributes['a'] ?? []), 'rel'];
  return {
    allowedTags: [...policy.tagNames],
    allowedAttributes,
    allowedSchemes: [...policy.protocols.href],
    allowedSchemesByTag: { img: [...policy.protocols.src], iframe: [...policy.protocols.src] },
    allowedSchemesAppliedToAttributes: ['href', 'src', 'cite'],
    allowProtocolRelative: false,
    allowedIframeHostnames: [...policy.iframeHosts],
    allowIframeRelativeUrls: false,
    nonTextTags: [...policy.strip],
    disallowedTagsMode: 'discard',
    selfClosing: ['img', 'br', 'hr'],
    transformTags,
    exclusiveFilter: (frame) => {
      const src = frame.attribs['src'];
      if (frame.tag === 'img') return !src || isPixel(frame.attribs) || isBlocked(src, policy);
      if (frame.tag === 'iframe') return !src || isBlocked(src, policy);
      return false;
    },
    parser: { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  };
}

/**
 * Sanitises `html` against the policy: drops script/style/noscript/object/form and event
 * handlers, keeps iframes only from allowed hosts, removes `javascript:` and other unlisted
 * URL schemes, resolves relative URLs against `baseUrl`, removes tracking pixels and
 * tracking query parameters, and sets `rel="noopener noreferrer nofollow"` on links.
 * Idempotent: `sanitizeHtml(sanitizeHtml(x)) === sanitizeHtml(x)`.
 * @example sanitizeHtml('<a href="/a?utm_source=x" onclick="x()">a</a>', { baseUrl: 'https://e.com/' })
 * // '<a href="https://e.com/a" rel="noopener noreferrer nofollow">a</a>'
 */
export function sanitizeHtml(html: string, options: SanitizeOptions = {}): string {
  const policy = options.policy ?? defaultPolicy;
  let perBase = compiled.get(policy);
  if (perBase === undefined) {
    perBase = new Map();
    compiled.set(policy, perBase);
  }
  const key = options.baseUrl ?? '';
  let opts = perBase.get(key);
  if (opts === undefined) {
    opts = buildOptions(policy, options.baseUrl);
    // Bounded: base URLs are per article; keep only a handful of compiled option sets.
    if (perBase.size > 64) perBase.clear();
    perBase.set(key, opts);
  }
  return sanitize(html, opts);
}
