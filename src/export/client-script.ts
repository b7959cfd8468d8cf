/**
 * client-script: `assets/search.js`, the static site's search page. Plain ES2018 for any browser,
 * no dependencies, no `eval`, no inline handlers (the pages allow only 'self' scripts). It reads
 * the index global (search-index.ts), parses the query from `location.search`, and renders the
 * results with DOM calls (text is never parsed as HTML).
 *
 * Query language, as on the server where it can be done without the texts: words separated by
 * spaces must all match; `-word` excludes; `outlet:KEY` filters; the `outlet`, `category`,
 * `from` and `to` form fields filter. Ranking: documents whose title holds more query words first,
 * then newer first; one result per story.
 *
 * Loaded without a `document` (tests run it in node:vm) it only defines `window.CaixunSearch`.
 */
import { FINAL_DIGITS, MORE_DIGITS } from './postings.js';
import { MAX_WORD_CHARS } from './search-tokens.js';
import { INDEX_GLOBAL } from './search-index.js';

/** Results per page. */
export const RESULTS_PER_PAGE = 20;

/** The script text. */
export const SEARCH_SCRIPT = `(function () {
'use strict';
var FINAL = '${FINAL_DIGITS}', MORE = '${MORE_DIGITS}', MAX_WORD = ${MAX_WORD_CHARS}, PER_PAGE = ${RESULTS_PER_PAGE};
var HAN = /\\p{Script=Han}/u, WORD = /[\\p{L}\\p{N}]/u;

function normalize(s) { return s.normalize('NFKC').toLowerCase(); }

function runs(s) {
  var out = [], cur = '', curHan = false;
  for (var ch of s) {
    var han = HAN.test(ch), word = han || WORD.test(ch);
    if (!word || (cur !== '' && han !== curHan)) { if (cur !== '') out.push({ han: curHan, text: cur }); cur = ''; }
    if (word) { cur += ch; curHan = han; }
  }
  if (cur !== '') out.push({ han: curHan, text: cur });
  return out;
}

function terms(text) {
  var seen = new Set();
  runs(normalize(text)).forEach(function (r) {
    var chars = Array.from(r.text);
    if (!r.han) { seen.add(chars.slice(0, MAX_WORD).join('')); return; }
    if (chars.length === 1) seen.add(r.text);
    for (var i = 0; i + 1 < chars.length; i++) seen.add(chars[i] + chars[i + 1]);
  });
  return Array.from(seen);
}

function decode(s) {
  var out = [], prev = -1, acc = 0;
  for (var i = 0; i < s.length; i++) {
    var m = MORE.indexOf(s[i]);
    if (m >= 0) { acc = acc * 32 + m; continue; }
    prev = prev + 1 + acc * 32 + FINAL.indexOf(s[i]);
    out.push(prev);
    acc = 0;
  }
  return out;
}

// A front-coded Han entry (see search-index.ts) as [[second character or '', postings], ...].
function splitHan(value) {
  var out = [], suffix = '', enc = '';
  for (var ch of value) {
    if (ch.charCodeAt(0) < 128) { enc += ch; continue; }
    if (suffix !== '' || enc !== '') out.push([suffix, enc]);
    suffix = ch;
    enc = '';
  }
  if (suffix !== '' || enc !== '') out.push([suffix, enc]);
  return out;
}

function Searcher(index) {
  this.index = index;
  this.cache = new Map();
  this.hanCache = new Map();
  this.endingWith = null;
}
Searcher.prototype.hanEntry = function (first) {
  if (!this.hanCache.has(first)) {
    var has = Object.prototype.hasOwnProperty.call(this.index.han, first);
    this.hanCache.set(first, new Map(has ? splitHan(this.index.han[first]) : []));
  }
  return this.hanCache.get(first);
};
Searcher.prototype.postings = function (term) {
  if (!this.cache.has(term)) {
    var chars = Array.from(term), enc = '';
    if (HAN.test(chars[0])) enc = this.hanEntry(chars[0]).get(chars.length > 1 ? chars[1] : '') || '';
    else if (Object.prototype.hasOwnProperty.call(this.index.terms, term)) enc = this.index.terms[term];
    this.cache.set(term, new Set(decode(enc)));
  }
  return this.cache.get(term);
};
// A lone Han character matches wherever it occurs: alone, or first or second in any bigram.
Searcher.prototype.charPostings = function (c) {
  var key = 'char:' + c;
  if (this.cache.has(key)) return this.cache.get(key);
  if (this.endingWith === null) {
    this.endingWith = new Map();
    for (var first in this.index.han) {
      var self0 = this;
      this.hanEntry(first).forEach(function (enc, second) {
        if (second === '') return;
        if (!self0.endingWith.has(second)) self0.endingWith.set(second, []);
        self0.endingWith.get(second).push(enc);
      });
    }
  }
  var all = new Set(), add = function (enc) { decode(enc).forEach(function (n) { all.add(n); }); };
  this.hanEntry(c).forEach(add);
  (this.endingWith.get(c) || []).forEach(add);
  this.cache.set(key, all);
  return all;
};
function intersect(a, b) {
  if (a === null) return new Set(b);
  var out = new Set();
  a.forEach(function (n) { if (b.has(n)) out.add(n); });
  return out;
}
// Documents holding every run of one query word (null when the word has no searchable run).
Searcher.prototype.matchWord = function (word) {
  var set = null, self = this;
  runs(normalize(word)).forEach(function (r) {
    var chars = Array.from(r.text);
    if (!r.han) { set = intersect(set, self.postings(chars.slice(0, MAX_WORD).join(''))); return; }
    if (chars.length === 1) { set = intersect(set, self.charPostings(r.text)); return; }
    for (var i = 0; i + 1 < chars.length; i++) set = intersect(set, self.postings(chars[i] + chars[i + 1]));
  });
  return set;
};

function parseQuery(q) {
  var out = { words: [], not: [], outlet: '' };
  (q.match(/"[^"]*"|\\S+/g) || []).forEach(function (tok) {
    if (/^outlet:/i.test(tok)) { out.outlet = tok.slice(7); return; }
    var neg = tok.length > 1 && tok[0] === '-';
    var w = (neg ? tok.slice(1) : tok).replace(/"/g, '');
    if (runs(normalize(w)).length === 0) return;
    (neg ? out.not : out.words).push(w);
  });
  return out;
}

// Results for a query and filters: [{ doc, n, hits, also }], one per page (story), best first.
Searcher.prototype.search = function (q, filters) {
  filters = filters || {};
  var idx = this.index, query = parseQuery(q), self = this, set = null;
  if (query.words.length === 0) return [];
  query.words.forEach(function (w) { var m = self.matchWord(w); if (m !== null) set = intersect(set, m); });
  query.not.forEach(function (w) { var m = self.matchWord(w); if (m !== null) m.forEach(function (n) { set.delete(n); }); });
  var outlet = filters.outlet || query.outlet, category = filters.category || '';
  var from = filters.from || '', to = filters.to || '';
  var cat = category === '' ? -1 : idx.categories.indexOf(category);
  var wanted = query.words.map(normalize);
  var list = [];
  set.forEach(function (n) {
    var d = idx.docs[n];
    if (outlet && idx.outlets[d[2]][0] !== outlet) return;
    if (category && d[4].indexOf(cat) < 0) return;
    var day = d[3].slice(0, 10);
    if ((from && (day === '' || day < from)) || (to && (day === '' || day > to))) return;
    var title = normalize(d[0]), hits = 0;
    wanted.forEach(function (w) { if (title.indexOf(w) >= 0) hits++; });
    list.push({ doc: d, n: n, hits: hits });
  });
  list.sort(function (a, b) { return b.hits - a.hits || a.n - b.n; });
  var byPage = new Map(), out = [];
  list.forEach(function (r) {
    var first = byPage.get(r.doc[1]);
    if (first) { first.also++; return; }
    r.also = 0;
    byPage.set(r.doc[1], r);
    out.push(r);
  });
  return out;
};

function highlight(text, words) {
  var frag = document.createDocumentFragment();
  var parts = [];
  words.forEach(function (w) { runs(normalize(w)).forEach(function (r) { parts.push(r.text); }); });
  if (parts.length === 0) { frag.appendChild(document.createTextNode(text)); return frag; }
  var re = new RegExp('(' + parts.map(function (p) { return p.replace(/[.*+?^$()|[\\]{}\\\\]/g, '\\\\$&'); }).join('|') + ')', 'giu');
  text.split(re).forEach(function (piece, i) {
    if (piece === '') return;
    if (i % 2 === 1) { var m = document.createElement('mark'); m.textContent = piece; frag.appendChild(m); }
    else frag.appendChild(document.createTextNode(piece));
  });
  return frag;
}

function el(tag, attrs, children) {
  var e = document.createElement(tag);
  Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
  (children || []).forEach(function (c) { e.appendChild(typeof c === 'string' ? document.createTextNode(c) : c); });
  return e;
}

function render(root, searcher, params) {
  var idx = searcher.index, q = params.get('q') || '';
  var filters = { outlet: params.get('outlet') || '', category: params.get('category') || '', from: params.get('from') || '', to: params.get('to') || '' };
  var page = Math.max(1, parseInt(params.get('page') || '1', 10) || 1);
  while (root.firstChild) root.removeChild(root.firstChild);
  if (q.trim() === '') return;
  var results = searcher.search(q, filters), words = parseQuery(q).words;
  var pages = Math.max(1, Math.ceil(results.length / PER_PAGE));
  page = Math.min(page, pages);
  root.appendChild(el('p', { class: 'meta' }, ['共 ' + results.length + ' 条报道' + (pages > 1 ? '，第 ' + page + '/' + pages + ' 页' : '')]));
  var ol = el('ol', { class: 'river results' });
  results.slice((page - 1) * PER_PAGE, page * PER_PAGE).forEach(function (r) {
    var d = r.doc, o = idx.outlets[d[2]];
    var title = el('a', { class: 'title', href: d[1] + '.html' }, [highlight(d[0] || '（无标题）', words)]);
    var meta = el('div', { class: 'meta' }, [el('a', { href: o[2] + '.html' }, [o[1]])]);
    if (d[3]) meta.appendChild(el('time', { datetime: d[3] }, [' ' + d[3].replace('T', ' ')]));
    if (r.also > 0) meta.appendChild(document.createTextNode(' · 另有 ' + r.also + ' 个版本'));
    ol.appendChild(el('li', { class: 'result' }, [title, meta, el('p', { class: 'snippet' }, [highlight(d[5], words)])]));
  });
  root.appendChild(ol);
  if (pages > 1) {
    var nav = el('nav', { class: 'pager' });
    var link = function (p, label, rel) { var u = new URLSearchParams(params); u.set('page', String(p)); return el('a', { href: '?' + u.toString(), rel: rel }, [label]); };
    nav.appendChild(page > 1 ? link(page - 1, '← 上一页', 'prev') : el('span'));
    if (page < pages) nav.appendChild(link(page + 1, '下一页 →', 'next'));
    root.appendChild(nav);
  }
}

function start() {
  var root = document.getElementById('search-results');
  var index = window.${INDEX_GLOBAL};
  if (!root) return;
  if (!index) { root.appendChild(el('p', { class: 'bad' }, ['搜索索引没有加载。'])); return; }
  var params = new URLSearchParams(window.location.search);
  var q = params.get('q') || '';
  Array.prototype.forEach.call(document.querySelectorAll('input[name]'), function (input) {
    var v = params.get(input.name);
    if (v !== null) input.value = v;
  });
  if (q !== '') {
    var h1 = document.querySelector('main h1');
    if (h1) h1.textContent = '搜索：' + q;
    document.title = '搜索：' + q + ' · ' + document.title.replace(/^.*· /, '');
  }
  render(root, new Searcher(index), params);
}

window.CaixunSearch = { normalize: normalize, runs: runs, terms: terms, decode: decode, splitHan: splitHan, parseQuery: parseQuery, Searcher: Searcher };
if (typeof document !== 'undefined') {
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
}
})();
`;
