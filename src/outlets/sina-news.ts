/**
 * 新浪新闻 (Sina News, news.sina.com.cn): Sina's general news channel. Its article pages are the
 * same template as 新浪财经's (`#artibody`, `.date-source`), so it shares those page and
 * boilerplate rules; it is its own outlet because readers know it by its own name.
 */
import { sinaFinance } from './sina-finance.js';
import type { Outlet } from './types.js';

/** 新浪新闻. */
export const sinaNews: Outlet = {
  ...sinaFinance,
  key: 'sina-news',
  name: '新浪新闻',
  aliases: ['新浪新闻', '新浪网', 'Sina News'],
  hosts: ['news.sina.com.cn', 'news.sina.cn'],
  // Invented: a body of the shared template with its QR box, notice and editor line.
  example: {
    fixture:
      '<p>　　某市统计局今日发布数据，前三季度地区生产总值同比增长5.2%。</p>' +
      '<div class="appendQr_wrap">扫描二维码，下载新浪财经APP</div>' +
      '<p class="article-notice">新浪声明：此消息系转载自合作媒体</p><p>责任编辑：张三</p>',
  },
};
