import { describe, expect, test } from 'vitest';
import { alignClauses, findRestatements, markMoved, scorePairs, shingle, type AlignedGroup } from '../../src/lib/align';
import { loadNotices } from '../../src/data/notices';
import { noticeClauses } from '../../src/lib/compare';
import type { Clause, ClauseKind } from '../../src/lib/clauses';
import { normalizeForMatch } from '../../src/lib/normalize';

/** Clauses from texts; `h:` marks a heading, `t:` a table row. */
function clauses(texts: string[]): Clause[] {
  return texts.map((raw, index) => {
    const kind: ClauseKind = raw.startsWith('h:') ? 'heading' : raw.startsWith('t:') ? 'row' : 'sentence';
    const text = raw.replace(/^[ht]:/, '');
    return { index, blockId: kind === 'row' ? `t1-r${index}` : `p${index}`, kind, text, key: normalizeForMatch(text) };
  });
}

/** Groups as `a-indices>b-indices` strings, in A order. */
function pairs(groups: AlignedGroup[]): string[] {
  return [...groups].sort((x, y) => x.a[0]! - y.a[0]!).map((g) => `${g.a.join('+')}>${g.b.join('+')}`);
}

const A = [
  '严格落实领导干部带班和24小时值班制度，推进值班值守工作规范化。',
  '加强会商研判和应急调度，做好应急救援队伍、装备、物资等应对准备。',
  '对存在严重违法违规行为的企业，依法纳入“黑名单”实施联合惩戒。',
  '深入开展非法违法“小化工”整治攻坚、特殊作业专项整治。',
];

describe('alignClauses', () => {
  test('the same clauses in the same order align one to one, none moved', () => {
    const result = alignClauses(clauses(A), clauses(A));
    expect(pairs(result.groups)).toEqual(['0>0', '1>1', '2>2', '3>3']);
    expect(result.groups.every((g) => !g.moved && g.score === 1)).toBe(true);
    expect(result.dropped).toEqual([]);
    expect(result.added).toEqual([]);
  });

  test('a clause moved to the end is the one marked moved', () => {
    const b = [A[1]!, A[2]!, A[3]!, A[0]!];
    const result = alignClauses(clauses(A), clauses(b));
    expect(pairs(result.groups)).toEqual(['0>3', '1>0', '2>1', '3>2']);
    expect(result.groups.filter((g) => g.moved).map((g) => g.a[0])).toEqual([0]);
  });

  test('a reworded clause still aligns; an unrelated one does not', () => {
    const b = [
      A[0]!,
      '加强会商研判和应急调度，做好应急救援队伍、装备和物资应对准备工作。',
      '建立完善以“一家广播为主、多套系统辅助”的临灾预警“叫应”平台。',
      A[3]!,
    ];
    const result = alignClauses(clauses(A), clauses(b));
    expect(pairs(result.groups)).toEqual(['0>0', '1>1', '3>3']);
    expect(result.dropped).toEqual([2]);
    expect(result.added).toEqual([2]);
  });

  test('a clause split in two aligns with both halves', () => {
    const a = ['落实全过程安全管理制度，依法做到安全责任、投入、培训、管理和应急救援“五到位”。'];
    const b = ['落实全过程安全管理制度。', '依法做到安全责任、投入、培训、管理和应急救援“五到位”。'];
    expect(pairs(alignClauses(clauses(a), clauses(b)).groups)).toEqual(['0>0+1']);
  });

  test('two clauses merged into one align with it', () => {
    const a = ['落实全过程安全管理制度。', '依法做到安全责任、投入、培训、管理和应急救援“五到位”。'];
    const b = ['落实全过程安全管理制度，依法做到安全责任、投入、培训、管理和应急救援“五到位”。'];
    expect(pairs(alignClauses(clauses(a), clauses(b)).groups)).toEqual(['0+1>0']);
  });

  test('a kept sentence expanded in place aligns (containment)', () => {
    const a = ['坚持“四不放过”原则，严格事故调查处理，从严责任追究。'];
    const b = ['按照科学严谨、依法依规、实事求是、注重实效和“四不放过”原则，严格事故调查处理，依法进行责任倒查追究。'];
    expect(pairs(alignClauses(clauses(a), clauses(b)).groups)).toEqual(['0>0']);
  });

  test('a short heading does not align with a sentence that contains its words', () => {
    const a = ['h:消防', '围绕“防大火、控小火、遏亡人”，深化消防安全专项整治行动。'];
    const b = ['深化消防安全专项整治行动，全面推广应用智慧式电气火灾防控系统。'];
    const result = alignClauses(clauses(a), clauses(b));
    expect(result.dropped.includes(0)).toBe(true);
  });

  test('two headings sharing one word do not align without matching text around them', () => {
    const a = ['h:健全安全宣传教育体系', A[0]!];
    const b = ['h:安全宣传教育“五进”', '安全宣传教育进企业、进农村、进社区、进学校、进家庭。'];
    expect(alignClauses(clauses(a), clauses(b)).groups).toEqual([]);
  });

  test('empty inputs', () => {
    expect(alignClauses([], clauses(A))).toEqual({ groups: [], dropped: [], added: [0, 1, 2, 3] });
    expect(alignClauses(clauses(A), [])).toEqual({ groups: [], dropped: [0, 1, 2, 3], added: [] });
  });
});

