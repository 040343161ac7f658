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
 * A pair's JSON download from the comparison's cached JSON bytes, without decoding them: the
 * head's fields, then the comparison's, exactly as `JSON.stringify({ ...head, ...comparison })`
 * writes them (the comparison has no field of the head's names). Undefined when the bytes are
 * not an object. Bytes, not text: a large pair's JSON as a string is a few hundred kilobytes the
 * heap must find fresh memory for, three times over (decoded, joined, encoded again).
 */
export function spliceDownload(pair: SelectedPair, comparisonJson: Uint8Array): Uint8Array<ArrayBuffer> | undefined {
  const n = comparisonJson.length;
  if (n < 2 || comparisonJson[0] !== 0x7b || comparisonJson[n - 1] !== 0x7d) return undefined;
  const head = JSON.stringify(downloadHead(pair)).slice(0, -1);
  const fields = comparisonJson.subarray(1, n - 1);
  return Buffer.concat([Buffer.from(fields.length > 0 ? `${head},` : head), fields, Buffer.from('}\n')]);
}

/** A pair's open-data file as served: `/data/compare/<a>/<b>.json` or `.csv`, UTF-8. */
export function downloadBody(pair: SelectedPair, kind: DownloadKind, c: Comparison): Uint8Array<ArrayBuffer> {
  // JSON is compact, unlike the per-notice files: a large pair's rows run to hundreds of kilobytes.
  // CSV is UTF-8 with a BOM, so Excel reads the Chinese.
  return kind === 'json' ? Buffer.from(`${JSON.stringify({ ...downloadHead(pair), ...c })}\n`) : comparisonCsv(c);
}

/**
 * Open data: one comparison as CSV (a BOM, the header, one line per row, each ending CRLF),
 * encoded line by line: the whole file as one string would be a large object for the heap.
 */
export function comparisonCsv(c: Comparison): Uint8Array<ArrayBuffer> {
  const header = ['row', 'class', 'verbatim', 'repeat', 'score', 'a_blocks', 'a_text', 'b_blocks', 'b_text', 'numeric_changes'];
  const line = (cells: string[]) => Buffer.from(`${cells.map(csvCell).join(',')}\r\n`);
  const lines = [Buffer.from('\uFEFF'), line(header)];
  for (const r of c.rows) {
    lines.push(
      line([
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
      ]),
    );
  }
  return Buffer.concat(lines);
}

/** RFC 4180 quoting; a leading = + - @ is prefixed with ' so spreadsheets do not run it. */
function csvCell(value: string): string {
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
