import { describe, expect, it } from 'vitest';
import { diffChars, diffVersion } from './diff.js';

describe('diffChars', () => {
  it.each([
    ['接种新冠疫苗', '接种新冠肺炎疫苗', [{ at: 4, from: '', to: '肺炎' }]],
    ['汇率报6.3512', '汇率报6.3565', [{ at: 7, from: '12', to: '65' }]],
    ['全年新增就业十二万个', '全年新增十二万个', [{ at: 4, from: '就业', to: '' }]],
    ['相同', '相同', []],
  ])('%s → %s', (a, b, expected) => {
    expect(diffChars(a, b)).toEqual(expected);
  });
  it('works on code points, not code units', () => {
    expect(diffChars('甲𠀀乙', '甲𠀁乙')).toEqual([{ at: 1, from: '𠀀', to: '𠀁' }]);
  });
});

describe('diffVersion', () => {
  const rep = ['会议在北京召开。', '会议指出，全年接种新冠疫苗三亿剂。', '会议要求继续做好防控工作。', '出席会议的有各部门负责人。'];
  it('reports lacks, adds and edits', () => {
    const version = ['会议在北京召开', '会议指出，全年接种新冠肺炎疫苗三亿剂。', '会议要求继续做好防控工作。', '本文来源：某某网'];
    expect(diffVersion(rep, version)).toEqual({
      aligned: [
        { repIndex: 0, versionIndex: 0, changes: [] },
        { repIndex: 1, versionIndex: 1, changes: [{ at: 11, from: '', to: '肺炎' }] },
        { repIndex: 2, versionIndex: 2, changes: [] },
      ],
      lacks: [3],
      adds: [3],
      relaid: [],
    });
  });
  it('a trimmed copy lacks the cut paragraphs', () => {
    expect(diffVersion(rep, [rep[0] ?? '', rep[2] ?? ''])).toEqual({
      aligned: [
        { repIndex: 0, versionIndex: 0, changes: [] },
        { repIndex: 2, versionIndex: 1, changes: [] },
      ],
      lacks: [1, 3],
      adds: [],
      relaid: [],
    });
  });
  const long = ['会议指出，今年以来工业经济运行总体平稳。', '制造业增加值占比保持基本稳定，新动能加快成长。', '会议要求，做好明年工作。'];
  it('a version that differs only by paragraph breaks lacks and adds nothing', () => {
    const merged = [long.slice(0, 2).join(''), long[2] ?? ''];
    const d = diffVersion(merged, long);
    expect(d).toMatchObject({ lacks: [], adds: [], relaid: [{ repIndices: [0], versionIndices: [0, 1] }] });
    expect(d.aligned.every((p) => p.changes.length === 0)).toBe(true);
    expect(diffVersion(long, merged)).toMatchObject({ lacks: [], adds: [], relaid: [{ repIndices: [0, 1], versionIndices: [0] }] });
  });
  it('a real cut and a real addition stay loud next to a split', () => {
    const version = [long[0] ?? '', long[1] ?? '', '另据了解，全年目标有望完成。'];
    const d = diffVersion([long.slice(0, 2).join(''), long[2] ?? ''], version);
    expect(d).toMatchObject({ lacks: [1], adds: [2], relaid: [{ repIndices: [0], versionIndices: [0, 1] }] });
  });
  it('a sentence cut from a kept paragraph is a deletion inside it', () => {
    const d = diffVersion([long.slice(0, 2).join('')], [long[0] ?? '']);
    expect(d.aligned).toEqual([{ repIndex: 0, versionIndex: 0, changes: [{ at: 20, from: long[1], to: '' }] }]);
    expect(d).toMatchObject({ lacks: [], adds: [], relaid: [] });
  });
  it('a sentence added to a kept paragraph is an insertion after the sentence before it', () => {
    const d = diffVersion([long[0] ?? ''], [`${long[0] ?? ''}另据了解，全年目标有望完成。`]);
    expect(d.aligned[0]?.changes).toEqual([{ at: 20, from: '', to: '另据了解，全年目标有望完成。' }]);
  });

});
