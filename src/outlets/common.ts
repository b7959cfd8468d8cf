/**
 * Cleaning rules that apply to every outlet, before the outlet's own rules.
 * Keys mean the same as in {@link CleaningRules}; patterns are tested against trimmed text.
 */
import type { CleaningRules } from './types.js';

/** Rules every body gets, whatever its outlet. */
export const commonRules: CleaningRules = {
  removeSelectors: [
    'script',
    'style',
    'noscript',
    'template',
    'link',
    'meta',
    'object',
    'embed',
    'form',
    'button',
    'input',
    'select',
    'textarea',
    'title',
    'svg',
    'math',
    'option',
    '[hidden]',
    '[aria-hidden="true"]',
  ],
  unwrapSelectors: ['font'],
  removeCommentRanges: [],
  dropParagraphPatterns: [
    // Navigation lines: 返回首页, [返回东财滚动新闻]｜[返回首页].
    /^[[【]?返回[^\s|｜]{0,12}?[\]】]?(?:[\s|｜]*[[【]?返回[^\s|｜]{0,12}?[\]】]?)*$/u,
    // "Scan the QR code" blurbs.
    /^.{0,40}(?:扫码|扫描|长按|识别).{0,12}二维码.{0,40}$/u,
    // "Download the APP" blurbs.
    /^.{0,30}(?:下载|打开|安装).{0,12}(?:APP|App|app|客户端).{0,30}$/u,
    // "Click to read the original" links.
    /^(?:点击|戳)(?:这里|此处|链接)?(?:查看|阅读)(?:原文|全文|更多).{0,10}$/u,
  ],
  provenancePatterns: [
    { field: 'originalTitle', scope: 'paragraph', pattern: /^原标题[：:]\s*(.{1,120})$/u },
    {
      field: 'source',
      scope: 'paragraph',
      pattern: /^[（(]?\s*(?:文章)?来源[：:]\s*([^（）()]{1,60})[）)]?$/u,
    },
    {
      field: 'editor',
      scope: 'paragraph',
      pattern: /^[（(]?\s*(?:责任编辑|编辑)[：:]\s*([^（）()]{1,40})[）)]?$/u,
    },
    { field: 'author', scope: 'paragraph', pattern: /^[（(]?\s*作者[：:]\s*([^（）()]{1,40})[）)]?$/u },
    {
      field: 'source',
      scope: 'trailing',
      pattern: /[（(]\s*(?:文章)?来源[：:]\s*([^（）()]{1,30})[）)]$/u,
    },
    {
      field: 'source',
      scope: 'trailing',
      pattern: /(?<=[。！？.!?\s])(?:文章)?来源[：:]\s*([^。！？（）()\s]{1,30})$/u,
    },
    {
      field: 'editor',
      scope: 'trailing',
      pattern: /(?<=[。！？.!?\s])(?:责任编辑|编辑)[：:]\s*([^。！？（）()\s]{1,20}(?:\s[A-Z]{1,4}\d{2,})?)$/u,
    },
    // Datelines: 财联社（成都，记者 熊嘉楠）讯, 新华财经北京12月8日电（记者 张三）.
    {
      field: 'reporter',
      scope: 'lead',
      pattern: /[（(][^（）()]{0,20}?记者[\s，,：:]*([^（）()]{1,30})[）)]/u,
    },
    {
      field: 'editor',
      scope: 'lead',
      pattern: /[（(][^（）()]{0,20}?编辑[\s，,：:]*([^（）()]{1,30})[）)]/u,
    },
    {
      field: 'author',
      scope: 'lead',
      pattern: /[（(][^（）()]{0,20}?作者[\s，,：:]*([^（）()]{1,30})[）)]/u,
    },
    // 据新华社消息 / 据彭博社报道: the sentence stays; only used when no other source was found.
    {
      field: 'source',
      scope: 'sentence',
      pattern: /(?:^|(?<=[。！？；\s]))据([^，。；！？,\s]{2,24}?)(?:消息|报道)/u,
    },
  ],
};
