/**
 * The comparison of two notices: clauses → alignment → classified rows with word diffs → a
 * summary. The same function runs at build time (compare pages, open data) and in the browser
 * (the picker on `/compare/`), on `{ slug, region, blocks }`.
 */
import { alignClauses, findRestatements, type Alignment, type AlignOptions } from './align';
import { extractClauses, type Clause, type ClauseKind } from './clauses';
import { countChars, diffClause, type DiffOp, type NumericChange } from './diff-clause';
import { placeNamesOf } from './normalize';
import type { TermMatcher } from './terms';
import type { Block, Region } from './types';

/**
 * What happened to a clause between A and B. `moved` is a kept or adapted clause that left the
 * order both notices share; `verbatim` on the row says which of the two it is.
 */
export type RowClass = 'kept' | 'adapted' | 'added' | 'dropped' | 'moved';
export const ROW_CLASSES: readonly RowClass[] = ['kept', 'adapted', 'moved', 'added', 'dropped'];

/** One side of a row: a clause and where it lives on its notice page. */
export interface RowClause {
  /** Clause index in the notice's clause list. */
  index: number;
  /** Block id: `/notices/<slug>/#<blockId>`. */
  blockId: string;
  /** `heading` for a heading's title (or a table row's task name), else the text kind. */
  kind: ClauseKind;
  text: string;
}

export interface CompareRow {
  /** Row anchor on the compare page (`r12`). */
  id: string;
  class: RowClass;
  /** Same text once normalised (kept, or a move of a kept clause). */
  verbatim: boolean;
  /** One side restates a clause matched elsewhere (the 岢岚 attachment repeats its body). */
  repeat: boolean;
  /** Similarity of the two sides, 0–1 (0 for added and dropped). */
  score: number;
  a: RowClause[];
  b: RowClause[];
  /** Word diff, for adapted rows (and moved ones that changed). */
  ops?: DiffOp[];
  /** Number and frequency changes inside this row. */
  numeric?: NumericChange[];
}

export interface CompareSummary {
  /** Share of B's clause text (characters, whitespace excluded) taken over from A, 0–1. */
  shareOfBFromA: number;
  /** Share of A's clause text found again in B, 0–1. */
  shareOfAInB: number;
  counts: Record<RowClass, number>;
  /** Every numeric change, with the row it is in. */
  numeric: Array<NumericChange & { row: string }>;
  /** Characters of clause text in A and B. */
  charsA: number;
  charsB: number;
}

export interface Comparison {
  a: string;
  b: string;
  rows: CompareRow[];
  summary: CompareSummary;
}

/** What the comparison needs of a notice: the open data (`/data/notices/<slug>.json`) has it. */
export interface ComparableNotice {
  slug: string;
  region?: Region;
  blocks: readonly Block[];
}

export interface CompareOptions extends AlignOptions {
  matcher?: TermMatcher;
}

function toRowClause(clause: Clause): RowClause {
  return { index: clause.index, blockId: clause.blockId, kind: clause.kind, text: clause.text };
}

/** Joins clause texts of one side of a row for the diff (sentences run on, no separator). */
function joinTexts(clauses: RowClause[]): string {
  return clauses.map((c) => c.text).join('');
}

/**
 * Row order follows B, the newer notice, since that is what a reader checks against the
 * older one. A dropped clause goes right after the row holding the A clause before it.
 */
function orderRows(rows: Array<CompareRow & { sortKey: [number, number, number] }>): CompareRow[] {
  rows.sort((x, y) => x.sortKey[0] - y.sortKey[0] || x.sortKey[1] - y.sortKey[1] || x.sortKey[2] - y.sortKey[2]);
  return rows.map(({ sortKey: _drop, ...row }, k) => ({ ...row, id: `r${k + 1}` }));
}

/** A notice's clauses minus attachment rows that restate its body, renumbered 0…n-1. */
export function comparableClauses(blocks: readonly Block[], places: readonly string[]): Clause[] {
  const all = extractClauses(blocks, { places });
  const restated = findRestatements(all);
  return all.filter((c) => !restated.has(c.index)).map((c, k) => ({ ...c, index: k }));
}

/**
 * Clauses per notice, cached on the notice (not its blocks array: the site's notices read their
 * blocks anew when asked again later, see `src/site/notices.ts`): a notice in many pairs is split
 * and normalised once. Each notice is localised with its own place names (and every province):
 * that is what its text names, and it keeps the cache independent of the other notice.
 */
let clauseCache = new WeakMap<ComparableNotice, Clause[]>();

/**
 * Drop every cached notice's clauses (they are computed again on demand). A build calls this
 * once every selected pair is aligned: at 3,000 notices the clauses are ~250 MB of heap that
 * every later page would otherwise carry through each garbage collection.
 */
export function forgetClauses(): void {
  clauseCache = new WeakMap();
}

export function noticeClauses(notice: ComparableNotice): Clause[] {
  let clauses = clauseCache.get(notice);
  if (!clauses) {
    clauses = comparableClauses(notice.blocks, placeNamesOf(notice.region));
    clauseCache.set(notice, clauses);
  }
  return clauses;
}

export interface NoticeAlignment {
  /** Place names of both notices; the word diff treats them as equal. */
  places: string[];
  ca: Clause[];
  cb: Clause[];
  alignment: Alignment;
}

