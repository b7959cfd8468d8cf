import { describe, expect, it } from 'vitest';
import { segmentPage, segmentPageText } from './segment-text.js';

/** Invented page text, already extracted, with the usual artefacts. */
const PAGE = [
  '2022年3月2日 星期三',
  '第1版',
  '',
  '聚焦乡村振兴',
  '春耕备耕春耕备耕有序推进有序推进',
  '——各地加强农资保供',
  '本报记者 郑晓岚 马骁',
  '　　眼下正值春耕备耕关键时期，各地',
  '农 资 企 业 加 紧 生 产 ， 化 肥 储 备 总 体 充',
  '足，价格保持基本稳定。',
  '　　农业部门表示，将加强农资市场监',
  '管，严厉打击假冒伪劣产品。（下转第2版）',
  '',
  '光伏装机容量持续增长',
  '□ 邵一帆',
  '　　今年前两个月，全国新增光伏装机',
  '容量同比增长较快，分布式光伏占比进',
  '一步提高。（来源：能源观察）',
].join('\n');

describe('segmentPage', () => {
  const page = segmentPage(PAGE);

  it('reads a header date whose weekday stands on the next line, and takes neither for a headline', () => {
    const split = segmentPage(['7', '2024 年 4 月 19 日', '星期五', '', '光伏装机容量持续增长', '　　今年前两个月，全国新增光伏装机', '容量同比增长较快。'].join('\n'));
    expect(split.header.date).toBe('2024年4月19日');
    expect(split.articles.map((a) => a.title)).toEqual(['光伏装机容量持续增长']);
  });

  it('keeps lines of running text that an extractor broke apart out of the headlines, and reads a bare name under a headline as byline', () => {
    // As plain pdftotext gives a real page: indents gone, rows broken after an opening quote or
    // at a justified space, the byline a bare name.
    const text = [
      '走好新时代的长征路',
      '张怡恬',
      '',
      '新时代新机遇新目标新征程展现在我们面',
      '前的是一条通往民族复兴的光辉之路。',
      '“强',
      '起来”的时代呼唤“强起来”的理论和实践',
      '这是历史发展的必然要求和内在逻辑。',
      '长征路上无坦途。同已经走过的长',
      '征路一样新时代的长征路上也有许多雪山',
      '和草地要跨越，也有许多关口要征服。',
      '胸怀理想，用理想之光照亮奋斗之',
      '路。无论是已经走过的长征路还是新时代',
      '的长征路都是理想信念的伟大远征，',
      '旅客',
      '在除个别车站外乘坐高铁动车和城际列车',
      '都可以实现直接刷证进站无须事先购票。',
    ].join('\n');
    const articles = segmentPageText(text);
    expect(articles.map((a) => a.title)).toEqual(['走好新时代的长征路']);
    expect(articles[0]?.byline).toBe('张怡恬');
  });

  it('reads the page header', () => {
    expect(page.header).toEqual({ date: '2022年3月2日', page: 1 });
    expect(page.stray).toEqual([]);
  });

  it('splits the page into its articles with kicker, title, subtitle, byline and markers', () => {
    expect(page.articles).toEqual([
      {
        kicker: '聚焦乡村振兴',
        title: '春耕备耕有序推进',
        subtitle: '各地加强农资保供',
        byline: '本报记者 郑晓岚 马骁',
        paragraphs: [
          '眼下正值春耕备耕关键时期，各地农资企业加紧生产，化肥储备总体充足，价格保持基本稳定。',
          '农业部门表示，将加强农资市场监管，严厉打击假冒伪劣产品。',
        ],
        continuesTo: 2,
      },
      {
        title: '光伏装机容量持续增长',
        byline: '邵一帆',
        paragraphs: ['今年前两个月，全国新增光伏装机容量同比增长较快，分布式光伏占比进一步提高。'],
        source: '能源观察',
      },
    ]);
  });

  it('starts a continuation at （上接第一版） under a repeated headline', () => {
    const text = [
      '第2版',
      '春耕备耕有序推进',
      '（上接第一版）',
      '　　多地还组织农技人员下乡，指导农',
      '户科学施肥，提高肥料利用效率。',
    ].join('\n');
    expect(segmentPageText(text)).toEqual([
      { title: '春耕备耕有序推进', continuedFrom: 1, paragraphs: ['多地还组织农技人员下乡，指导农户科学施肥，提高肥料利用效率。'] },
    ]);
  });

  it('gives a headline block emitted last to the article that has none', () => {
    const text = [
      '本报记者 董清和',
      '　　新能源重卡销量快速增长，换电模',
      '式在港口和矿区加快推广应用。',
      '',
      '港口物流提质增效',
      '　　多个港口推进自动化码头建设，作',
      '业效率明显提升，船舶待港时间缩短。',
      '',
      '新能源重卡新能源重卡走俏走俏',
    ].join('\n');
    const articles = segmentPageText(text);
    expect(articles.map((a) => [a.title, a.byline])).toEqual([
      ['新能源重卡走俏', '本报记者 董清和'],
      ['港口物流提质增效', undefined],
    ]);
  });

  it('keeps a wrapped line that starts with 记者 in its paragraph', () => {
    const text = [
      '钢材价格小幅回落',
      '　　近期钢材市场价格小幅回落，不少',
      '经销商表示下游需求还在恢复之中。',
      '记者在多个钢材市场走访了解到，库',
      '存水平总体合理，市场预期趋于平稳。',
    ].join('\n');
    const articles = segmentPageText(text);
    expect(articles).toHaveLength(1);
    expect(articles[0]?.byline).toBeUndefined();
  });

  it('does not take a short line after an unfinished line for a headline', () => {
    const text = [
      '芯片产业链加快补链',
      '　　一些龙头企业加大研发投入，同时与',
      'Faraday',
      'Future等企业开展合作，推动产业协同。',
    ].join('\n');
    expect(segmentPageText(text).map((a) => a.title)).toEqual(['芯片产业链加快补链']);
  });

  it('gives an empty page no articles', () => {
    expect(segmentPage('\n\n')).toEqual({ header: {}, articles: [], stray: [] });
  });
});

