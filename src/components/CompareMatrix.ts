/** Cells of the similarity matrix, computed apart from the markup so it can be tested. */
import type { Notice } from '../lib/types';
import type { SelectedPair } from '../lib/related';

export interface MatrixCell {
  col: Notice;
  self: boolean;
  /** Share of the row's text taken from the column, 0–1, when the pair was compared. */
  share?: number;
  label: string;
  /** The compare page's older and newer slug. */
  a: string;
  b: string;
}

/** One row per notice, one cell per notice; `share(row, col)` reads the comparisons. */
export function matrixCells(
  data: { notices: Notice[]; pairs: SelectedPair[] },
  share: (row: string, col: string) => number | undefined,
): Array<{ notice: Notice; cells: MatrixCell[] }> {
  const compared = new Set(data.pairs.map((p) => `${p.a}/${p.b}`));
  return data.notices.map((row) => ({
    notice: row,
    cells: data.notices.map((col) => {
      const a = compared.has(`${col.slug}/${row.slug}`) ? col.slug : row.slug;
      const b = a === col.slug ? row.slug : col.slug;
      const value = row.slug === col.slug ? undefined : share(row.slug, col.slug);
      return { col, self: row.slug === col.slug, share: value, label: value === undefined ? '' : `${Math.round(value * 100)}%`, a, b };
    }),
  }));
}
