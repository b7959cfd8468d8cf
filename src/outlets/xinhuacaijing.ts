/**
 * 新华财经 (Xinhua Finance), as republished through Eastmoney's per-outlet feed
 * (`xinhuacaijing`, 新华财经新闻). Its HTML is often unbalanced (`<p><strong>…</p>…<p></strong>`).
 */
import { eastmoneyMarkup } from './eastmoney.js';
import type { Outlet } from './types.js';
import { SHANGHAI_ZONE } from '../util/shanghai-time.js';

/** 新华财经. */
export const xinhuacaijing: Outlet = {
  key: 'xinhuacaijing',
  name: '新华财经',
  aliases: ['xinhuacaijing', '新华财经新闻', '新华财经'],
  hosts: ['cnfin.com'],
  timeZone: SHANGHAI_ZONE,
  ...eastmoneyMarkup,
  dropParagraphPatterns: [],
  provenancePatterns: [],
  example: {
    fixture:
      '<p><strong>新华财经北京3月2日电（记者 王小明）</p><p>某市今天发布了一份关于小微企业贷款的测试通知。</p>' +
      '<p></strong></p><p class="em_media">（文章来源：新华财经）</p>',
  },
};
