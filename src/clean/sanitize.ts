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

/** Compiled options plus a flag the parser callback raises when a tag is unwrapped or renamed. */
interface Compiled {
  options: sanitize.IOptions;
  state: { reshaped: boolean };
}

const compiled = new WeakMap<SanitizePolicy, Map<string, Compiled>>();

function isBlocked(url: string | undefined, policy: SanitizePolicy): boolean {
  return url !== undefined && policy.blockedUrlFragments.some((f) => url.includes(f));
}

/** Elements removed when they hold neither text nor media. */
const dropWhenEmpty = new Set(['a', 'b', 'blockquote', 'div', 'em', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'i', 'p', 's', 'strong', 'u']);

/** 1×1 (or 0×0) images are tracking pixels. */
function isPixel(attribs: Attribs): boolean {
  const w = Number.parseInt(attribs['width'] ?? '', 10);
  const h = Number.parseInt(attribs['height'] ?? '', 10);
  return (w <= 1 && !Number.isNaN(w)) || (h <= 1 && !Number.isNaN(h));
}

function buildOptions(policy: SanitizePolicy, baseUrl: string | undefined): Compiled {
  const state = { reshaped: false };
  const allowed = new Set(policy.tagNames);
  const stripped = new Set(policy.strip);
  const fixUrl =
    (attr: string) =>
    (tagName: string, attribs: Attribs): sanitize.Tag => {
      const out: Attribs = { ...attribs };
      const v = out[attr];
      if (v !== undefined) out[attr] = resolveUrl(v, baseUrl, policy.trackingParams);
      return { tagName, attribs: out };
    };
  const transformTags: Record<string, string | sanitize.Transformer> = {
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
  const options: sanitize.IOptions = {
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
      let drop: boolean;
      if (frame.tag === 'img') drop = !src || isPixel(frame.attribs) || isBlocked(src, policy);
      else if (frame.tag === 'iframe') drop = !src || isBlocked(src, policy);
      // Empty wrappers carry nothing and can change shape when re-parsed (`<p></p>` strays).
      else drop = dropWhenEmpty.has(frame.tag) && frame.text.trim() === '';
      // A kept image counts as content for its ancestors: U+FFFC (object replacement) flows up
      // through the parser's text bookkeeping; it never reaches the output.
      if (!drop && (frame.tag === 'img' || frame.tag === 'iframe')) frame.text += '\uFFFC';
      return drop;
    },
    parser: { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
    onOpenTag: (name) => {
      if (!allowed.has(name) && !stripped.has(name)) state.reshaped = true;
      if (policy.rename[name] !== undefined) state.reshaped = true;
    },
  };
  return { options, state };
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
  let c = perBase.get(key);
  if (c === undefined) {
    c = buildOptions(policy, options.baseUrl);
    // Bounded: base URLs are per article; keep only a handful of compiled option sets.
    if (perBase.size > 64) perBase.clear();
    perBase.set(key, c);
  }
  // Unwrapping or renaming a tag can leave nesting the parser would read differently next
  // time (`<p><span><div>` → `<p><div>`); one more pass settles it, keeping the output stable.
  let out = html;
  for (let pass = 0; pass < 3; pass++) {
    c.state.reshaped = false;
    out = sanitize(out, c.options);
    if (!c.state.reshaped) break;
  }
  return out;
}
