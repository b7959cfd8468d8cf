import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractFigures } from './figures.js';

/** The definition the one-pass scanner must equal (the first version, written as regexes). */
function referenceFigures(text: string): string[] {
  const out = new Set<string>();
  for (const m of text.normalize('NFKC').matchAll(/(\d+(?:[.,]\d+)*)(\s*)(\S?)/gu)) {
    const raw = m[1] ?? '';
    const next = m[3] ?? '';
    if (/^[年月日时分秒号期批届次]$/u.test(next)) continue;
    if (next === ':' && /^\d{1,2}$/.test(raw)) continue;
    const [intPart = '', frac] = raw.replace(/,/g, '').split('.', 2);
    const int = intPart.replace(/^0+(?=\d)/, '');
    const value = frac === undefined ? int : `${int}.${frac}`;
    if (value.replace('.', '').replace(/^0+/, '').length < 3) continue;
    out.add(/^\p{L}$/u.test(next) && m[2] === '' ? `${value}${next}` : value);
  }
  return [...out].sort();
}

describe('extractFigures', () => {
  it.each([
    ['12月8日，离岸人民币升至6.3512，港交所(00388.HK)目标价574港元', ['388', '574港', '6.3512']],
    ['以222票支持、212票反对通过', ['212票', '222票']],
    ['2021年累计上涨30%，10:30报12元', []],
    ['成交额1,234.5亿元', ['1234.5亿']],
  ])('%s', (text, expected) => {
    expect(extractFigures(text)).toEqual(expected);
  });
});

describe('extractFigures equals its regular-expression definition', () => {
  const alphabet = [...'0123456789000.,.,: \u3000\u00a0\n', ...'年月日港元亿票%aZé', '１', '，', '\ud840\udc00', '①'];
  it('on random number-heavy text', () => {
    const texts = fc.array(fc.constantFrom(...alphabet), { maxLength: 40 }).map((cs) => cs.join(''));
    fc.assert(
      fc.property(texts, (text) => {
        expect(extractFigures(text)).toEqual(referenceFigures(text));
      }),
      { numRuns: 3000 },
    );
  });
  it('on random text of the one-pass fast path (no code unit that needs NFKC tables)', () => {
    const direct = [...'0123456789000.,.,: \u3000\n', ...'年月日港元亿票%aZ', '１', '０', '．', '，', '÷', '●'];
    const texts = fc.array(fc.constantFrom(...direct), { maxLength: 40 }).map((cs) => cs.join(''));
    fc.assert(
      fc.property(texts, (text) => {
        expect(extractFigures(text)).toEqual(referenceFigures(text));
      }),
      { numRuns: 3000 },
    );
  });
});
