/**
 * A pre-rendered pair's open data as served: `/data/compare/<a>/<b>.json` (the aligned rows and
 * summary, headed by why the pair was chosen) and `.csv` (the same rows for spreadsheets).
 */
import type { Comparison } from '../lib/compare';
import type { SelectedPair } from '../lib/related';

export type DownloadKind = 'json' | 'csv';

/** What a pair's JSON download says before the comparison's own fields. */
function downloadHead(pair: SelectedPair): { version: number; reasons: SelectedPair['reasons']; similarity: number } {
  return { version: 1, reasons: pair.reasons, similarity: pair.similarity };
}

/**
 * A pair's JSON download from the comparison's cached JSON text, without parsing it: the head's
 * fields, then the comparison's, exactly as `JSON.stringify({ ...head, ...comparison })` writes
 * them (the comparison has no field of the head's names). Undefined when the text is not an object.
 */
export function spliceDownload(pair: SelectedPair, comparisonJson: string): string | undefined {
  if (!comparisonJson.startsWith('{') || !comparisonJson.endsWith('}')) return undefined;
  const head = JSON.stringify(downloadHead(pair)).slice(0, -1);
  const fields = comparisonJson.slice(1, -1);
  return `${head}${fields ? `,${fields}` : ''}}\n`;
}

/** A pair's open-data file as served: `/data/compare/<a>/<b>.json` or `.csv`. */
export function downloadBody(pair: SelectedPair, kind: DownloadKind, c: Comparison): string {
  // JSON is compact, unlike the per-notice files: a large pair's rows run to hundreds of kilobytes.
  // CSV is UTF-8 with a BOM, so Excel reads the Chinese.
  return kind === 'json' ? `${JSON.stringify({ ...downloadHead(pair), ...c })}\n` : `\uFEFF${comparisonCsv(c)}`;
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
