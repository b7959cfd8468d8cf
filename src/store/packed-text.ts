/**
 * Text kept compressed in the store (raw input, HTML, revisions): Brotli from node:zlib, quality
 * 5 with a window no larger than the text. On the permuted corpus raw bodies and HTML shrink to
 * 43 % of their UTF-8 bytes for about 55 µs of CPU each (deflate: 48 %; Brotli 4: 49 %; Brotli 9:
 * 41 % at ten times the time). Compressing on libuv's thread pool instead cost more CPU in all on
 * 2 cores. Rows written before the compressed columns existed keep their text in the plain
 * column; readers take whichever is set.
 */
import { brotliCompressSync, brotliDecompressSync, constants } from 'node:zlib';

const QUALITY = 5;

/** log2 of Brotli's window: the smallest that holds the whole text (10–24); a smaller window is less to set up. */
const windowBits = (bytes: number): number => Math.max(10, Math.min(24, Math.ceil(Math.log2(bytes + 1)) + 1));

export function packText(text: string): Buffer {
  const bytes = Buffer.from(text, 'utf8');
  return brotliCompressSync(bytes, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: QUALITY,
      [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      [constants.BROTLI_PARAM_LGWIN]: windowBits(bytes.length),
    },
  });
}

export function unpackText(packed: Uint8Array): string {
  return brotliDecompressSync(packed).toString('utf8');
}

/** A row read with `text` and `text_br` (articles): its text restored, `text_br` left out. */
export function withText<R extends { text: string; text_br?: Uint8Array | null }>(row: R): Omit<R, 'text_br'> {
  const { text_br, ...rest } = row;
  return { ...rest, text: storedText(row.text, text_br) };
}

/** The text of a (plain, packed) column pair: the packed one when set, the plain one otherwise (older rows). */
export function storedText(plain: string, packed: Uint8Array | null | undefined): string {
  return packed === null || packed === undefined ? plain : unpackText(packed);
}
