import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { encodeGbk } from '../../../test/fetch/fixtures/gbk.js';
import { charsetFromContentType, decodeText, normalizeCharset } from './charset.js';

const gbk = encodeGbk;

describe('decodeText', () => {
  const body =
    '<html><head><meta charset="gb2312"><title>测试</title></head><body>股市行情</body></html>';

  it.each([
    ['header', { headerCharset: 'gbk' }, gbk('<p>股市行情</p>'), 'gb18030'],
    ['meta', {}, gbk(body), 'gb18030'],
    ['meta', {}, gbk('<?xml version="1.0" encoding="GBK"?><rss>财经</rss>'), 'gb18030'],
    ['sniff', {}, gbk('<p>没有声明字符集的页面</p>'), 'gb18030'],
    ['sniff', {}, Buffer.from('<p>普通页面</p>'), 'utf-8'],
    ['sniff', { headerCharset: 'utf-8' }, gbk('<p>声明错了</p>'), 'gb18030'],
    ['sniff', { headerCharset: 'gbk' }, Buffer.from('<p>声明为GBK的UTF-8页面</p>'), 'utf-8'],
    ['sniff', {}, Buffer.from('<meta charset="gb2312"><p>声明为GB2312的UTF-8页面</p>'), 'utf-8'],
    ['bom', {}, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('带签名')]), 'utf-8'],
  ] as const)('uses the %s charset', (source, options, bytes, charset) => {
    const decoded = decodeText(bytes, options);
    expect(decoded.source).toBe(source);
    expect(decoded.charset).toBe(charset);
    expect(decoded.text).not.toContain('\ufffd');
  });

  it.each([
    ['Shift_JIS', 'shift_jis', '<rss><channel><item><title>日銀、政策金利を据え置き</title><description>日本銀行は金融政策決定会合で、政策金利を据え置くことを決めた。</description></item></channel></rss>'],
    ['EUC-KR', 'euc-kr', '<rss><channel><item><title>한국은행 기준금리 동결</title><description>한국은행 금융통화위원회는 기준금리를 연 3.5%로 동결했다.</description></item></channel></rss>'],
    ['KOI8-R', 'koi8-r', '<rss><channel><item><title>Банк России сохранил ставку</title><description>Центральный банк России сохранил ключевую ставку на прежнем уровне.</description></item></channel></rss>'],
  ])('detects undeclared %s instead of reading it as GB18030', (encoding, charset, text) => {
    const decoded = decodeText(iconv.encode(text, encoding));
    expect(decoded).toEqual({ text, charset, source: 'sniff' });
  });

  it('still reads undeclared GBK as GB18030: every Chinese page of the corpus, re-encoded', () => {
    const dir = join(import.meta.dirname, '../../../../shared/corpus/html/GeneralNewsExtractor/tests');
    let pages = 0;
    for (const site of readdirSync(dir)) {
      for (const file of readdirSync(join(dir, site)).filter((f) => f.endsWith('.html'))) {
        const html = readFileSync(join(dir, site, file), 'utf8').replace(/<meta[^>]*charset[^>]*>/gi, '');
        const bytes = iconv.encode(html, 'gb18030');
        if (iconv.decode(bytes, 'gb18030') !== html) continue; // characters GB18030 cannot hold
        expect(decodeText(bytes).charset, `${site}/${file}`).toBe('gb18030');
        pages++;
      }
    }
    expect(pages).toBeGreaterThan(10);
  });

  it('decodes a charset only iconv-lite knows', () => {
    expect(decodeText(Buffer.from([0x82, 0x41]), { headerCharset: 'cp437' }).text).toBe('éA');
  });

  it('decodes GBK text exactly', () => {
    expect(decodeText(gbk(body)).text).toBe(body);
  });
});

describe('charset helpers', () => {
  it.each([
    ['text/html; charset=GB2312', 'gb2312'],
    ['text/html; charset="utf-8"', 'utf-8'],
    ['text/html', undefined],
  ])('reads %s', (header, expected) => expect(charsetFromContentType(header)).toBe(expected));

  it.each([
    ['GB2312', 'gb18030'],
    ['UTF8', 'utf-8'],
    ['no-such-charset', undefined],
    ['cp437', 'cp437'],
  ])('normalises %s', (label, expected) => expect(normalizeCharset(label)).toBe(expected));
});
