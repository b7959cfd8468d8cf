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
