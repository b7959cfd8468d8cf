import { describe, expect, it } from 'vitest';
import { InvalidDocumentError } from '../../util/errors.js';
import { parsePdfText } from './parse-pdf-text.js';

const PAGE_1 = [
  '2022年3月2日 星期三',
  '第1版',
  '春耕备耕春耕备耕有序推进有序推进',
  '本报记者 郑晓岚',
  '　　眼下正值春耕备耕关键时期，各地',
  '农资企业加紧生产，化肥储备充足。',
  '（下转第2版）',
  '',
  '光伏装机容量持续增长',
  '　　今年前两个月，全国新增光伏装机',
  '容量同比增长较快。（来源：能源观察）',
].join('\n');

const PAGE_2 = [
  '2022年3月2日 星期三',
  '第2版',
  '春耕备耕有序推进',
  '（上接第一版）',
  '　　多地还组织农技人员下乡，指导农',
  '户科学施肥。',
].join('\n');

describe('parsePdfText', () => {
  it('returns one archive-shaped post per article, continuations joined', () => {
    const posts = parsePdfText(`${PAGE_1}\f${PAGE_2}`, 'paper.txt');
    expect(posts).toEqual([
      {
        format: 'pdf-text',
        title: '春耕备耕有序推进',
        date: '2022年3月2日',
        categories: [],
        tags: [],
        author: '郑晓岚',
        bodyHtml: '<p>眼下正值春耕备耕关键时期，各地农资企业加紧生产，化肥储备充足。</p>\n<p>多地还组织农技人员下乡，指导农户科学施肥。</p>',
        flags: [],
        extra: { page: 1, byline: '本报记者 郑晓岚' },
      },
      {
        format: 'pdf-text',
        title: '光伏装机容量持续增长',
        date: '2022年3月2日',
        categories: [],
        tags: [],
        bodyHtml: '<p>今年前两个月，全国新增光伏装机容量同比增长较快。</p>',
        outletHint: '能源观察',
        flags: [],
        extra: { page: 1 },
      },
    ]);
  });

  it('flags a continuation whose other page is missing', () => {
    const [head] = parsePdfText(PAGE_1, 'p1.txt');
    expect(head?.flags.map((f) => f.code)).toEqual(['pdf-continued-elsewhere']);
    expect(head?.extra['continuesTo']).toBe(2);
    const [tail] = parsePdfText(PAGE_2, 'p2.txt');
    expect(tail?.flags.map((f) => f.code)).toEqual(['pdf-continuation-orphan']);
  });

  it('flags articles without a title or a dated header', () => {
    const [post] = parsePdfText('　　只有一段正文，没有标题和日期。', 'bare.txt');
    expect(post?.flags.map((f) => f.code)).toEqual(['missing-title', 'missing-date']);
    expect(post?.date).toBeNull();
  });

  it('escapes HTML in the text', () => {
    const [post] = parsePdfText('标题<b>\n　　正文里有<script>字样。', 'x.txt');
    expect(post?.bodyHtml).toBe('<p>正文里有&lt;script&gt;字样。</p>');
  });

  it('throws InvalidDocumentError when there is no article', () => {
    expect(() => parsePdfText('2022年3月2日 星期三\n第1版\n', 'empty.txt')).toThrow(InvalidDocumentError);
  });
});
