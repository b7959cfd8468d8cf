/**
 * 人民邮电报 (People's Posts and Telecommunications News), as republished through
 * Eastmoney's per-outlet feed (`renminyoudianbao`, 人民邮电报新闻).
 */
import { eastmoneyMarkup } from './eastmoney.js';
import type { Outlet } from './types.js';
import { SHANGHAI_ZONE } from '../util/shanghai-time.js';

/** 人民邮电报. */
export const renminyoudianbao: Outlet = {
  key: 'renminyoudianbao',
  name: '人民邮电报',
  aliases: ['renminyoudianbao', '人民邮电报新闻', '人民邮电报'],
  hosts: ['cnii.com.cn'],
  timeZone: SHANGHAI_ZONE,
  ...eastmoneyMarkup,
  print: { titleCodes: ['RMYDB'] },
  dropParagraphPatterns: [],
  provenancePatterns: [],
  example: {
    fixture:
      '<p>　　本报讯 某地通信管理局近日召开了一次虚构的座谈会。</p>' +
      '<p><strong>会议要求加快网络建设。</p><p></strong></p>' +
      '<p class="em_media">（文章来源：人民邮电报）</p>',
  },
};