describe('segmentPage with line sizes (text laid out from glyph positions)', () => {
  const lines: Array<[string, number]> = [
    ['稳字当头 进中求进', 1.2],
    ['', 0],
    ['一季度重大项目', 2.2],
    ['开工提速', 2.2],
    ['', 0],
    ['——多地集中签约先进制造业项目', 1.2],
    ['本报记者 王清源', 1],
    ['　　开春以来，各地抢抓施工', 1],
    ['黄金期。', 1],
    ['一批项目集中开工', 1],
    ['', 0],
    ['短标题', 1.6],
    ['　　正文一段。', 1],
  ];
  const page = segmentPage(lines.map(([t]) => t).join('\n'), { lineSizes: lines.map(([, s]) => s) });

  it('takes headline lines by font size: the largest is the title (over two lines), kicker above, subtitle below', () => {
    expect(page.articles.map((a) => [a.kicker, a.title, a.subtitle, a.byline])).toEqual([
      ['稳字当头 进中求进', '一季度重大项目开工提速', '多地集中签约先进制造业项目', '本报记者 王清源'],
      [undefined, '短标题', undefined, undefined],
    ]);
  });

  it('ends paragraphs only at blank lines and indents, never at a short line', () => {
    expect(page.articles.map((a) => a.paragraphs)).toEqual([['开春以来，各地抢抓施工黄金期。一批项目集中开工'], ['正文一段。']]);
  });
});

