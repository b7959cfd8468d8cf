import { describe, expect, it } from 'vitest';
import { buildChain, type ChainVersion } from './attribution.js';

const v = (outletKey: string, outlet: string, publishedAt: string | null, text: string, source?: string): ChainVersion => ({
  outlet,
  outletKey,
  publishedAt,
  text,
  provenance: source === undefined ? {} : { source },
});

describe('buildChain', () => {
  // The shape of the 2021-12-20 MIIT conference story: 新华财经 credits 工信微报, 新浪 carries
  // 中国网财经's dateline, and a second 新华财经 copy comes later.
  const versions = [
    v('xinhuacaijing', '新华财经', '2021-12-20T20:30:00+08:00', '会议指出，今年以来工业经济运行总体平稳。'),
    v('sina-finance', '新浪财经', '2021-12-20T19:10:00+08:00', '中国网财经12月20日讯 工业和信息化部召开会议。'),
    v('xinhuacaijing', 'xinhuacaijing', '2021-12-20T18:05:00+08:00', '工业和信息化部召开会议。', '工信微报'),
  ];
  it('lists each outlet once by display name, upstream first, with publication times', () => {
    expect(buildChain(versions)).toEqual([
      { name: '工信微报', outletKey: null, publishedAt: null, from: [] },
      { name: '新华财经', outletKey: 'xinhuacaijing', publishedAt: '2021-12-20T18:05:00+08:00', from: ['工信微报'] },
      { name: '中国网财经', outletKey: null, publishedAt: null, from: [] },
      { name: '新浪财经', outletKey: 'sina-finance', publishedAt: '2021-12-20T19:10:00+08:00', from: ['中国网财经'] },
    ]);
  });
  it('a stated source given by outlet key or alias resolves to the display name', () => {
    const chain = buildChain([v('eastmoney', '东方财富', '2021-12-08T10:00:00+08:00', '正文。', 'sina-finance'), v('sina-finance', '新浪财经', '2021-12-08T09:00:00+08:00', '正文。')]);
    expect(chain.map((l) => l.name)).toEqual(['新浪财经', '东方财富']);
  });
  it('an upstream published later still comes first; a cycle does not hang', () => {
    const chain = buildChain([v('a', '甲报', '2021-01-01T08:00:00Z', '乙报1月1日讯 正文。'), v('b', '乙报', '2021-01-01T09:00:00Z', '甲报1月1日讯 正文。')]);
    expect(chain.map((l) => l.name)).toEqual(['甲报', '乙报']);
    expect(buildChain([v('a', '甲报', null, '据乙报消息，正文。'), v('b', '乙报', '2021-01-01T09:00:00Z', '正文。')]).map((l) => l.name)).toEqual(['乙报', '甲报']);
  });
});
