import { describe, expect, it } from 'vitest';
import { StoryClusterer, storyIdFor } from './cluster.js';
import { MemoryStoryRepository } from './story-state.js';

const at = (hhmm: string, day = '2023-03-01'): string => `${day}T${hhmm}:00+08:00`;
const report = [
  '本市今日召开年度工作会议，会议总结了全年工作成绩，部署了明年的重点任务。',
  '会议指出，全年新增就业岗位十二万个，城镇调查失业率控制在百分之五以内，完成年度目标。',
  '会议强调，要持续优化营商环境，推动重点项目早开工、早见效，全年计划新开工项目三百个。',
  '会议要求，各部门要压实责任，确保各项任务落到实处，以实际行动迎接新一年的挑战。',
].join('\n\n');
const other = [
  '某省今日发布旅游市场数据，春节假期全省接待游客总量同比增长，旅游收入创历史新高。',
  '数据显示，全省重点景区接待人数较去年同期明显增加，乡村旅游和冰雪旅游成为新的热点。',
].join('\n\n');

function clusterer(): { c: StoryClusterer; repo: MemoryStoryRepository } {
  const repo = new MemoryStoryRepository();
  return { c: new StoryClusterer({ repository: repo }), repo };
}

describe('StoryClusterer', () => {
  it('folds an exact copy, a retitled copy with boilerplate and a trimmed copy into one story', async () => {
    const { c, repo } = clusterer();
    const first = await c.add({ id: 'a', title: '年度工作会议召开', text: report, publishedAt: at('09:00'), outletKey: 'gov' });
    const copy = await c.add({ id: 'b', title: '年度工作会议召开', text: report, publishedAt: at('10:00'), outletKey: 'portal' });
    const retitled = await c.add({ id: 'c', title: '本市部署明年重点任务', text: `${report}\n\n责任编辑：某某\n\n海量资讯、精准解读，尽在某某财经APP`, publishedAt: at('11:00'), outletKey: 'portal2' });
    const trimmed = await c.add({ id: 'd', title: '工作会议', text: report.split('\n\n').slice(0, 2).join('\n\n'), publishedAt: at('12:00'), outletKey: 'paper' });
    const unrelated = await c.add({ id: 'e', title: '春节旅游数据', text: other, publishedAt: at('12:30'), outletKey: 'gov' });
    expect(first).toEqual({ articleId: 'a', storyId: storyIdFor('a'), action: 'new', reason: 'none', relatedIds: [] });
    expect([copy.reason, retitled.reason, trimmed.reason]).toEqual(['exact', 'reprint', 'reprint']);
    expect(new Set([copy.storyId, retitled.storyId, trimmed.storyId])).toEqual(new Set([storyIdFor('a')]));
    expect(unrelated.action).toBe('new');
    const story = repo.get(storyIdFor('a'));
    expect(story?.members.map((m) => m.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(story?.representativeId).toBe('c');
    expect([story?.firstSeen, story?.lastSeen]).toEqual([at('09:00'), at('12:00')]);
  });

  it('joins short flash items by shared figures and wording within hours', async () => {
    const { c } = clusterer();
    const a = await c.add({ id: 'f1', title: '某券商下调某交易所目标价至468元', text: '某券商：下调某交易所目标价至468元，维持买入评级。', publishedAt: at('10:00'), outletKey: 'x' });
    const b = await c.add({ id: 'f2', title: '某券商：某交易所目标价下调至468元', text: '某券商发表报告指，预计某交易所明年增长或放缓，目标价下调至468元。', publishedAt: at('11:00'), outletKey: 'y' });
    const update1 = await c.add({ id: 'n1', title: '外资净流入超30亿元', text: '外资净流入超30亿元。', publishedAt: at('10:10'), outletKey: 'x' });
    const update2 = await c.add({ id: 'n2', title: '外资净流入超40亿元', text: '数据显示，截至目前，外资净流入超40亿元。', publishedAt: at('10:30'), outletKey: 'x' });
    expect([a.action, b.action, b.reason, b.storyId]).toEqual(['new', 'joined', 'event', a.storyId]);
    expect([update1.action, update2.action, update2.storyId]).toEqual(['new', 'joined', update1.storyId]);
  });

  it('keeps the same wording on another day apart (time window) and links it as related', async () => {
    const { c } = clusterer();
    const a = await c.add({ id: 'y1', title: '年度工作会议召开', text: report, publishedAt: at('09:00', '2023-03-01') , outletKey: 'gov' });
    const b = await c.add({ id: 'y2', title: '年度工作会议召开', text: report, publishedAt: at('09:00', '2023-03-20'), outletKey: 'gov' });
    expect(b.action).toBe('new');
    expect(b.relatedIds).toEqual([a.storyId]);
  });

  it('does not glue two stories through a roundup that quotes both', async () => {
    const { c, repo } = clusterer();
    const a = await c.add({ id: 'r1', title: '工作会议', text: report, publishedAt: at('09:00'), outletKey: 'gov' });
    const b = await c.add({ id: 'r2', title: '旅游数据', text: other, publishedAt: at('09:30'), outletKey: 'gov' });
    const roundup = await c.add({ id: 'r3', title: '今日要闻', text: [report, other, '另据报道，多地发布春季招聘计划，岗位数量较去年有所增加。', '此外，某地铁新线路今日开通运营，沿线居民出行更加便利。', '气象部门预计，未来三天本地以多云天气为主，气温逐步回升。', '某博物馆推出春季特展，展出文物两百余件，市民可在线预约参观。', '体育新闻方面，本地球队在主场以二比一战胜对手，取得三连胜。'].join('\n\n'), publishedAt: at('18:00'), outletKey: 'digest' });
    expect(a.storyId).not.toBe(b.storyId);
    expect(repo.storyOf('r1')).not.toBe(repo.storyOf('r2'));
    expect(roundup.storyId === a.storyId || roundup.storyId === b.storyId || roundup.action === 'new').toBe(true);
    expect(repo.get(repo.storyOf('r1') ?? '')?.representativeId).toBe('r1');
  });

  it('is idempotent and deterministic', async () => {
    const run = async (): Promise<string[]> => {
      const { c } = clusterer();
      const ids: string[] = [];
      for (const id of ['a', 'b', 'a']) ids.push((await c.add({ id, title: 't', text: id === 'a' ? report : other, publishedAt: at('09:00'), outletKey: 'o' })).storyId);
      return ids;
    };
    const first = await run();
    expect(await run()).toEqual(first);
    expect(first[2]).toBe(first[0]);
  });
});

describe('story ids', () => {
  it('an earlier member arriving later renames the story; members and related links follow', async () => {
    const { c, repo } = clusterer();
    const late = await c.add({ id: 'b', title: '工作会议', text: report, publishedAt: at('10:00'), outletKey: 'portal' });
    // The same wording three weeks later: a related story, linked to the first one's id.
    const later = await c.add({ id: 'z', title: '工作会议', text: report, publishedAt: at('10:00', '2023-03-22'), outletKey: 'gov' });
    expect(later.relatedIds).toEqual([storyIdFor('b')]);
    const early = await c.add({ id: 'c', title: '工作会议', text: report, publishedAt: at('09:00'), outletKey: 'gov' });
    expect([late.storyId, early.storyId]).toEqual([storyIdFor('b'), storyIdFor('c')]);
    expect(repo.get(storyIdFor('b'))).toBeUndefined();
    expect([repo.storyOf('b'), repo.storyOf('c')]).toEqual([storyIdFor('c'), storyIdFor('c')]);
    expect(repo.get(storyIdFor('c'))?.relatedIds).toEqual([storyIdFor('z')]);
    expect(repo.get(storyIdFor('z'))?.relatedIds).toEqual([storyIdFor('c')]);
  });

  it('a dated member names the story before undated ones; among undated, the smallest id', async () => {
    const { c, repo } = clusterer();
    await c.add({ id: 'u2', title: '会议', text: report, publishedAt: null, outletKey: 'x' });
    expect(repo.storyOf('u2')).toBe(storyIdFor('u2'));
    expect((await c.add({ id: 'u1', title: '会议', text: report, publishedAt: null, outletKey: 'y' })).action).toBe('joined');
    expect(repo.storyOf('u2')).toBe(storyIdFor('u1'));
    expect((await c.add({ id: 'v', title: '会议', text: report, publishedAt: at('09:00'), outletKey: 'z' })).action).toBe('joined');
    expect([repo.storyOf('u1'), repo.storyOf('u2'), repo.storyOf('v')]).toEqual(Array(3).fill(storyIdFor('v')));
  });
});
