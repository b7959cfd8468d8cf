import { compile } from 'css-select';
import { describe, expect, it } from 'vitest';
import { cleanBody } from '../clean/clean-body.js';
import { readArchiveBody } from '../clean/testdata/archive-body.js';
import type { Outlet } from './types.js';
import { commonRules, findOutletByHost, findOutletByName, getOutlet, outlets } from './index.js';
import { validateOutlets } from './validate-outlets.js';

const markers = ['新浪财经APP', '股民福利', '二维码', '返回首页', '责任编辑', '原标题', '<!--', 'display:none', '&#'];

describe('outlet registry invariants', () => {
  it('has unique keys, names, aliases and hosts', () => {
    const unique = (xs: string[]): void => expect(new Set(xs).size).toBe(xs.length);
    unique(outlets.map((o) => o.key));
    unique(outlets.map((o) => o.name));
    unique(outlets.flatMap((o) => o.hosts));
    unique(outlets.flatMap((o) => [o.name, ...o.aliases.filter((a) => a !== o.name)]));
  });
  it.each([
    ['an empty selector list', { body: [] }],
    ['an empty selector', { title: [''] }],
    ['an unknown field', { bodyy: ['#artibody'] }],
  ])('rejects article-page rules with %s', (_what, page) => {
    const bad = { ...outlets[0], page } as unknown as Outlet;
    expect(() => validateOutlets([bad])).toThrow(/invalid outlet .*page/s);
  });
  it('every registered outlet meets the schema', () => {
    expect(validateOutlets(outlets)).toEqual(outlets);
    const badZone = { ...outlets[0], timeZone: 'Asia/Peking' } as unknown as Outlet;
    expect(() => validateOutlets([badZone])).toThrow(/invalid outlet .*timeZone/s);
  });
  it('is sorted by key', () => {
    const keys = outlets.map((o) => o.key);
    expect(keys).toEqual([...keys].sort());
  });
  it.each([...outlets.map((o) => [o.key, o] as const), ['common', commonRules] as const])(
    '%s: every selector parses',
    (_k, rules) => {
      for (const sel of [...rules.removeSelectors, ...rules.unwrapSelectors]) {
        // Cleaning matches these with css-select (clean/boilerplate.ts).
        expect(() => compile(sel), sel).not.toThrow();
      }
    },
  );
  it.each(outlets.map((o) => [o.key, o] as const))('%s: time zone is a valid IANA zone', (_k, o) => {
    expect(() => new Intl.DateTimeFormat('en', { timeZone: o.timeZone })).not.toThrow();
  });
  it.each(outlets.map((o) => [o.key, o] as const))(
    '%s: example goes through cleanBody with no boilerplate left',
    (_k, o) => {
      const raw = 'corpus' in o.example ? readArchiveBody(o.example.corpus) : o.example.fixture;
      const out = cleanBody(raw, { outlet: o });
      expect(out.text.length).toBeGreaterThan(10);
      for (const m of markers) expect(out.text, m).not.toContain(m);
      expect(out.html).not.toMatch(/<!--|display:\s*none|<script|<style/);
      expect(out.text).not.toMatch(/^\u3000/m);
      expect(Object.keys(out.provenance).length).toBeGreaterThan(0);
    },
  );
});

describe('lookups', () => {
  it('getOutlet finds by key', () => {
    expect(getOutlet('cls')?.name).toBe('财联社');
    expect(getOutlet('nope')).toBeUndefined();
  });
  it.each([
    ['emnews', 'eastmoney'],
    ['东财滚动新闻', 'eastmoney'],
    ['东方财富', 'eastmoney'],
    ['新浪财经', 'sina-finance'],
    ['新浪财经－国內', 'sina-finance'],
    ['新浪财经-国內', 'sina-finance'],
    [' 新浪财经－国内 ', 'sina-finance'],
    ['财联社', 'cls'],
    ['ＣＬＳ', 'cls'],
    ['xinhuacaijing', 'xinhuacaijing'],
    ['新华财经新闻', 'xinhuacaijing'],
    ['renminyoudianbao', 'renminyoudianbao'],
    ['人民邮电报新闻', 'renminyoudianbao'],
  ])('findOutletByName(%s) → %s', (name, key) => {
    expect(findOutletByName(name)?.key).toBe(key);
  });
  it.each(['深度', '新浪', '财经', ''])('findOutletByName(%s) finds nothing (no partial match)', (n) => {
    expect(findOutletByName(n)).toBeUndefined();
  });
  it.each([
    ['finance.eastmoney.com', 'eastmoney'],
    ['hk.eastmoney.com', 'eastmoney'],
    ['http://stock.eastmoney.com/news/1611,1.html', 'eastmoney'],
    ['//finance.sina.com.cn/x.shtml', 'sina-finance'],
    ['www.cls.cn', 'cls'],
    ['CLS.CN', 'cls'],
  ])('findOutletByHost(%s) → %s', (host, key) => {
    expect(findOutletByHost(host)?.key).toBe(key);
  });
  it.each(['noteastmoney.com', 'sina.com.cn', 'example.com', 'http://'])('findOutletByHost(%s) finds nothing', (h) => {
    expect(findOutletByHost(h)).toBeUndefined();
  });
});
