import { describe, expect, it } from 'vitest';
import { fingerprintText, minHashSignature, shingleSet } from './fingerprint.js';
import { toFingerprintText } from './normalize.js';
import { estimateJaccard, exactJaccard } from './similarity.js';

const base = '本市今日召开年度工作会议，会议总结了全年工作成绩，部署了明年的重点任务。会议指出，全年新增就业岗位十二万个，完成年度目标。';

describe('shingleSet', () => {
  it('gives the distinct 4-grams, sorted', () => {
    const set = shingleSet('人民币升值人民币升值');
    expect(set.length).toBe(5);
    expect([...set]).toEqual([...set].sort((a, b) => a - b));
  });
  it('keeps a text shorter than n as one shingle', () => {
    expect(shingleSet('升值').length).toBe(1);
  });
});

describe('fingerprintText', () => {
  it('ignores punctuation, spacing and width when hashing', () => {
    const a = fingerprintText('会议指出：全年新增就业１２万个。');
    const b = fingerprintText('会议指出 全年新增就业12万个');
    expect(a.exactHash).toBe(b.exactHash);
    expect(Array.from(a.signature)).toEqual(Array.from(b.signature));
  });
  it('hashes each paragraph', () => {
    const fp = fingerprintText('第一段内容。\n\n第二段内容！\n\n第一段内容');
    expect(fp.paragraphHashes).toHaveLength(3);
    expect(fp.paragraphHashes[0]).toBe(fp.paragraphHashes[2]);
    expect(fp.paragraphHashes[0]).toMatch(/^[0-9a-f]{16}$/);
    expect(fp.paragraphLengths).toEqual([5, 5, 5]);
    expect(fp.length).toBe(15);
  });
  it('produces 128 values and is deterministic', () => {
    const a = minHashSignature(base);
    expect(a).toHaveLength(128);
    expect(Array.from(minHashSignature(base))).toEqual(Array.from(a));
  });
  it('estimates Jaccard close to the exact value', () => {
    const edited = base.replace('十二万个', '十三万个').replace('部署了明年的重点任务', '部署了明年工作');
    const exact = exactJaccard(shingleSet(base), shingleSet(edited));
    const estimate = estimateJaccard(minHashSignature(base), minHashSignature(edited));
    expect(Math.abs(exact - estimate)).toBeLessThan(0.15);
  });
  it('counts distinct shingles exactly', () => {
    const long = Array.from({ length: 40 }, (_, i) => `${base}${i}`).join('\n');
    for (const t of [base, long, '升值升值升值升值']) {
      expect(fingerprintText(t).shingleCount).toBe(shingleSet(toFingerprintText(t)).length);
    }
  });
  it('an empty text has an empty fingerprint', () => {
    const fp = fingerprintText('');
    expect(fp.length).toBe(0);
    expect(fp.shingleCount).toBe(0);
    expect(fp.paragraphHashes).toEqual([]);
  });
});
