/**
 * Comparison on the real seeds. Every pair asserted here was checked by reading both notices:
 * the clause pairs that must align say the same thing (copied, localised, renumbered, moved or
 * reworded), the ones that must not align only share a few words.
 */
import { describe, expect, test } from 'vitest';
import { alignNotices, compareNotices, sameClauses, type CompareRow, type Comparison } from '../../src/lib/compare';
import { loadNotices } from '../../src/data/notices';
import { orderPair } from '../../src/lib/related';

const notices = new Map(loadNotices().map((n) => [n.slug, n]));
const cache = new Map<string, Comparison>();
function compare(a: string, b: string): Comparison {
  let c = cache.get(`${a}/${b}`);
  if (!c) cache.set(`${a}/${b}`, (c = compareNotices(notices.get(a)!, notices.get(b)!)));
  return c;
}

const textA = (row: CompareRow) => row.a.map((c) => c.text).join('');
const textB = (row: CompareRow) => row.b.map((c) => c.text).join('');

/** Rows whose A side contains `a` and whose B side contains `b`. */
function rowsLinking(c: Comparison, a: string, b: string): CompareRow[] {
  return c.rows.filter((r) => textA(r).includes(a) && textB(r).includes(b));
}

/** The one row linking the two snippets; fails with the candidates when there is not exactly one. */
function theRow(c: Comparison, a: string, b: string): CompareRow {
  const rows = rowsLinking(c, a, b);
  expect(rows.length, `${c.a} → ${c.b}: ${a} ↔ ${b}`).toBe(1);
  return rows[0]!;
}

describe('峄城 2023 → 岢岚 2023 (two provinces, shared wording)', () => {
  const c = compare('yicheng-2023', 'kelan-2023');

  test('copied clauses are kept, with their block ids', () => {
    const row = theRow(c, '紧盯“两客一危一货”等重点车辆', '紧盯“两客一危一货”等重点车辆');
    expect(row.class).toBe('kept');
    expect(row.a.map((x) => x.blockId)).toEqual(['s3-9-p1']);
    expect(row.b.map((x) => x.blockId)).toEqual(['s3-8-3-p1']);
    expect(theRow(c, '依法设立安全管理机构', '依法设立安全管理机构').class).toBe('kept');
    expect(theRow(c, '严格落实领导干部带班和24小时值班制度', '严格落实领导干部带班和24小时值班制度').class).toBe('kept');
  });

  test('the law clause is localised (山东省/山西省), reworded and moved from section 六 to section 二', () => {
    const row = theRow(c, '严格实施《安全生产法》《山东省安全生产条例》', '严格实施《安全生产法》和新修订的《山西省安全生产条例》');
    expect(row.class).toBe('moved');
    expect(row.verbatim).toBe(false);
    expect(row.a[0]!.blockId).toBe('s6-26-p1');
    expect(row.b[0]!.blockId).toBe('s2-7-p1');
    expect(row.ops!.filter((o) => o.op === 'ins').map((o) => o.text).join('')).toBe('和新修订的');
  });

  test('a sentence 峄城 splits in two is one row with both', () => {
    const row = theRow(c, '落实全过程安全管理制度。依法做到', '落实全过程安全管理制度，依法做到');
    expect(row.a.length).toBe(2);
    expect(row.b.length).toBe(1);
    expect(row.class).toBe('kept');
  });

  test('an adapted clause with a changed frequency (每季度 → 每月) is listed as a numeric change', () => {
    const row = theRow(c, '区政府每季度至少召开一次安全生产会议', '县安委会每月至少召开一次会议');
    expect(row.class).toBe('adapted');
    expect(row.numeric!.some((n) => n.from.includes('每季度') && n.to === '每月')).toBe(true);
    expect(c.summary.numeric.some((n) => n.row === row.id)).toBe(true);
  });

  test('clauses only one of them has are added or dropped', () => {
    const coal = c.rows.filter((r) => textA(r).startsWith('持续深化瓦斯、水、顶板等重大灾害防治'));
    expect(coal.map((r) => r.class)).toEqual(['dropped']);
    const gas = c.rows.filter((r) => textB(r).startsWith('加快推进存在隐患经营性自建房实施分类整治'));
    expect(gas.map((r) => r.class)).toEqual(['added']);
  });

  test('the attachment rows that restate the 岢岚 body are not compared again', () => {
    expect(c.rows.filter((r) => r.b.some((x) => x.blockId === 't1-r16')).length).toBe(0);
    expect(c.rows.some((r) => r.b.some((x) => x.blockId.startsWith('t1-')))).toBe(true);
  });
});

