import { describe, expect, it } from 'vitest';
import { loadNotices } from '../../src/data/notices';
import { compareNotices, noticeClauses } from '../../src/lib/compare';
import { selectPairs } from '../../src/lib/related';
import { downloadBody, spliceDownload } from '../../src/site/pair-downloads';
import { parseCsv } from '../helpers/csv';

const notices = loadNotices();
const bySlug = new Map(notices.map((n) => [n.slug, n]));
const { pairs } = selectPairs(notices.map((n) => ({ ...n, text: noticeClauses(n).map((c) => c.key).join('') })));

describe('pair downloads (real seeds)', () => {
  it('the JSON spliced from the cached comparison text is byte for byte the JSON written from the object', () => {
    expect(pairs.length).toBeGreaterThan(1);
    for (const pair of pairs) {
      const c = compareNotices(bySlug.get(pair.a)!, bySlug.get(pair.b)!);
      const spliced = spliceDownload(pair, Buffer.from(JSON.stringify(c)));
      expect(Buffer.from(spliced!).equals(Buffer.from(downloadBody(pair, 'json', c)))).toBe(true);
      expect(JSON.parse(text(spliced!))).toEqual(JSON.parse(JSON.stringify({ version: 1, reasons: pair.reasons, similarity: pair.similarity, ...c })));
    }
  });

  it('splices an empty comparison object, and refuses text that is not an object', () => {
    const pair = pairs[0]!;
    const splice = (json: string) => spliceDownload(pair, Buffer.from(json));
    expect(text(splice('{}')!)).toBe(`${JSON.stringify({ version: 1, reasons: pair.reasons, similarity: pair.similarity })}\n`);
    expect(splice('[1,2]')).toBeUndefined();
    expect(splice('{"a":"half')).toBeUndefined();
    expect(splice('{')).toBeUndefined();
    expect(splice('')).toBeUndefined();
  });

  it('the CSV is UTF-8 with a BOM, a header, and one record per row holding its cells (quoted where needed)', () => {
    let quoted = 0;
    for (const pair of pairs) {
      const c = compareNotices(bySlug.get(pair.a)!, bySlug.get(pair.b)!);
      const csv = text(downloadBody(pair, 'csv', c));
      expect(csv.startsWith('\uFEFFrow,class,verbatim,')).toBe(true);
      expect(csv.endsWith('\r\n')).toBe(true);
      quoted += (csv.match(/"/g) ?? []).length;
      const records = parseCsv(csv);
      expect(records[0]).toEqual(['row', 'class', 'verbatim', 'repeat', 'score', 'a_blocks', 'a_text', 'b_blocks', 'b_text', 'numeric_changes']);
      expect(records.length).toBe(c.rows.length + 1);
      c.rows.forEach((r, i) => {
        const cells = records[i + 1]!;
        expect(cells.length).toBe(10);
        expect(cells[0]).toBe(r.id);
        expect(cells[1]).toBe(r.class);
        expect(cells[6]).toBe(r.a.map((x) => x.text).join(''));
        expect(cells[8]).toBe(r.b.map((x) => x.text).join(''));
      });
    }
    // Some cell somewhere needed quoting, so the quoting was exercised.
    expect(quoted).toBeGreaterThan(0);
  });
});

/** UTF-8 bytes as text, failing on malformed bytes. */
function text(bytes: Uint8Array): string {
  return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
}
