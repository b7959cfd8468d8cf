import { describe, expect, it } from 'vitest';
import { StoryClusterer } from './cluster.js';
import { storyIdFor } from './story-id.js';
import { MemoryStoryRepository } from './story-state.js';

const at = (hhmm: string, day = '2023-03-01'): string => `${day}T${hhmm}:00+08:00`;
const report = [
  '本市今日召开年度工作会议，会议总结了全年工作成绩，部署了明年的重点任务。',
  '会议指出，全年新增就业岗位十二万个，城镇调查失业率控制在百分之五以内，完成年度目标。',
  '会议强调，要持续优化营商环境，推动重点项目早开工、早见效，全年计划新开工项目三百个。',
].join('\n\n');

function clusterer(): { c: StoryClusterer; repo: MemoryStoryRepository } {
  const repo = new MemoryStoryRepository();
  return { c: new StoryClusterer({ repository: repo }), repo };
}

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