describe('山西 2020 → each county (province → county, across years)', () => {
  test('岢岚: the meeting, blacklist and 三同时 clauses are adapted from the province', () => {
    const c = compare('shanxi-2020', 'kelan-2023');
    const row = theRow(c, '市县党委每季度、政府每月至少召开一次会议', '县安委会每月至少召开一次会议');
    expect(row.class).toBe('adapted');
    expect(row.a[0]!.blockId).toBe('s1-1-p1');
    expect(row.b[0]!.blockId).toBe('s1-2-1-p1');
    expect(theRow(c, '一律纳入“黑名单”实施联合惩戒', '依法纳入“黑名单”实施联合惩戒').class).toBe('adapted');
    expect(theRow(c, '严格执行安全设施“三同时”和安全生产许可制度', '认真执行安全设施“三同时”和安全生产许可制度').class).toBe('adapted');
  });

  test('峄城: the meeting clause changes 每月 to 每季度', () => {
    const c = compare('shanxi-2020', 'yicheng-2023');
    const row = theRow(c, '政府每月至少召开一次会议', '区政府每季度至少召开一次安全生产会议');
    expect(row.numeric).toContainEqual({ from: '每月', to: '每季度' });
    expect(theRow(c, '煤矿。', '煤矿。').class).toBe('kept');
  });

  test('沁水: the heading 强化党政领导责任 is kept five years on', () => {
    const c = compare('shanxi-2020', 'qinshui-2025');
    const row = theRow(c, '强化党政领导责任', '强化党政领导责任');
    expect(row.class).toBe('kept');
    expect(row.b[0]!.blockId).toBe('s3-6');
  });

  test('洪洞: the 五进 list is the same clause', () => {
    const c = compare('shanxi-2020', 'hongtong-2024-jiedu');
    expect(theRow(c, '进企业、进农村、进社区、进学校、进家庭', '进企业、进农村、进社区、进学校、进家庭').class).toBe('adapted');
  });
});

describe('岢岚 2023 → 沁水 2025 (county drift across years)', () => {
  const c = compare('kelan-2023', 'qinshui-2025');

  test('clauses kept inside longer rewrites align', () => {
    expect(theRow(c, '依法做到安全责任、投入、培训、管理和应急救援“五到位”', '依法做到安全责任、投入、培训、管理和应急救援“五到位”').class).toBe('adapted');
    const row = theRow(c, '重大隐患整改不力的，要通报批评', '瞒报迟报自然灾害灾情信息造成不良后果的');
    expect(row.class).toBe('adapted');
    expect(theRow(c, '坚持“四不放过”原则', '注重实效和“四不放过”原则').class).toBe('adapted');
  });

  test('沁水 adds the figures of its new duties: 每半年…1次', () => {
    expect(c.summary.numeric.some((n) => n.to.includes('每半年'))).toBe(true);
  });

  test('must not align: a leadership duty with an unrelated sentence about 党政领导干部', () => {
    expect(rowsLinking(c, '县党政领导干部每月至少深入一线', '发挥专家智库').length).toBe(0);
  });

  test('must not align: the annual inspection plan with a responsibility note', () => {
    expect(rowsLinking(c, '编制并落实年度监督检查计划', '负有安全生产监管职责的部门负责').length).toBe(0);
  });
});

describe('洪洞 2024 解读 and the notices', () => {
  test('岢岚 → 洪洞: clauses the 解读 quotes align', () => {
    const c = compare('kelan-2023', 'hongtong-2024-jiedu');
    expect(theRow(c, '加快突发事件现场指挥信息系统和应急PDT', '加快突发事件现场指挥信息系统和应急PDT').class).toBe('moved');
    expect(theRow(c, '发展改革、工业和信息化、行政审批等部门', '发展改革、工业和信息化、行政审批等部门').class).toBe('adapted');
  });

  test('must not align: two headings that only share 安全宣传教育', () => {
    const c = compare('kelan-2023', 'hongtong-2024-jiedu');
    expect(rowsLinking(c, '健全安全宣传教育体系', '“五进”').length).toBe(0);
  });
});

