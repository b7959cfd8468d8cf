/** 新浪财经 (Sina Finance), as archived by RSSHub-based Hexo sites (`新浪财经－国內`). */
import type { Outlet } from './types.js';
import { SHANGHAI_ZONE } from '../util/shanghai-time.js';

/** 新浪财经. */
export const sinaFinance: Outlet = {
  key: 'sina-finance',
  name: '新浪财经',
  aliases: ['新浪财经', '新浪财经－国內', '新浪财经－国内', 'Sina Finance'],
  hosts: ['finance.sina.cn', 'finance.sina.com.cn'],
  timeZone: SHANGHAI_ZONE,
  removeSelectors: ['.app-kaihu-qr', '.appendQr_wrap', '[class*="appendQr_"]', '.article-notice'],
  unwrapSelectors: [],
  removeCommentRanges: [],
  dropParagraphPatterns: [
    /尽在新浪财经APP$/u,
    /^股民福利/u,
    /^新浪声明[：:]/u,
    /^新浪财经.{0,6}(?:APP|App)/u,
  ],
  provenancePatterns: [],
  page: {
    title: ['h1.main-title'],
    body: ['#artibody', '#article'],
    date: ['.date-source .date', 'span.date'],
    author: ['.show_author'],
    source: ['.date-source .source', 'a.source', 'span.source'],
    remove: ['.appendQr_wrap', '.article-notice', 'script', 'style'],
  },
  example: {
    corpus: 'hexo/金融/新浪财经/新浪财经－国內/1-5月上海市房地产开发投资同比下降180%.md',
  },
};
