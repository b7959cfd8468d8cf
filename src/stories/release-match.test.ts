import { describe, expect, it } from 'vitest';
import { buildEventProfile, compareEventProfiles } from './event-profile.js';
import { decideMatch, DEFAULT_MATCH_OPTIONS, type MatchScores } from './match.js';

// Invented release texts (not corpus text): one outlet appends the tables, the other commentary.
const tables = '1-10月份，某产品产量1234.5万吨，同比增长7.8%；出口额567.8亿元，增长12.3%；库存345.6万吨。附表：一、产量分地区情况……';
const commentary = '统计局发布数据显示，1-10月份某产品产量1234.5万吨，增长7.8%，出口额567.8亿元，增长12.3%。首席统计师解读称，库存345.6万吨，需求回暖。';
const nextMonth = '1-11月份，某产品产量1388.2万吨，同比增长7.5%；出口额631.4亿元，增长11.9%；库存352.1万吨。附表：一、产量分地区情况……';
const otherIndicator = '1-10月份，全国固定资产投资4455.6亿元，同比增长6.1%；民间投资2233.4亿元，增长8.8%。';

const scoresOf = (a: string, b: string): MatchScores => ({
  jaccard: 0.1,
  articleInRep: 0.1,
  repInArticle: 0.1,
  event: compareEventProfiles(buildEventProfile('', a), buildEventProfile('', b)),
});

describe('same-release path', () => {
  it('joins two reports of one release that share its decimal figures', () => {
    const s = scoresOf(tables, commentary);
    expect(s.event.sharedDecimalFigures).toBeGreaterThanOrEqual(4);
    expect(decideMatch(s, 2000, 2000, true, DEFAULT_MATCH_OPTIONS)).toMatchObject({ kind: 'join', reason: 'release' });
  });
  it('not outside the event window', () => {
    expect(decideMatch(scoresOf(tables, commentary), 2000, 2000, false, DEFAULT_MATCH_OPTIONS).kind).not.toBe('join');
  });
  it('keeps next month of the same series and another indicator of the same day apart', () => {
    expect(decideMatch(scoresOf(tables, nextMonth), 2000, 2000, true, DEFAULT_MATCH_OPTIONS).kind).not.toBe('join');
    expect(decideMatch(scoresOf(tables, otherIndicator), 2000, 2000, true, DEFAULT_MATCH_OPTIONS).kind).not.toBe('join');
  });
});