describe('every seed pair', () => {
  const slugs = [...notices.keys()];
  const pairs = slugs.flatMap((x, i) => slugs.slice(i + 1).map((y) => orderPair(notices.get(x)!, notices.get(y)!).map((n) => n.slug)));

  test('there are 10 pairs', () => {
    expect(pairs.length).toBe(10);
  });

  test.each(pairs)('%s → %s: every clause is in exactly one non-repeat row; counts and shares add up', (a, b) => {
    const c = compare(a!, b!);
    const seenA = new Map<number, number>();
    const seenB = new Map<number, number>();
    for (const row of c.rows) {
      if (row.repeat) continue;
      for (const x of row.a) seenA.set(x.index, (seenA.get(x.index) ?? 0) + 1);
      for (const x of row.b) seenB.set(x.index, (seenB.get(x.index) ?? 0) + 1);
    }
    expect([...seenA.values()].every((n) => n === 1)).toBe(true);
    expect([...seenB.values()].every((n) => n === 1)).toBe(true);
    expect([...seenA.keys()].sort((x, y) => x - y)).toEqual([...Array(seenA.size).keys()]);
    const total = Object.values(c.summary.counts).reduce((s, n) => s + n, 0);
    expect(total).toBe(c.rows.length);
    expect(c.summary.shareOfBFromA >= 0 && c.summary.shareOfBFromA <= 1).toBe(true);
    expect(c.rows.map((r) => r.id)).toEqual(c.rows.map((_, k) => `r${k + 1}`));
  });

  test('adapted rows read back to their clause texts from the ops', () => {
    for (const [a, b] of pairs) {
      for (const row of compare(a!, b!).rows.filter((r) => r.ops)) {
        expect(row.ops!.map((o) => (o.op === 'eq' ? (o.from ?? o.text) : o.op === 'del' ? o.text : '')).join('')).toBe(textA(row));
        expect(row.ops!.map((o) => (o.op === 'del' ? '' : o.text)).join('')).toBe(textB(row));
      }
    }
  });

  test('峄城 → 岢岚 shares far more text than 峄城 → 沁水', () => {
    expect(compare('yicheng-2023', 'kelan-2023').summary.shareOfBFromA).toBeGreaterThan(0.25);
    expect(compare('yicheng-2023', 'qinshui-2025').summary.shareOfBFromA).toBeLessThan(0.1);
  });
});

describe('sameClauses ("also in" on notice pages)', () => {
  const aligned = (a: string, b: string) => alignNotices(notices.get(a)!, notices.get(b)!);

  test('峄城 → 岢岚: the copied 两客一危一货 clause links its two paragraphs', () => {
    const links = sameClauses(aligned('yicheng-2023', 'kelan-2023'));
    expect(links).toContainEqual({ aBlocks: ['s3-9-p1'], bBlocks: ['s3-8-3-p1'] });
    const entries = links.map((l) => `${l.aBlocks.join(' ')}/${l.bBlocks.join(' ')}`);
    expect(new Set(entries).size).toBe(entries.length);
  });

  test('each entry is one aligned group, in A order, with every block of the group once', () => {
    const a = aligned('shanxi-2020', 'kelan-2023');
    const links = sameClauses(a);
    const strong = a.alignment.groups.filter((g) => g.score >= 0.8);
    const blocksOf = (ids: number[], side: typeof a.ca) => [...new Set(ids.map((i) => side[i]!.blockId))];
    for (const g of strong) expect(links).toContainEqual({ aBlocks: blocksOf(g.a, a.ca), bBlocks: blocksOf(g.b, a.cb) });
    expect(links.length).toBeLessThanOrEqual(strong.length);
    for (const l of links) {
      expect(new Set(l.aBlocks).size).toBe(l.aBlocks.length);
      expect(new Set(l.bBlocks).size).toBe(l.bBlocks.length);
    }
    const firstA = links.map((l) => a.ca.findIndex((c) => c.blockId === l.aBlocks[0]));
    expect(firstA).toEqual([...firstA].sort((x, y) => x - y));
  });

  test('a weakly adapted clause is not "the same clause"', () => {
    const a = aligned('shanxi-2020', 'kelan-2023');
    // 市县党委每季度、政府每月… / 县安委会每月… align (score ~0.58) but are not the same clause.
    const weak = a.alignment.groups.filter(
      (g) => g.a.some((i) => a.ca[i]!.blockId === 's1-1-p1') && g.b.some((j) => a.cb[j]!.blockId === 's1-2-1-p1'),
    );
    expect(weak.length).toBeGreaterThan(0);
    expect(weak.every((g) => g.score < 0.8)).toBe(true);
    const links = sameClauses(a);
    expect(links.some((l) => l.aBlocks.includes('s1-1-p1') && l.bBlocks.includes('s1-2-1-p1'))).toBe(false);
  });
});
