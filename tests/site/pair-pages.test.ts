import { describe, expect, it } from 'vitest';
import { loadNotices } from '../../src/data/notices';
import { compareNotices, noticeClauses, type CompareSummary } from '../../src/lib/compare';
import { selectPairs, type SelectedPair } from '../../src/lib/related';
import { PAIRS_PAGE_SIZE, pairsPage, pairsPageCount, pairsPageHref, sortPairRows } from '../../src/site/pair-pages';

const notices = loadNotices();
const bySlug = new Map(notices.map((n) => [n.slug, n]));
const docs = notices.map((n) => ({ ...n, text: noticeClauses(n).map((c) => c.key).join('') }));
const { pairs } = selectPairs(docs);
const summaries = new Map<string, CompareSummary>(
  pairs.map((p) => [`${p.a}/${p.b}`, compareNotices(bySlug.get(p.a)!, bySlug.get(p.b)!).summary]),
);

describe('the pairs list on /compare/ (real seeds)', () => {
  it('lists every selected pair once, most of B taken from A first', () => {
    const rows = sortPairRows(pairs, summaries);
    expect(pairs.length).toBeGreaterThan(1);
    expect(rows.map((r) => `${r.pair.a}/${r.pair.b}`).sort()).toEqual(pairs.map((p) => `${p.a}/${p.b}`).sort());
    const shares = rows.map((r) => r.summary.shareOfBFromA);
    expect(shares).toEqual([...shares].sort((x, y) => y - x));
    expect(rows.every((r) => r.summary === summaries.get(`${r.pair.a}/${r.pair.b}`))).toBe(true);
  });

  it('names the pair whose summary is missing instead of listing it without numbers', () => {
    const [first] = pairs;
    const partial = new Map(summaries);
    partial.delete(`${first!.a}/${first!.b}`);
    expect(() => sortPairRows(pairs, partial)).toThrow(`No comparison summary for the pair ${first!.a} → ${first!.b}`);
  });
});

describe('paging the pairs list', () => {
  const many: SelectedPair[] = Array.from({ length: 2 * PAIRS_PAGE_SIZE + 7 }, (_, i) => ({ ...pairs[0]!, b: `x${i}` }));

  it('splits the rows into full pages and a last partial one, losing none', () => {
    const count = pairsPageCount(many.length);
    expect(count).toBe(3);
    const pages = Array.from({ length: count }, (_, i) => pairsPage(many, i + 1));
    expect(pages.map((p) => p.length)).toEqual([PAIRS_PAGE_SIZE, PAIRS_PAGE_SIZE, 7]);
    expect(pages.flat()).toEqual(many);
  });

  it('keeps one page for a short or empty list, and page 1 is /compare/ itself', () => {
    expect(pairsPageCount(pairs.length)).toBe(1);
    expect(pairsPageCount(0)).toBe(1);
    expect(pairsPageCount(PAIRS_PAGE_SIZE)).toBe(1);
    expect(pairsPageCount(PAIRS_PAGE_SIZE + 1)).toBe(2);
    expect(pairsPageHref('/', 1)).toBe('/compare/');
    expect(pairsPageHref('/', 2)).toBe('/compare/pairs/2/');
    expect(pairsPageHref('/base/', 3)).toBe('/base/compare/pairs/3/');
  });
});