describe('findRestatements', () => {
  test('an attachment row repeating a body clause is a restatement; a new one is not', () => {
    const list = clauses([A[0]!, A[1]!, `t:${A[0]!.replace('，', '')}`, 't:完成80处地质灾害隐患点监测网点建设。']);
    expect([...findRestatements(list)]).toEqual([2]);
  });
});

describe('markMoved', () => {
  test('keeps the longest common order and marks the rest', () => {
    const g = (a: number, b: number): AlignedGroup => ({ a: [a], b: [b], score: 1, moved: false, repeat: false });
    const groups = [g(0, 0), g(1, 4), g(2, 1), g(3, 2), g(4, 3)];
    markMoved(groups);
    expect(groups.map((x) => x.moved)).toEqual([false, true, false, false, false]);
  });
});

describe('shingle', () => {
  test('distinct bigrams; a one-character key is its character', () => {
    expect(shingle('消防消防').length).toBe(2);
    expect(shingle('煤').length).toBe(1);
    expect(shingle('').length).toBe(0);
  });

  test('each code is the bigram as one 32-bit integer, in order of first appearance, for every kind of character', () => {
    // Defined as the pair's number, a * 65536 + b, stored as a 32-bit integer: units of 0x8000
    // and above make it negative, and surrogate halves are units like any other.
    const byDefinition = (key: string) => {
      const codes: number[] = [];
      if (key.length === 1) codes.push(key.charCodeAt(0));
      for (let i = 0; i + 1 < key.length; i++) {
        const code = (key.charCodeAt(i) * 65536 + key.charCodeAt(i + 1)) | 0;
        if (!codes.includes(code)) codes.push(code);
      }
      return codes;
    };
    const alphabet = ['a', '1', '中', '消', '\u8000', '\uffff', '\uff08', '𠮷', '\ud800', '\u0000', '。'];
    let seed = 5;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % alphabet.length;
    // Short keys with many repeats, and long ones (the table grows, and slots collide).
    for (let i = 0; i < 3000; i++) {
      const key = Array.from({ length: i % 2 === 0 ? i % 13 : (i * 7) % 400 }, () => alphabet[next()]).join('');
      expect([...shingle(key)], JSON.stringify(key)).toEqual(byDefinition(key));
    }
  });
});

describe('scorePairs', () => {
  test('every pair of clauses sharing bigrams, with the exact overlap, call after call on the seeds', () => {
    // The index over B's bigrams lives in buffers reused from call to call: a large B, then
    // smaller ones, then the large one again must each give what counting the shared bigrams
    // of every pair directly gives.
    const sets = loadNotices().map((n) => noticeClauses(n).map((c) => shingle(c.key)));
    const bySize = [...sets].sort((x, y) => y.length - x.length);
    const order = [...bySize, bySize[0]!];
    let edges = 0;
    for (let k = 0; k + 1 < order.length; k++) {
      const sa = order[k + 1]!;
      const sb = order[k]!;
      const got = scorePairs(sa, sb, 0.3, 0.7).map((list) => list.map((e) => `${e.j}:${e.inter}`));
      // In the order the index meets them: by A's bigrams, then B's clauses in order (ties in
      // later steps keep this order, so it is part of the result).
      const expected = sa.map((x) => {
        const met: number[] = [];
        for (const s of x) sb.forEach((y, j) => y.includes(s) && !met.includes(j) && met.push(j));
        return met.flatMap((j) => {
          const y = sb[j]!;
          const inter = x.filter((s) => y.includes(s)).length;
          const dice = (2 * inter) / (x.length + y.length);
          const smaller = Math.min(x.length, y.length);
          return dice >= 0.3 || (smaller >= 2 && inter / smaller >= 0.7) ? [`${j}:${inter}`] : [];
        });
      });
      expect(got).toEqual(expected);
      edges += got.flat().length;
    }
    expect(edges).toBeGreaterThan(100);
  });
});