/** Clauses and their alignment, without diffs: what "also in" needs. */
export function alignNotices(a: ComparableNotice, b: ComparableNotice, options: AlignOptions = {}): NoticeAlignment {
  const places = [...new Set([...placeNamesOf(a.region), ...placeNamesOf(b.region)])];
  const ca = noticeClauses(a);
  const cb = noticeClauses(b);
  return { places, ca, cb, alignment: alignClauses(ca, cb, options) };
}

/**
 * One clause found in two notices: the blocks holding it on each side, in document order. Most
 * are one block each; a clause merged or split in adaptation spans several blocks on one side.
 */
export interface SameClause {
  aBlocks: string[];
  bBlocks: string[];
}

/**
 * The clauses two notices share (kept, or adapted with a score of at least `minScore`): what
 * the notice pages show as "also in …". One entry per aligned group, in A order; groups of
 * sentence-level clauses that fall in the same blocks give one entry.
 */
export function sameClauses(aligned: NoticeAlignment, minScore = 0.8): SameClause[] {
  const seen = new Set<string>();
  const out: SameClause[] = [];
  const groups = [...aligned.alignment.groups].sort((x, y) => x.a[0]! - y.a[0]!);
  for (const g of groups) {
    if (g.score < minScore) continue;
    const link = {
      aBlocks: [...new Set(g.a.map((i) => aligned.ca[i]!.blockId))],
      bBlocks: [...new Set(g.b.map((j) => aligned.cb[j]!.blockId))],
    };
    const key = `${link.aBlocks.join(' ')}/${link.bBlocks.join(' ')}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(link);
  }
  return out;
}

/** Compares two notices: A the older (or the source), B the newer (or the adaptation). */
export function compareNotices(a: ComparableNotice, b: ComparableNotice, options: CompareOptions = {}): Comparison {
  return compareAligned(a, b, alignNotices(a, b, options), options);
}

/** Classified rows, diffs and summary for an alignment already computed (`alignNotices`). */
export function compareAligned(a: ComparableNotice, b: ComparableNotice, aligned: NoticeAlignment, options: CompareOptions = {}): Comparison {
  const { places, ca, cb, alignment } = aligned;
  const rows: Array<CompareRow & { sortKey: [number, number, number] }> = [];
  // Where each A clause ended up in B order, for placing dropped clauses.
  const bPositionOfA = new Map<number, number>();
  let sharedB = 0;
  let sharedA = 0;
  for (const g of alignment.groups) {
    const ra = g.a.map((i) => toRowClause(ca[i]!));
    const rb = g.b.map((j) => toRowClause(cb[j]!));
    const verbatim = g.a.map((i) => ca[i]!.key).join('') === g.b.map((j) => cb[j]!.key).join('');
    const row: CompareRow & { sortKey: [number, number, number] } = {
      id: '',
      class: g.moved ? 'moved' : verbatim ? 'kept' : 'adapted',
      verbatim,
      repeat: g.repeat,
      score: Math.round(g.score * 1000) / 1000,
      a: ra,
      b: rb,
      sortKey: [g.b[0]!, 0, g.a[0]!],
    };
    const textA = joinTexts(ra);
    const textB = joinTexts(rb);
    if (verbatim) {
      if (!g.repeat) {
        sharedB += countChars(textB);
        sharedA += countChars(textA);
      }
    } else {
      const diff = diffClause(textA, textB, { places, matcher: options.matcher });
      row.ops = diff.ops;
      if (diff.numeric.length > 0) row.numeric = diff.numeric;
      if (!g.repeat) {
        sharedB += diff.sharedChars;
        sharedA += diff.sharedChars;
      }
    }
    if (!g.moved && !g.repeat) for (const i of g.a) bPositionOfA.set(i, g.b[0]!);
    rows.push(row);
  }
  for (const j of alignment.added) {
    rows.push({ id: '', class: 'added', verbatim: false, repeat: false, score: 0, a: [], b: [toRowClause(cb[j]!)], sortKey: [j, 0, -1] });
  }
  for (const i of alignment.dropped) {
    let anchor = -1;
    for (let k = i - 1; k >= 0; k--) {
      const pos = bPositionOfA.get(k);
      if (pos !== undefined) {
        anchor = pos;
        break;
      }
    }
    rows.push({ id: '', class: 'dropped', verbatim: false, repeat: false, score: 0, a: [toRowClause(ca[i]!)], b: [], sortKey: [anchor, 1, i] });
  }
  const ordered = orderRows(rows);

  const counts: Record<RowClass, number> = { kept: 0, adapted: 0, added: 0, dropped: 0, moved: 0 };
  const numeric: CompareSummary['numeric'] = [];
  for (const row of ordered) {
    counts[row.class]++;
    for (const change of row.numeric ?? []) numeric.push({ ...change, row: row.id });
  }
  const charsA = ca.reduce((n, c) => n + countChars(c.text), 0);
  const charsB = cb.reduce((n, c) => n + countChars(c.text), 0);
  const ratio = (x: number, total: number) => (total === 0 ? 0 : Math.round(Math.min(1, x / total) * 1000) / 1000);
  return {
    a: a.slug,
    b: b.slug,
    rows: ordered,
    summary: {
      shareOfBFromA: ratio(sharedB, charsB),
      shareOfAInB: ratio(sharedA, charsA),
      counts,
      numeric,
      charsA,
      charsB,
    },
  };
}
