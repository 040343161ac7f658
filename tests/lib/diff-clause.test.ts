import { describe, expect, test } from 'vitest';
import { diffClause, isNumericToken, splitPhrases, type DiffOp } from '../../src/lib/diff-clause';
import { buildMatcher } from '../../src/lib/terms';

/** A's text back from the ops (equal runs in A's wording, plus deletions). */
const sideA = (ops: DiffOp[]) => ops.map((o) => (o.op === 'eq' ? (o.from ?? o.text) : o.op === 'del' ? o.text : '')).join('');
/** B's text back from the ops (equal runs plus insertions). */
const sideB = (ops: DiffOp[]) => ops.map((o) => (o.op === 'eq' || o.op === 'ins' ? o.text : '')).join('');

describe('diffClause', () => {
  test('each side reads back exactly from the ops', () => {
    const a = '市县党委每季度、政府每月至少召开一次会议,分析研判形势,解决突出问题。';
    const b = '县安委会每月至少召开一次会议，分析研判安全形势，解决重点难点问题。';
    const { ops } = diffClause(a, b);
    expect(sideA(ops)).toBe(a);
    expect(sideB(ops)).toBe(b);
    expect(ops.some((o) => o.op === 'ins')).toBe(true);
  });

  test('a frequency change is flagged numeric and listed', () => {
    const d = diffClause('县安委会每月至少召开一次会议。', '县安委会每季度至少召开一次会议。');
    expect(d.numeric).toEqual([{ from: '每月', to: '每季度' }]);
    expect(d.ops.filter((o) => o.numeric).map((o) => `${o.op}:${o.text}`)).toEqual(['del:每月', 'ins:每季度']);
  });

  test('deadlines and counts are numeric changes too', () => {
    expect(diffClause('2024年6月底前完成普查。', '2025年6月底前完成普查。').numeric).toEqual([{ from: '2024年6月底前', to: '2025年6月底前' }]);
    expect(diffClause('完成130座治理工作任务。', '完成80座治理工作任务。').numeric).toEqual([{ from: '130座', to: '80座' }]);
  });

  test('inline list numbering (1.森林草原火灾) is not a numeric change', () => {
    const d = diffClause('森林草原火灾：严格落实林长制。', '1.森林草原火灾方面：严格落实林长制。');
    expect(d.numeric).toEqual([]);
  });

  test('a wording change without figures is not numeric', () => {
    const d = diffClause('严格落实矿山安全监管专员制度。', '严格落实矿山驻矿安监员制度。');
    expect(d.numeric).toEqual([]);
    expect(d.ops.some((o) => o.op === 'ins')).toBe(true);
  });

  test('local names and self-references are equal, with A wording kept in `from`', () => {
    const places = ['岢岚县', '岢岚', '峄城区', '峄城'];
    const d = diffClause('推进我县企业安全文化建设。', '推进我区企业安全文化建设。', { places });
    expect(d.ops).toEqual([{ op: 'eq', text: '推进我区企业安全文化建设。', from: '推进我县企业安全文化建设。' }]);
  });

  test('full- and half-width punctuation is not a change', () => {
    const d = diffClause('分析研判形势,解决突出问题。', '分析研判形势，解决突出问题。');
    expect(d.ops.every((o) => o.op === 'eq')).toBe(true);
    expect(d.sharedChars).toBe(14);
  });

  test('glossary terms change as whole words', () => {
    const matcher = buildMatcher([
      { form: '两客一危', slug: 'liang-ke-yi-wei', kind: 'term' },
      { form: '两客一危一货', slug: 'liang-ke-yi-wei-yi-huo', kind: 'term' },
    ]);
    const d = diffClause('紧盯“两客一危”等重点车辆。', '紧盯“两客一危一货”等重点车辆。', { matcher });
    expect(d.ops.filter((o) => o.op !== 'eq').map((o) => `${o.op}:${o.text}`)).toEqual(['del:两客一危', 'ins:两客一危一货']);
  });

  test('identical and empty texts', () => {
    expect(diffClause('消防。', '消防。').ops).toEqual([{ op: 'eq', text: '消防。' }]);
    expect(diffClause('', '').ops).toEqual([]);
    expect(diffClause('', '新增一句。').ops).toEqual([{ op: 'ins', text: '新增一句。' }]);
  });
});

describe('splitPhrases', () => {
  test('cuts after clause punctuation, keeping a run of marks together; concatenation is the text', () => {
    const text = '强化党政领导责任。按照规定，严格落实“五到位”。；其他';
    expect(splitPhrases(text)).toEqual(['强化党政领导责任。', '按照规定，', '严格落实“五到位”。；', '其他']);
    expect(splitPhrases(text).join('')).toBe(text);
    expect(splitPhrases('')).toEqual([]);
  });
});

describe('isNumericToken', () => {
  test.each([
    ['每季度', true],
    ['130座', true],
    ['1次', true],
    ['一次', true],
    ['2025年6月底前', true],
    ['消防', false],
    ['', false],
  ])('%s', (token, expected) => {
    expect(isNumericToken(token)).toBe(expected);
  });
});

describe('numeric changes that are not news', () => {
  test('a figure that only moves within the clause is not a numeric change', () => {
    const d = diffClause('区党政领导干部每月至少深入一线或企业一次，调研指导检查安全生产工作。', '县党政领导干部每月至少深入一线调研指导一次安全生产工作。');
    expect(d.numeric).toEqual([]);
  });

  test('one of two equal figures dropped is a change', () => {
    const d = diffClause('每季度听取一次汇报，每季度至少召开一次会议。', '每月至少召开一次会议。');
    expect(d.numeric.length).toBeGreaterThan(0);
    expect(d.numeric.map((n) => n.to).join('')).toContain('每月');
  });
});
