/**
 * The pre-rendered pairs list, paged: `/compare/` shows page 1 under the matrix and the picker,
 * `/compare/pairs/<n>/` the rest, so the index stays light at any corpus size (12,745 pairs at
 * 3,000 notices were a 4.9 MB table on one page).
 */
import type { CompareSummary } from '../lib/compare';
import type { SelectedPair } from '../lib/related';

/** Rows per page of the pairs list. */
export const PAIRS_PAGE_SIZE = 100;

export interface PairRow {
  pair: SelectedPair;
  summary: CompareSummary;
}

/** Page `n` of the pairs list: page 1 is `/compare/` itself. */
export function pairsPageHref(base: string, n: number): string {
  return n === 1 ? `${base}compare/` : `${base}compare/pairs/${n}/`;
}

/** How many pages `count` pairs fill (at least one, so an empty list still has its page). */
export function pairsPageCount(count: number): number {
  return Math.max(1, Math.ceil(count / PAIRS_PAGE_SIZE));
}

/** Every pair with its summary, most of B's text taken from A first; ties keep the pairs' order. */
export function sortPairRows(pairs: readonly SelectedPair[], summaries: ReadonlyMap<string, CompareSummary>): PairRow[] {
  return pairs
    .map((pair) => {
      const summary = summaries.get(`${pair.a}/${pair.b}`);
      if (!summary) throw new Error(`No comparison summary for the pair ${pair.a} → ${pair.b}: it was selected but never compared.`);
      return { pair, summary };
    })
    .sort((x, y) => y.summary.shareOfBFromA - x.summary.shareOfBFromA);
}

/** The rows of page `page` (1-based). */
export function pairsPage<T>(rows: readonly T[], page: number): T[] {
  return rows.slice((page - 1) * PAIRS_PAGE_SIZE, page * PAIRS_PAGE_SIZE);
}
