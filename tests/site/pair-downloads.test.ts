import { describe, expect, it } from 'vitest';
import { loadNotices } from '../../src/data/notices';
import { compareNotices, noticeClauses } from '../../src/lib/compare';
import { selectPairs } from '../../src/lib/related';
import { downloadBody, spliceDownload } from '../../src/site/pair-downloads';

const notices = loadNotices();
const bySlug = new Map(notices.map((n) => [n.slug, n]));
const { pairs } = selectPairs(notices.map((n) => ({ ...n, text: noticeClauses(n).map((c) => c.key).join('') })));

describe('pair downloads (real seeds)', () => {
  it('the JSON spliced from the cached comparison text is byte for byte the JSON written from the object', () => {
    expect(pairs.length).toBeGreaterThan(1);
    for (const pair of pairs) {
      const c = compareNotices(bySlug.get(pair.a)!, bySlug.get(pair.b)!);
      const spliced = spliceDownload(pair, JSON.stringify(c));
      expect(spliced).toBe(downloadBody(pair, 'json', c));
      expect(JSON.parse(spliced!)).toEqual(JSON.parse(JSON.stringify({ version: 1, reasons: pair.reasons, similarity: pair.similarity, ...c })));
    }
  });

  it('splices an empty comparison object, and refuses text that is not an object', () => {
    const pair = pairs[0]!;
    expect(spliceDownload(pair, '{}')).toBe(`${JSON.stringify({ version: 1, reasons: pair.reasons, similarity: pair.similarity })}\n`);
    expect(spliceDownload(pair, '[1,2]')).toBeUndefined();
    expect(spliceDownload(pair, '{"a":"half')).toBeUndefined();
  });

  it('the CSV starts with a BOM and has a header and one line per row', () => {
    const pair = pairs[0]!;
    const c = compareNotices(bySlug.get(pair.a)!, bySlug.get(pair.b)!);
    const csv = downloadBody(pair, 'csv', c);
    expect(csv.startsWith('\uFEFFrow,class,verbatim,')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.trimEnd().split('\r\n').length).toBeGreaterThanOrEqual(c.rows.length + 1);
  });
});
