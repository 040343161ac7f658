import { describe, expect, test } from 'vitest';
import { escapeHtml, renderComparison, renderRows } from '../../src/components/CompareView';
import type { CompareRow, Comparison } from '../../src/lib/compare';

const options = { a: { slug: 'a-2020', name: '甲县 2020' }, b: { slug: 'b-2021', name: '乙县 2021' }, base: '/' };

function row(id: string, cls: CompareRow['class'], a: string | null, b: string | null, extra: Partial<CompareRow> = {}): CompareRow {
  return {
    id,
    class: cls,
    verbatim: cls === 'kept',
    repeat: false,
    score: cls === 'added' || cls === 'dropped' ? 0 : 1,
    a: a === null ? [] : [{ index: 0, blockId: 's1-p1', kind: 'sentence', text: a }],
    b: b === null ? [] : [{ index: 0, blockId: 's2-p1', kind: 'sentence', text: b }],
    ...extra,
  };
}

describe('renderRows', () => {
  test('text is escaped, never markup', () => {
    const html = renderRows([row('r1', 'added', null, '<script>alert(1)</script>')], options);
    expect(html.includes('<script>')).toBe(false);
    expect(html.includes(escapeHtml('<script>alert(1)</script>'))).toBe(true);
  });

  test('three kept rows in a row fold into one <details>; two do not', () => {
    const three = renderRows([row('r1', 'kept', '甲', '甲'), row('r2', 'kept', '乙', '乙'), row('r3', 'kept', '丙', '丙')], options);
    expect(three.match(/<details>/g)?.length).toBe(1);
    expect(three.includes('3 条相同的条款')).toBe(true);
    const two = renderRows([row('r1', 'kept', '甲', '甲'), row('r2', 'kept', '乙', '乙')], options);
    expect(two.includes('<details>')).toBe(false);
  });

  test('an adapted row shows deletions on A and insertions on B, labelled for screen readers; figures marked', () => {
    const html = renderRows(
      [
        row('r1', 'adapted', '每月召开会议', '每季度召开会议', {
          ops: [
            { op: 'del', text: '每月', numeric: true },
            { op: 'ins', text: '每季度', numeric: true },
            { op: 'eq', text: '召开会议' },
          ],
        }),
      ],
      options,
    );
    const [sideA, sideB] = html.split('cmp-cell cmp-b');
    expect(sideA!.includes('<del class="num"><span class="visually-hidden">数字改动：</span>每月')).toBe(true);
    expect(sideA!.includes('<ins')).toBe(false);
    expect(sideB!.includes('<ins class="num"><span class="visually-hidden">数字改动：</span>每季度')).toBe(true);
    expect(sideB!.includes('<del')).toBe(false);
  });

  test('each side links to its clause on its notice page; rows carry their permalink', () => {
    const html = renderRows([row('r7', 'kept', '甲', '甲')], options);
    expect(html.includes('href="/notices/a-2020/#s1-p1"')).toBe(true);
    expect(html.includes('href="/notices/b-2021/#s2-p1"')).toBe(true);
    expect(html.includes('<li id="r7"')).toBe(true);
    expect(html.includes('href="#r7"')).toBe(true);
  });
});

describe('renderComparison', () => {
  test('the summary lists numeric changes with links to their rows', () => {
    const comparison: Comparison = {
      a: 'a-2020',
      b: 'b-2021',
      rows: [row('r1', 'adapted', '每月', '每季度')],
      summary: {
        shareOfBFromA: 0.5,
        shareOfAInB: 0.25,
        counts: { kept: 0, adapted: 1, moved: 0, added: 0, dropped: 0 },
        numeric: [{ from: '每月', to: '每季度', row: 'r1' }],
        charsA: 2,
        charsB: 3,
      },
    };
    const html = renderComparison(comparison, options);
    expect(html.includes('乙县 2021的文字有 50% 取自甲县 2020')).toBe(true);
    expect(html.includes('<a href="#r1">#1</a>')).toBe(true);
  });
});

describe('identical kept rows', () => {
  test('show the text once, with links to both notices', () => {
    const html = renderRows([row('r1', 'kept', '深化液化石油气安全整治。', '深化液化石油气安全整治。')], options);
    expect(html.split('深化液化石油气安全整治。').length - 1).toBe(1);
    expect(html.includes('cmp-both')).toBe(true);
    expect(html.includes('href="/notices/a-2020/#s1-p1"') && html.includes('href="/notices/b-2021/#s2-p1"')).toBe(true);
  });

  test('a kept row that differs in wording (我县 / 我区) keeps both sides', () => {
    const html = renderRows([row('r1', 'kept', '推进我县企业安全文化建设。', '推进我区企业安全文化建设。')], options);
    expect(html.includes('cmp-both')).toBe(false);
    expect(html.includes('我县') && html.includes('我区')).toBe(true);
  });
});
