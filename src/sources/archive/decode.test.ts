import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidDocumentError } from '../../util/errors.js';
import { DEFAULT_MAX_DOCUMENT_BYTES, decodeDocument, normaliseText } from './decode.js';

const testdata = join(import.meta.dirname, 'testdata');
const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('decodeDocument', () => {
  it.each([
    ['plain UTF-8', utf8('标题\n正文'), '标题\n正文'],
    ['UTF-8 BOM', Uint8Array.of(0xef, 0xbb, 0xbf, ...utf8('正文')), '正文'],
    ['CRLF', utf8('a\r\nb\r\n'), 'a\nb\n'],
    ['lone CR', utf8('a\rb\r\rc'), 'a\nb\n\nc'],
    ['UTF-16LE with BOM', Uint8Array.of(0xff, 0xfe, 0x2d, 0x4e, 0x87, 0x65), '中文'],
    ['UTF-16BE with BOM', Uint8Array.of(0xfe, 0xff, 0x4e, 0x2d, 0x65, 0x87), '中文'],
    ['GBK 中文', Uint8Array.of(0xd6, 0xd0, 0xce, 0xc4, 0x0a), '中文\n'],
    ['one damaged byte in UTF-8 text', Uint8Array.of(...utf8('正文内容很长的一段话'), 0xff), '正文内容很长的一段话\uFFFD'],
    ['empty', new Uint8Array(0), ''],
  ])('%s', (_, bytes, expected) => {
    expect(decodeDocument(bytes, 'x')).toBe(expected);
  });

  it('decodes the GBK fixture', () => {
    const text = decodeDocument(readFileSync(join(testdata, 'gbk.txt')), 'gbk.txt');
    expect(text.startsWith('---\ntitle: 某省发布经济数据\n')).toBe(true);
  });

  it.each([
    ['NUL bytes (binary fixture)', readFileSync(join(testdata, 'binary.bin'))],
    ['a NUL in text', utf8('正文\u0000正文')],
    ['random high bytes', Uint8Array.from({ length: 4096 }, (_, i) => 0x80 + ((i * 37) % 0x7f))],
    ['control characters', Uint8Array.from({ length: 200 }, (_, i) => (i % 2 === 0 ? 0x01 : 0x41))],
  ])('rejects %s as binary', (_, bytes) => {
    expect(() => decodeDocument(bytes, 'f.md')).toThrow(
      new InvalidDocumentError('archive: f.md is binary, not a text document'),
    );
  });

  it('rejects documents over the size limit', () => {
    expect(DEFAULT_MAX_DOCUMENT_BYTES).toBe(16 * 1024 * 1024);
    expect(() => decodeDocument(new Uint8Array(11), 'big.md', { maxBytes: 10 })).toThrow(
      new InvalidDocumentError('archive: big.md is 11 bytes, over the 10-byte document limit'),
    );
    expect(decodeDocument(utf8('0123456789'), 'ok.md', { maxBytes: 10 })).toBe('0123456789');
  });
});

describe('decodeDocument on arbitrary bytes', () => {
  it('returns LF-only text or throws InvalidDocumentError', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 512 }), (bytes) => {
        try {
          expect(decodeDocument(bytes, 'p')).not.toContain('\r');
        } catch (error) {
          if (!(error instanceof InvalidDocumentError)) throw error;
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('normaliseText', () => {
  it.each([
    ['\uFEFFa\r\nb', 'a\nb'],
    ['a\rb', 'a\nb'],
    ['no change', 'no change'],
  ])('%j → %j', (input, expected) => {
    expect(normaliseText(input)).toBe(expected);
  });
});
