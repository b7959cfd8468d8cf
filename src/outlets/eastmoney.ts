/**
 * 东方财富 (Eastmoney) rolling news, as archived by finews (`emnews`, 东财滚动新闻).
 * Bodies link every stock name to a quote page and embed K-line chart images.
 */
import type { CleaningRules, Outlet } from './types.js';
import { SHANGHAI_ZONE } from '../util/shanghai-time.js';

/**
 * Eastmoney article markup; also used by the per-outlet feeds Eastmoney republishes
 * (新华财经, 人民邮电报), whose bodies come through the same CMS.
 */
export const eastmoneyMarkup: Pick<
  CleaningRules,
  'removeSelectors' | 'unwrapSelectors' | 'removeCommentRanges'
> = {
  removeSelectors: [
    'a.EmImageRemark',
    'img[src*="webquoteklinepic.eastmoney.com"]',
    'span[id^="quote_"]',
    'span[id^="bkquote_"]',
  ],
  unwrapSelectors: [
    'span[id^="stock_"]',
    'span[id^="bk_"]',
    'span[id^="Info."]',
    'a.keytip',
    'a.infokey',
    'span.em_stock_key_common',
  ],
  removeCommentRanges: [{ start: 'EM_StockImg_Start', end: 'EM_StockImg_End' }],
};

/** 东方财富. */
export const eastmoney: Outlet = {
  key: 'eastmoney',
  name: '东方财富',
  aliases: ['emnews', '东财滚动新闻', '东方财富网', 'Eastmoney'],
  hosts: ['eastmoney.com'],
  timeZone: SHANGHAI_ZONE,
  ...eastmoneyMarkup,
  dropParagraphPatterns: [/^郑重声明[：:]/u],
  provenancePatterns: [
    { field: 'reporter', scope: 'trailing', pattern: /[（(]\s*记者[\s：:]*([^（）()]{1,20})[）)]$/u },
    // Short items end with their source in brackets: …（上海证券报） / (东方财富Choice数据).
    {
      field: 'source',
      scope: 'trailing',
      pattern: /[（(]([^（）()\d]{0,18}\p{Script=Han}[^（）()]{0,18})[）)]$/u,
    },
  ],
  example: { corpus: 'jekyll/_posts/-202205262391921712.md' },
};
