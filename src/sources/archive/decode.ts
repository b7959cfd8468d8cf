/**
 * decode: archive file bytes → one normalised text document (UTF-8 or GB18030, LF line ends).
 */
import { InvalidDocumentError } from '../../util/errors.js';

/** Default largest document accepted, in bytes (16 MiB). */
export const DEFAULT_MAX_DOCUMENT_BYTES = 16 * 1024 * 1024;

/** Options for {@link decodeDocument}. */
export interface DecodeOptions {
  /** Largest document accepted, in bytes. Default {@link DEFAULT_MAX_DOCUMENT_BYTES}. */
  maxBytes?: number;
}

/** Above this share of U+FFFD (bad UTF-8) or control characters a document is binary. */
const MAX_BAD_SHARE = 0.1;
/** Real GBK Chinese is nearly all GB2312 pairs; random bytes are about 30 %. */
const MIN_GB2312_PAIR_SHARE = 0.8;

const utf8Fatal = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const utf8Lossy = new TextDecoder('utf-8', { ignoreBOM: true });

/**
 * Decode an archive file: strip a BOM, fall back to GB18030 for Chinese text that is not UTF-8,
 * reject binary and oversized files, and normalise CRLF/CR to LF.
 *
 * @param origin where the bytes came from, for error messages (usually the file path).
 * @throws InvalidDocumentError when the file is binary or larger than `options.maxBytes`.
 * @example
 * const text = decodeDocument(await readFile(path), path);
 */
export function decodeDocument(
  bytes: Uint8Array,
  origin: string,
  options: DecodeOptions = {},
): string {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_DOCUMENT_BYTES;
  if (bytes.length > maxBytes) {
    throw new InvalidDocumentError(
      `archive: ${origin} is ${bytes.length} bytes, over the ${maxBytes}-byte document limit`,
    );
  }
  const utf16 = decodeUtf16(bytes);
  const text = utf16 ?? decodeBytes(bytes, origin);
  if (countControls(text) > text.length * MAX_BAD_SHARE) throw binaryError(origin);
  return normaliseText(text);
}

/** Strip a leading BOM and turn CRLF / CR line ends into LF. */
export function normaliseText(text: string): string {
  const noBom = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return noBom.includes('\r') ? noBom.replace(/\r\n?/g, '\n') : noBom;
}

function binaryError(origin: string): InvalidDocumentError {
  return new InvalidDocumentError(`archive: ${origin} is binary, not a text document`);
}

/** UTF-16 is only accepted with its BOM; without one its NUL bytes mark it binary. */
function decodeUtf16(bytes: Uint8Array): string | null {
  if (bytes.length < 2) return null;
  const [b0, b1] = [bytes[0], bytes[1]];
  if (b0 === 0xff && b1 === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (b0 === 0xfe && b1 === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  return null;
}

function decodeBytes(bytes: Uint8Array, origin: string): string {
  if (bytes.indexOf(0) !== -1) throw binaryError(origin);
  const body =
    bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return utf8Fatal.decode(body);
  } catch {
    // Not UTF-8: older Chinese archives are GBK/GB18030.
  }
  if (looksLikeGbk(body)) {
    try {
      return new TextDecoder('gb18030', { fatal: true }).decode(body);
    } catch {
      // Not GB18030 either; judge it as damaged UTF-8 below.
    }
  }
  const lossy = utf8Lossy.decode(body);
  let bad = 0;
  for (let i = 0; i < lossy.length; i++) if (lossy.charCodeAt(i) === 0xfffd) bad++;
  if (bad > lossy.length * MAX_BAD_SHARE) throw binaryError(origin);
  return lossy;
}

/** Most high-byte pairs fall in the GB2312 block (lead A1–F7, trail A1–FE), as in Chinese text. */
function looksLikeGbk(bytes: Uint8Array): boolean {
  let pairs = 0;
  let gb2312 = 0;
  for (let i = 0; i < bytes.length; i++) {
    const lead = bytes[i] ?? 0;
    if (lead < 0x80) continue;
    const trail = bytes[i + 1] ?? 0;
    pairs++;
    if (lead >= 0xa1 && lead <= 0xf7 && trail >= 0xa1 && trail <= 0xfe) gb2312++;
    i++;
  }
  return pairs > 0 && gb2312 >= pairs * MIN_GB2312_PAIR_SHARE;
}

/** C0 controls other than tab, LF, VT, FF, CR and ESC, plus DEL. */
function countControls(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && (c < 0x09 || c > 0x0d) && c !== 0x1b) || c === 0x7f || c === 0) n++;
  }
  return n;
}