describe('segmentPage on text without font sizes: headlines confirmed by cues', () => {
  /** An invented opinion piece as plain pdftotext gives it: indents gone, two subheads inside. */
  const OPINION = [
    '让创新成为发展的第一动力',
    '王明远',
    '',
    '创新是引领发展的第一动力，这一判断已',
    '经成为社会的普遍共识。',
    '',
    '创新需要良好的环境',
    '营造良好环境，要完善激励机制，让各类',
    '人才的创造活力竞相迸发。',
    '',
    '创新需要持续的投入',
    '持续投入，要稳定基础研究的经费来源，',
    '让科研人员能够安心钻研。',
  ];

  it('keeps a subhead with no byline or report opener under it inside its article', () => {
    const articles = segmentPageText(OPINION.join('\n'));
    expect(articles.map((a) => a.title)).toEqual(['让创新成为发展的第一动力']);
    expect(articles[0]?.paragraphs).toContain('创新需要良好的环境');
  });

  it('starts a new article at a headline with a report opener under it', () => {
    const text = [...OPINION, '', '城市公交线路优化调整', '本报讯 记者昨日从市交通部门获悉，', '多条公交线路将优化调整。'].join('\n');
    expect(segmentPageText(text).map((a) => a.title)).toEqual(['让创新成为发展的第一动力', '城市公交线路优化调整']);
  });

  it('takes a name alone between paragraphs for the byline, not for a new article', () => {
    const text = ['让创新成为发展的第一动力', '', '创新是引领发展的第一动力，这一判断已', '经成为社会的普遍共识。', '', '王明远', '', '营造良好环境，要完善激励机制，让各类', '人才的创造活力竞相迸发。'].join('\n');
    const articles = segmentPageText(text);
    expect(articles.map((a) => [a.title, a.byline])).toEqual([['让创新成为发展的第一动力', '王明远']]);
  });

  it('closes an article at an author note broken over lines, so the next headline starts one', () => {
    const text = [...OPINION, '（作者为某大学经济学院', '教授）', '', '读书贵在持之以恒', '读书不能一曝十寒，而要日积月累，这是', '很多人都明白的道理。'].join('\n');
    const articles = segmentPageText(text);
    expect(articles.map((a) => a.title)).toEqual(['让创新成为发展的第一动力', '读书贵在持之以恒']);
    expect(articles[1]?.paragraphs.join('')).not.toContain('教授）');
  });

  it('does not take a short line of numbers or an address for a headline', () => {
    const text = ['让创新成为发展的第一动力', '', '创新是引领发展的第一动力，这一判断已', '经成为社会的普遍共识。', '', '邮箱：abc@163.com', '', '营造良好环境，要完善激励机制，让各类', '人才的创造活力竞相迸发。'].join('\n');
    expect(segmentPageText(text).map((a) => a.title)).toEqual(['让创新成为发展的第一动力']);
  });

  it('starts a new article at a headline standing alone that cuts a sentence in two', () => {
    const text = [...OPINION.slice(0, 5), '营造良好环境，要完善激励机制，让各类', '', '读书贵在持之以恒', '', '读书不能一曝十寒，而要日积月累，这是', '很多人都明白的道理。'].join('\n');
    expect(segmentPageText(text).map((a) => a.title)).toEqual(['让创新成为发展的第一动力', '读书贵在持之以恒']);
  });
});

describe('segmentPage: page labels and single glyphs are no headlines', () => {
  it('reads a page label with the section name run on (`7理论`) as the page label', () => {
    const page = segmentPage(['7理论', '', '读书贵在持之以恒', '', '读书不能一曝十寒，而要日积月累，这是', '很多人都明白的道理。'].join('\n'));
    expect(page.header.page).toBe(7);
    expect(page.articles.map((a) => a.title)).toEqual(['读书贵在持之以恒']);
  });

  it('does not take a line of one character (a name set vertically) for a headline', () => {
    // A page whose first article's title came out elsewhere: its author's name, one glyph a line.
    const text = ['杨', '', '书读百遍，其义自见，说的也是这个道理，', '贵在坚持不懈。', '', '读书贵在持之以恒', '王明远', '读书不能一曝十寒，而要日积月累，这是', '很多人都明白的道理。'].join('\n');
    expect(segmentPageText(text).map((a) => a.title)).toEqual(['', '读书贵在持之以恒']);
  });
});

