/**
 * 财联社 (CLS). Articles open with a dateline naming the reporter or editor,
 * e.g. 财联社（城市，记者 某某）讯; the common lead rules read it.
 */
import type { Outlet } from './types.js';
import { SHANGHAI_ZONE } from '../util/shanghai-time.js';

/** 财联社. */
export const cls: Outlet = {
  key: 'cls',
  name: '财联社',
  // 深度 / 电报 are CLS sections, too generic to identify the outlet alone.
  aliases: ['财联社', 'CLS', 'cailianshe'],
  hosts: ['cls.cn'],
  timeZone: SHANGHAI_ZONE,
  removeSelectors: [],
  unwrapSelectors: [],
  removeCommentRanges: [],
  dropParagraphPatterns: [/^.{0,20}财联社APP.{0,30}$/u],
  provenancePatterns: [],
  example: { corpus: 'hexo/金融/财联社/深度/"铁腕"控价成果显现？飞天茅台市场价一降再降，集团回应.md' },
};
