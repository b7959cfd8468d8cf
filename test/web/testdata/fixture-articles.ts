/**
 * Articles of our own for the web tests (invented text, not corpus text): a pair of reports of
 * the same meeting three weeks apart (the clusterer links them as related stories), and an XSS
 * corpus: bodies, titles, links and metadata carrying script in every form we know of. They are
 * stored through the real store unsanitised, so only render-time sanitising stands between them
 * and the browser.
 */
import type { Article } from '../../../src/model/article.js';
import { makeArticle } from '../../support/make-article.js';

const REPORT = [
  '某市召开数字经济发展推进会，会议总结了前一阶段千兆光网建设和工业互联网平台培育的进展。',
  '会议指出，全市已累计建成5G基站一万两千余个，规上工业企业数字化改造覆盖率达到百分之六十三。',
  '会议要求，下一步要加快培育专精特新企业，推动更多企业成长为小巨人，并完善数据要素市场规则。',
  '会议还部署了网络安全、人才引进和营商环境等方面的重点工作，明确了各部门的责任分工和时间表。',
].join('\n\n');

const paragraphsHtml = (text: string): string => text.split('\n\n').map((p) => `<p>${p}</p>`).join('');

/** The same report on 1 and 20 March: two stories, linked as related. */
export const relatedPair: Article[] = [
  makeArticle({
    id: 'webtest:related-1',
    outlet: '网页测试日报',
    outletKey: 'webtest',
    title: '某市召开数字经济发展推进会',
    url: 'https://example.org/webtest/related-1.html',
    publishedAt: '2023-03-01T09:00:00+08:00',
    categories: ['网页测试'],
    html: paragraphsHtml(REPORT),
    text: REPORT,
  }),
  makeArticle({
    id: 'webtest:related-2',
    outlet: '网页测试日报',
    outletKey: 'webtest',
    title: '某市再次召开数字经济发展推进会',
    url: 'https://example.org/webtest/related-2.html',
    publishedAt: '2023-03-20T09:00:00+08:00',
    categories: ['网页测试'],
    html: paragraphsHtml(REPORT),
    text: REPORT,
  }),
];

/**
 * A reprint of the first report by another outlet on the same morning, with one figure changed
 * (一万两千 → 一万三千) and one paragraph added: it joins the first story as a second version.
 */
export const reprint: Article = makeArticle({
  id: 'webcopy:related-1',
  outlet: '网页转载网',
  outletKey: 'webcopy',
  title: '数字经济发展推进会召开',
  url: 'https://example.net/webcopy/1.html',
  publishedAt: '2023-03-01T11:00:00+08:00',
  categories: ['网页测试'],
  html: paragraphsHtml(`${REPORT.replace('一万两千', '一万三千')}\n\n（本文来自网页测试日报）`),
  text: `${REPORT.replace('一万两千', '一万三千')}\n\n（本文来自网页测试日报）`,
});

/** Markup that must never run: each is one article body. */
export const XSS_BODIES: readonly string[] = [
  '<script>alert("script")</script><p>正文一</p>',
  '<p>图片<img src="x" onerror="alert(\'onerror\')"></p>',
  '<p><a href="javascript:alert(\'js-url\')">点击</a></p>',
  '<p><a href="jav&#x09;ascript:alert(\'js-url-tab\')">点击</a></p>',
  '<svg onload="alert(\'svg\')"><circle r="1"></circle></svg><p>矢量</p>',
  '<iframe src="javascript:alert(\'iframe\')"></iframe><p>框架</p>',
  '<iframe srcdoc="<script>alert(\'srcdoc\')</script>"></iframe>',
  '<body onload="alert(\'body\')"><p>主体</p></body>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert("mxss")>',
  '<object data="javascript:alert(\'object\')"></object><embed src="javascript:alert(\'embed\')">',
  '<form action="javascript:alert(\'form\')"><button>提交</button></form>',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(\'meta\')">',
  '<style>body{background:url("javascript:alert(\'style\')")}</style><div style="background:url(javascript:alert(1))">样式</div>',
  '<input autofocus onfocus="alert(\'focus\')"><details open ontoggle="alert(\'toggle\')"><summary>摘要</summary></details>',
  '<video><source onerror="alert(\'video\')"></video><audio src="x" onerror="alert(\'audio\')"></audio>',
  '<noscript><p title="</noscript><img src=x onerror=alert(\'noscript\')>"></p></noscript>',
  '<base href="javascript:alert(\'base\')//"><a href="/relative">相对链接</a>',
  '<a href="data:text/html,<script>alert(\'data-url\')</script>">数据链接</a>',
  '<p>文字 &lt;script&gt;alert("escaped")&lt;/script&gt; 与 <b onclick="alert(\'click\')">粗体</b></p>',
  '<img src="data:image/svg+xml,<svg xmlns=%22http://www.w3.org/2000/svg%22 onload=%22alert(1)%22/>"><p>数据图片</p>',
  '<template><script>alert("template")</script></template><p>模板</p>',
  '<a href="https://example.org/" target="_blank" onmouseover="alert(\'hover\')">外链</a>',
];

/** Plain text that looks like markup, used in titles and metadata. */
const XSS_TEXT = '"><script>alert("title")</script><img src=x onerror=alert("attr")>';

/** One article per XSS body; titles, outlet, url, categories, tags, provenance and digest attack too. */
export const xssArticles: Article[] = XSS_BODIES.map((body, i) =>
  makeArticle({
    id: `xsstest:${i + 1}`,
    outlet: `跨站测试<script>alert("outlet")</script>`,
    outletKey: 'xsstest',
    title: `跨站脚本测试${i + 1} ${XSS_TEXT}`,
    url: i % 2 === 0 ? 'javascript:alert("url")' : `https://example.org/xss/${i + 1}?a="><script>alert(1)</script>`,
    // A month apart each: separate stories (same wording weeks apart is related, never merged).
    publishedAt: `${2024 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}-15T10:00:00+08:00`,
    categories: ['跨站测试', XSS_TEXT],
    tags: [XSS_TEXT],
    html: body,
    text: `跨站脚本测试第${i + 1}篇，独有词语跨站${i + 1}号样本。\n\n${XSS_TEXT}`,
    provenance: { source: XSS_TEXT, editor: '<img src=x onerror=alert("editor")>', originalTitle: XSS_TEXT },
    digest: XSS_TEXT,
  }),
);
