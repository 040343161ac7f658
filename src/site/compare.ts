/**
 * Comparison data for pages, computed once per build: which pairs are pre-rendered (see
 * `src/lib/related.ts`), each pair's comparison, the index matrix, and "also in" for notice pages.
 */
import { alignNotices, compareAligned, noticeClauses, sameClauses, type Comparison, type NoticeAlignment } from '../lib/compare';
import { orderPair, selectPairs, type SelectedPair } from '../lib/related';
import type { TermForm } from '../lib/terms';
import type { Notice } from '../lib/types';
import { getNotices } from './notices';
import { getTermIndex } from './terms';

/** The short name a reader knows a notice by: region (or issuer) and year, `岢岚县 2023`. */
export function shortName(n: Pick<Notice, 'region' | 'level' | 'year' | 'kind'>): string {
  const place = n.region.county ?? n.region.city ?? n.region.province;
  return `${place} ${n.year}${n.kind === 'interpretation' ? ' 解读' : ''}`;
}

/**
 * Pair selection knobs for large corpora, from the environment: `COMPARE_TOP_K` (most similar
 * notices per notice, default 3) and `COMPARE_ALL_PAIRS_UP_TO` (compare every pair below this
 * many notices, default 24).
 */
function pairOptions(): { k?: number; allPairsUpTo?: number } {
  const read = (name: string) => {
    const value = process.env[name];
    return value !== undefined && /^\d+$/.test(value) ? Number(value) : undefined;
  };
  const k = read('COMPARE_TOP_K');
  const allPairsUpTo = read('COMPARE_ALL_PAIRS_UP_TO');
  return { ...(k !== undefined ? { k } : {}), ...(allPairsUpTo !== undefined ? { allPairsUpTo } : {}) };
}

/** Pairs selected for one list of notices; cached by the list's identity. */
const pairCache = new WeakMap<readonly Notice[], SelectedPair[]>();

/** The pairs the build pre-renders, older notice first. */
export function selectNoticePairs(notices: readonly Notice[]): SelectedPair[] {
  let pairs = pairCache.get(notices);
  if (!pairs) {
    const docs = notices.map((n) => ({
      slug: n.slug,
      year: n.year,
      date: n.date,
      level: n.level,
      region: n.region,
      relations: n.relations,
      text: noticeClauses(n)
        .map((c) => c.key)
        .join(''),
    }));
    pairs = selectPairs(docs, pairOptions()).pairs;
    pairCache.set(notices, pairs);
  }
  return pairs;
}

/** Alignments by `a/b`, shared by "also in" and the compare pages: each pair is aligned once. */
const alignmentCache = new Map<string, NoticeAlignment>();

function alignPair(a: Notice, b: Notice): NoticeAlignment {
  const key = `${a.slug}/${b.slug}`;
  let aligned = alignmentCache.get(key);
  if (!aligned) alignmentCache.set(key, (aligned = alignNotices(a, b)));
  return aligned;
}

/** Same-clause threshold for "also in": kept, or adapted this close. */
const ALSO_IN_SCORE = 0.8;

/**
 * Where else each clause appears: notice slug → block id → other notices' blocks holding the
 * same clause (kept verbatim, or adapted with a score of at least 0.8), over the selected pairs.
 */
export function getAlsoIn(notices: Notice[]): Map<string, Map<string, { slug: string; blockId: string }[]>> {
  const bySlug = new Map(notices.map((n) => [n.slug, n]));
  const out = new Map<string, Map<string, { slug: string; blockId: string }[]>>();
  const note = (slug: string, blockId: string, other: string, otherBlock: string) => {
    let blocks = out.get(slug);
    if (!blocks) out.set(slug, (blocks = new Map()));
    const list = blocks.get(blockId) ?? [];
    if (!list.some((x) => x.slug === other && x.blockId === otherBlock)) list.push({ slug: other, blockId: otherBlock });
    blocks.set(blockId, list);
  };
  for (const pair of selectNoticePairs(notices)) {
    const a = bySlug.get(pair.a)!;
    const b = bySlug.get(pair.b)!;
    for (const link of sameClauses(alignPair(a, b), ALSO_IN_SCORE)) {
      note(a.slug, link.aBlock, b.slug, link.bBlock);
      note(b.slug, link.bBlock, a.slug, link.aBlock);
    }
  }
  return out;
}

export interface CompareData {
  /** Notices oldest first. */
  notices: Notice[];
  pairs: SelectedPair[];
  /** Comparison by `a/b` (older/newer slug). */
  comparisons: Map<string, Comparison>;
  /** Glossary forms, so the browser picker tokenizes like the build. */
  forms: readonly TermForm[];
}

let data: Promise<CompareData> | undefined;

/** Every pre-rendered comparison, computed once. */
export function getCompareData(): Promise<CompareData> {
  data ??= (async () => {
    const [all, terms] = await Promise.all([getNotices(), getTermIndex()]);
    const notices = [...all].sort((x, y) => (orderPair(x, y)[0] === x ? -1 : 1));
    const bySlug = new Map(notices.map((n) => [n.slug, n]));
    const pairs = selectNoticePairs(all);
    const comparisons = new Map<string, Comparison>();
    for (const pair of pairs) {
      const a = bySlug.get(pair.a)!;
      const b = bySlug.get(pair.b)!;
      comparisons.set(`${pair.a}/${pair.b}`, compareAligned(a, b, alignPair(a, b), { matcher: terms.matcher }));
    }
    return { notices, pairs, comparisons, forms: terms.matcher.forms };
  })();
  return data;
}

/** The comparison of two notices if it is pre-rendered, in either order. */
export function findComparison(data: CompareData, x: string, y: string): Comparison | undefined {
  return data.comparisons.get(`${x}/${y}`) ?? data.comparisons.get(`${y}/${x}`);
}

/**
 * The share of `row`'s text taken from `col`, from whichever direction was compared: when
 * `row` is B, `shareOfBFromA`; when it is A, `shareOfAInB` (the same characters, seen from A).
 */
export function shareOf(data: CompareData, row: string, col: string): number | undefined {
  const forward = data.comparisons.get(`${col}/${row}`);
  if (forward) return forward.summary.shareOfBFromA;
  const backward = data.comparisons.get(`${row}/${col}`);
  return backward?.summary.shareOfAInB;
}

/** Open data: one comparison as CSV rows (header first), for spreadsheets. */
export function comparisonCsv(c: Comparison): string {
  const header = ['row', 'class', 'verbatim', 'repeat', 'score', 'a_blocks', 'a_text', 'b_blocks', 'b_text', 'numeric_changes'];
  const lines = [header];
  for (const r of c.rows) {
    lines.push([
      r.id,
      r.class,
      r.verbatim ? 'yes' : 'no',
      r.repeat ? 'yes' : 'no',
      String(r.score),
      [...new Set(r.a.map((x) => x.blockId))].join(' '),
      r.a.map((x) => x.text).join(''),
      [...new Set(r.b.map((x) => x.blockId))].join(' '),
      r.b.map((x) => x.text).join(''),
      (r.numeric ?? []).map((n) => `${n.from || '∅'} → ${n.to || '∅'}`).join('; '),
    ]);
  }
  return lines.map((cells) => cells.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** RFC 4180 quoting; a leading = + - @ is prefixed with ' so spreadsheets do not run it. */
function csvCell(value: string): string {
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
