import { describe, expect, it } from 'vitest';
import { COUNT_UNITS, QUALIFIERS_AFTER, QUALIFIERS_BEFORE, SUBJECT_SYNONYMS, TIME_UNITS, UNIT_RULES, USER_DICT } from './lexicon.js';

describe('lexicon invariants', () => {
  it('unit rules are longest first, unique, and multipliers are powers of ten', () => {
    const texts = UNIT_RULES.map((r) => r.text);
    expect(new Set(texts).size).toBe(texts.length);
    for (let i = 1; i < UNIT_RULES.length; i++) expect(UNIT_RULES[i - 1]!.text.length).toBeGreaterThanOrEqual(UNIT_RULES[i]!.text.length);
    for (const r of UNIT_RULES) expect(Math.log10(r.multiplier) % 1).toBe(0);
  });

  it.each([
    ['万吨', '吨', 1e4],
    ['亿元', '元', 1e8],
    ['万亿元', '元', 1e12],
    ['个百分点', '个百分点', 1],
    ['百分点', '个百分点', 1],
    ['人民币', '元', 1],
    ['万', '', 1e4],
  ])('%s is stored as %s × %d', (text, unit, multiplier) => {
    expect(UNIT_RULES.find((r) => r.text === text)).toEqual({ text, unit, multiplier });
  });

  it('every count and time unit is a unit', () => {
    const units = new Set(UNIT_RULES.map((r) => r.unit));
    for (const u of [...COUNT_UNITS, ...TIME_UNITS]) expect(units.has(u)).toBe(true);
  });

  it('qualifiers are listed longest first so 超过 wins over 超', () => {
    // before the number: matched with endsWith; after it: with startsWith
    for (const [list, clash] of [
      [QUALIFIERS_BEFORE, (longer: string, w: string) => longer.endsWith(w)],
      [QUALIFIERS_AFTER, (longer: string, w: string) => longer.startsWith(w)],
    ] as const) {
      const words = list.map(([w]) => w);
      expect(new Set(words).size).toBe(words.length);
      for (const [i, w] of words.entries()) for (const later of words.slice(i + 1)) expect(later !== w && clash(later, w)).toBe(false);
    }
  });

  it('the user dictionary is "word frequency tag" per line and synonyms change something', () => {
    for (const line of USER_DICT.split('\n')) expect(line).toMatch(/^\S+ \d+ [a-z]+$/);
    for (const [variant, canonical] of SUBJECT_SYNONYMS) expect(variant).not.toBe(canonical);
  });
});
