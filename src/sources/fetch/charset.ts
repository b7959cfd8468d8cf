/**
 * Text decoding of fetched bytes: BOM → HTTP header charset → `<meta charset>` / XML
 * declaration → sniffing (valid UTF-8, else a confident detection by chardet among the
 * East Asian and Cyrillic legacy encodings, else GB18030). GBK and GB2312 decode as GB18030,
 * their superset, with Node's built-in `TextDecoder` (full ICU), or iconv-lite where this
 * Node build lacks the decoder. A page declared GBK whose bytes are valid multi-byte UTF-8
 * is UTF-8: such byte runs almost never occur in real GBK text.
 */
import { analyse } from 'chardet';
import iconv from 'iconv-lite';

/** Options of {@link decodeText}. */
export interface DecodeTextOptions {
  /** The `charset` parameter of the Content-Type header, if any. Default: none. */
  headerCharset?: string | undefined;
}

/** Decoded text and the charset that was used. */
export interface DecodedText {
  text: string;
  /** WHATWG encoding name actually used, e.g. `utf-8`, `gb18030`. */
  charset: string;
  /** Where the charset came from. */
  source: 'bom' | 'header' | 'meta' | 'sniff';
}

/** How far into the document a `<meta charset>` or XML declaration is looked for. */
const PRESCAN_BYTES = 4096;

const META_CHARSET = /<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)/i;
const XML_ENCODING = /^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9_.:-]+)["']/i;

/** Returns the WHATWG name of a charset label, or undefined when Node cannot decode it. */
export function normalizeCharset(label: string | undefined): string | undefined {
  if (!label) return undefined;
  const cleaned = label
    .trim()
    .toLowerCase()
    .replace(/^["']|["']$/g, '');
  // GB2312 pages routinely contain GBK/GB18030 characters; decode them all with the superset.
  if (['gb2312', 'gbk', 'gb18030', 'x-gbk', 'cp936', 'windows-936', 'euc-cn'].includes(cleaned)) {
    return 'gb18030';
  }
  try {
    return new TextDecoder(cleaned).encoding;
  } catch {
    return iconv.encodingExists(cleaned) ? cleaned : undefined;
  }
}

/** The `charset` parameter of a Content-Type header value. */
export function charsetFromContentType(contentType: string | undefined): string | undefined {
  const match = /;\s*charset\s*=\s*("?)([^";\s]+)\1/i.exec(contentType ?? '');
  return match?.[2]?.toLowerCase();
}

function bomCharset(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  return undefined;
}

/** The charset a document declares about itself in its first bytes. */
function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.subarray(0, PRESCAN_BYTES)).toString('latin1');
  return normalizeCharset(XML_ENCODING.exec(head)?.[1] ?? META_CHARSET.exec(head)?.[1]);
}

function decodeStrict(bytes: Uint8Array, charset: string): string | undefined {
  let decoder: InstanceType<typeof TextDecoder>;
  try {
    decoder = new TextDecoder(charset, { fatal: true });
  } catch {
    if (!iconv.encodingExists(charset)) return undefined;
    const text = iconv.decode(Buffer.from(bytes), charset);
    return text.includes('\ufffd') ? undefined : text;
  }
  try {
    return decoder.decode(bytes);
  } catch {
    return undefined;
  }
}

/** Whether the bytes hold at least one multi-byte UTF-8 sequence (not plain ASCII). */
function hasMultibyte(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if ((bytes[i] ?? 0) >= 0x80) return true;
  return false;
}

/**
 * Legacy encodings trusted from the detector. Western single-byte guesses are left out: short
 * GBK text often scores a weak windows-125x match, and GB18030 is what our outlets send.
 */
const DETECTABLE = new Set(['Shift_JIS', 'EUC-JP', 'ISO-2022-JP', 'EUC-KR', 'ISO-2022-KR', 'Big5', 'KOI8-R', 'windows-1251']);

/** Below this confidence (0–100) a detection is a guess; GB18030 stays the fallback. */
const MIN_CONFIDENCE = 25;

/** An undeclared legacy encoding chardet is confident about (never GB18030, the fallback). */
function detectLegacy(bytes: Uint8Array): DecodedText | undefined {
  // The first 64 KB tell the encoding as well as the whole body, at a fraction of the cost.
  const best = analyse(bytes.subarray(0, 65_536))[0];
  if (!best || best.confidence < MIN_CONFIDENCE || !DETECTABLE.has(best.name)) return undefined;
  const charset = normalizeCharset(best.name);
  const text = charset === undefined ? undefined : decodeStrict(bytes, charset);
  return text === undefined || charset === undefined ? undefined : { text, charset, source: 'sniff' };
}

function sniff(bytes: Uint8Array): DecodedText {
  const utf8 = decodeStrict(bytes, 'utf-8');
  if (utf8 !== undefined) return { text: utf8, charset: 'utf-8', source: 'sniff' };
  const detected = detectLegacy(bytes);
  if (detected !== undefined) return detected;
  const text = decodeStrict(bytes, 'gb18030') ?? iconv.decode(Buffer.from(bytes), 'gb18030');
  return { text, charset: 'gb18030', source: 'sniff' };
}

/**
 * Decodes an HTML, XML or JSON body. A declared charset that cannot decode the bytes
 * (a page labelled UTF-8 that is really GBK) gives way to sniffing.
 * @example decodeText(gbkBytes, { headerCharset: 'gb2312' }).text
 */
export function decodeText(bytes: Uint8Array, options: DecodeTextOptions = {}): DecodedText {
  const bom = bomCharset(bytes);
  if (bom) return { text: new TextDecoder(bom).decode(bytes), charset: bom, source: 'bom' };
  const candidates: [string | undefined, DecodedText['source']][] = [
    [normalizeCharset(options.headerCharset), 'header'],
    [declaredCharset(bytes), 'meta'],
  ];
  for (const [charset, source] of candidates) {
    if (!charset) continue;
    // A wrong label: GBK declared, UTF-8 sent. Valid multi-byte UTF-8 wins.
    if (charset === 'gb18030' && hasMultibyte(bytes)) {
      const utf8 = decodeStrict(bytes, 'utf-8');
      if (utf8 !== undefined) return { text: utf8, charset: 'utf-8', source: 'sniff' };
    }
    const text = decodeStrict(bytes, charset);
    if (text !== undefined) return { text, charset, source };
  }
  return sniff(bytes);
}
