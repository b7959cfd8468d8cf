import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../config/load-config.js';
import { resolveOutlet } from '../outlet-ref.js';
import { NewsApiError } from './newsapi-error.js';
import { newsApiRecordToArticle } from './newsapi-to-article.js';
import { detailUrlFor, getPath, parseNewsApiDetail, parseNewsApiList } from './parse-newsapi.js';

const mapping = parseConfig(`
sources:
  - key: finews
    kind: newsapi
    url: https://api.example.com/list
    outlet: 东方财富
    newsapi:
      recordsPath: data.list
      fields: { code: infoCode, mediaName: medianame }
      detailUrl: https://api.example.com/text?code={code}
      detailHtmlPath: data.content
`).sources[0]!.newsapi!;

const list = JSON.stringify({
  data: {
    list: [
      {
        infoCode: 'NW202112200001',
        title: '示例公司发布公告',
        digest: '示例公司今日发布公告。',
        showTime: '2021-12-20 20:21:15',
        medianame: '新华财经',
      },
      {
        infoCode: 202112200002,
        title: '另一条',
        showTime: '2021-12-20 20:25:00',
        medianame: '不认识的媒体',
      },
      { title: '没有编号' },
      { infoCode: 'NW202112200001', title: '重复' },
    ],
  },
});

describe('parseNewsApiList', () => {
  it('maps fields by configuration and skips records without a code or seen twice', () => {
    const { records, skipped } = parseNewsApiList(Buffer.from(list), mapping);
    expect(skipped).toBe(2);
    expect(records).toEqual([
      {
        code: 'NW202112200001',
        title: '示例公司发布公告',
        digest: '示例公司今日发布公告。',
        showTime: '2021-12-20 20:21:15',
        mediaName: '新华财经',
      },
      {
        code: '202112200002',
        title: '另一条',
        showTime: '2021-12-20 20:25:00',
        mediaName: '不认识的媒体',
      },
    ]);
  });

  it.each([
    ['{"data":', /list response is not valid JSON/],
    ['{"data":{}}', /no array at "data.list"/],
  ])('rejects %s', (body, message) => {
    expect(() => parseNewsApiList(body, mapping)).toThrow(NewsApiError);
    expect(() => parseNewsApiList(body, mapping)).toThrow(message);
  });
});

describe('parseNewsApiDetail and helpers', () => {
  it('reads the HTML at the configured path', () => {
    expect(parseNewsApiDetail('{"data":{"content":"<p>正文</p>"}}', mapping)).toBe('<p>正文</p>');
    expect(() => parseNewsApiDetail('{"data":{}}', mapping)).toThrow(/no text at "data.content"/);
  });

  it('fills the detail URL template and walks paths', () => {
    expect(detailUrlFor(mapping.detailUrl!, 'A B')).toBe('https://api.example.com/text?code=A%20B');
    expect(getPath({ a: [{ b: 1 }] }, 'a.0.b')).toBe(1);
    expect(getPath({ a: 1 }, 'a.b')).toBeUndefined();
  });
});

describe('newsApiRecordToArticle', () => {
  const context = {
    outlet: resolveOutlet({ name: '东方财富', fallbackKey: 'finews' }),
    sourceKey: 'finews',
    categories: [],
    timeZone: 'Asia/Shanghai',
    origin: 'https://api.example.com/text?code=x',
    fetchedAt: '2021-12-21T00:00:00.000Z',
  };
  const [known, unknown] = parseNewsApiList(list, mapping).records;

  it('files a record under the outlet its media name names', () => {
    const article = newsApiRecordToArticle(
      known!,
      '<p>　　示例公司今日发布公告，内容详见正文。</p>',
      context,
    );
    expect(article).toMatchObject({
      id: 'xinhuacaijing:NW202112200001',
      outletKey: 'xinhuacaijing',
      publishedAt: '2021-12-20T20:21:15+08:00',
      digest: '示例公司今日发布公告。',
      format: 'newsapi',
      flags: [],
    });
    expect(article.text).toBe('示例公司今日发布公告，内容详见正文。');
  });

  it('keeps the source outlet for an unknown media name and records it as the source', () => {
    const article = newsApiRecordToArticle(unknown!, undefined, context);
    expect(article.id).toBe('eastmoney:202112200002');
    expect(article.provenance.source).toBe('不认识的媒体');
    expect(article.flags.map((f) => f.code)).toEqual(['empty-body']);
  });
});
