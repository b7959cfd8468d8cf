import { describe, expect, it } from 'vitest';
import { minHashSignature } from './fingerprint.js';
import { bandKeys, MemoryLshIndex, textKey } from './lsh.js';

const text = '本市今日召开年度工作会议，会议总结了全年工作成绩，部署了明年的重点任务。会议指出，全年新增就业岗位十二万个。';
const k = (...names: string[]): number[] => names.map(textKey);

describe('bandKeys', () => {
  it('cuts 128 hashes into 42 distinct 32-bit keys', () => {
    const keys = bandKeys(minHashSignature(text));
    expect(keys).toHaveLength(42);
    expect(new Set(keys).size).toBe(42);
    expect(Array.from(bandKeys(minHashSignature(text)))).toEqual(Array.from(keys));
  });
  it('gives equal keys for equal bands only', () => {
    const sig = Uint32Array.from({ length: 6 }, (_, i) => i);
    const other = Uint32Array.from([0, 1, 2, 9, 9, 9]);
    const a = bandKeys(sig, { bands: 2, rows: 3 });
    const b = bandKeys(other, { bands: 2, rows: 3 });
    expect(a[0]).toBe(b[0]);
    expect(a[1]).not.toBe(b[1]);
  });
  it('keeps equal rows in different bands apart', () => {
    const keys = bandKeys(new Uint32Array(6), { bands: 2, rows: 3 });
    expect(keys[0]).not.toBe(keys[1]);
  });
  it('rejects more rows than hashes', () => {
    expect(() => bandKeys(new Uint32Array(4), { bands: 2, rows: 3 })).toThrow(/lsh: 2×3/);
  });
});

describe('MemoryLshIndex', () => {
  it('returns ids sharing any key', () => {
    const index = new MemoryLshIndex();
    index.add('a', k('k1', 'k2'));
    index.add('b', k('k2'));
    index.add('a', k('k1'));
    expect([...index.candidates(k('k2'))].sort()).toEqual(['a', 'b']);
    expect([...index.candidates(k('k1', 'k3'))]).toEqual(['a']);
    expect(index.size).toBe(2);
  });
  it('keeps only the newest ids of a crowded key', () => {
    const index = new MemoryLshIndex({ maxPerKey: 2 });
    for (const id of ['a', 'b', 'c']) index.add(id, k('boilerplate'));
    expect(index.candidates(k('boilerplate'))).toEqual(new Set(['b', 'c']));
  });
  it('forgets a removed article under every key', () => {
    const index = new MemoryLshIndex();
    index.add('a', k('k1', 'k2'));
    index.add('b', k('k2'));
    index.remove('a');
    expect(index.candidates(k('k1', 'k2'))).toEqual(new Set(['b']));
    index.add('a', k('k1'));
    expect(index.candidates(k('k1', 'k2'))).toEqual(new Set(['a', 'b']));
  });
});