describe('segmentPage: report openers and bylines that name the outlet', () => {
  it('reads a byline whose role follows the outlet name, and keeps a short 某某报讯 line out of the headlines', () => {
    const text = [
      '城市公交线路优化调整',
      '东江日报记者 陈立新',
      '东江日报讯 日前记者',
      '从市交通部门获悉，多条公交线路将优化调整，',
      '方便市民出行。',
    ].join('\n');
    const articles = segmentPageText(text);
    expect(articles.map((a) => [a.title, a.byline])).toEqual([['城市公交线路优化调整', '东江日报记者 陈立新']]);
    expect(articles[0]?.paragraphs.join('')).toContain('东江日报讯');
  });
});

describe('segmentPage: a lone line over a byline', () => {
  it('takes an untitled article made of one short unpunctuated line for the headline of the byline under it', () => {
    const text = [
      '“一站式”服务让群众少跑腿',
      '',
      '东江日报记者 陈立新',
      '近年来，市政务服务中心推行一窗受理，',
      '群众办事更加方便快捷。',
    ].join('\n');
    // The headline is as wide as the column, so the line alone does not look like one.
    const articles = segmentPageText(text.replace('“一站式”服务让群众少跑腿', '“一站式”服务让群众少跑腿少跑路少排队'));
    expect(articles.map((a) => [a.title, a.byline])).toEqual([['“一站式”服务让群众少跑腿少跑路少排队', '东江日报记者 陈立新']]);
  });
});

describe('segmentPage: a name alone at the top of a page', () => {
  it('reads a bare name over the first paragraphs as the byline of an untitled article, not as its title', () => {
    const text = ['王明远', '', '创新是引领发展的第一动力，这一判断已', '经成为社会的普遍共识。'].join('\n');
    expect(segmentPageText(text).map((a) => [a.title, a.byline])).toEqual([['', '王明远']]);
  });
});

describe('segmentPage: credits and table cells are no headlines', () => {
  const ARTICLE = ['读书贵在持之以恒', '王明远', '读书不能一曝十寒，而要日积月累，这是', '很多人都明白的道理。', ''];

  it('does not open an article at a picture credit, even with a report opener under it', () => {
    const text = [...ARTICLE, '市图书馆供图', '本报讯 记者昨日从市图书馆获悉，全民', '阅读活动将持续到月底。'].join('\n');
    expect(segmentPageText(text).map((a) => a.title)).toEqual(['读书贵在持之以恒']);
  });

  it('does not open an article at a table cell of figures over a place name', () => {
    const text = [...ARTICLE, '13~1', '阜宁', '', '书读百遍，其义自见，说的也是这个道理，', '贵在坚持不懈。'].join('\n');
    expect(segmentPageText(text).map((a) => a.title)).toEqual(['读书贵在持之以恒']);
  });
});

describe('segmentPage: headlines broken at their colon, decks, wide headlines over a byline', () => {
  const BODY = ['创新是引领发展的第一动力，这一判断已', '经成为社会的普遍共识，各地都在行动。', '营造良好环境，要完善激励机制，让各类', '人才的创造活力竞相迸发，成果不断涌现。'];

  it('joins a line starting with a colon to the short line above and drops the lead-in printed twice', () => {
    const text = ['新动能：', '新动能', '：创新驱动引领发展', '王明远', '', ...BODY].join('\n');
    expect(segmentPageText(text).map((a) => [a.title, a.byline])).toEqual([['新动能：创新驱动引领发展', '王明远']]);
  });

  it('keeps the section headings listed under a headline and its byline in the same article', () => {
    const text = ['让创新成为发展的第一动力', '王明远', '', '营造良好环境', '', '持续加大投入', '', ...BODY].join('\n');
    expect(segmentPageText(text).map((a) => [a.title, a.byline])).toEqual([['让创新成为发展的第一动力', '王明远']]);
  });

  it('takes a line as wide as the column, standing alone with a byline right under it, for a headline', () => {
    const text = ['', '让创新成为推动高质量发展的第一动力', '王明远', '', ...BODY].join('\n');
    expect(segmentPageText(text).map((a) => [a.title, a.byline])).toEqual([['让创新成为推动高质量发展的第一动力', '王明远']]);
  });
});
