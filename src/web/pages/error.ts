/** Error pages (404, 400, 503, 500) in the site frame, without any internal detail. */
import { html } from '../html.js';
import type { Links } from '../links.js';
import { renderLayout } from './layout.js';

const TITLES: Record<number, string> = { 400: '请求有误', 404: '找不到页面', 503: '暂时不可用', 500: '出错了' };

/** An error page: a title for the status and the (user-facing) message. */
export function renderErrorPage(status: number, message: string, links: Links): string {
  const title = TITLES[status] ?? '出错了';
  const body = html`<h1>${title}</h1><p>${message}</p><p><a href="${links.home()}">返回首页</a></p>`;
  return renderLayout({ title, body, links });
}
