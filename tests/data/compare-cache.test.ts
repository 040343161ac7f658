import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { renderComparison } from '../../src/components/CompareView';
import { JsonDiskCache } from '../../src/data/compare-cache';
import { loadNotices } from '../../src/data/notices';
import { compareNotices, noticeClauses, type Comparison } from '../../src/lib/compare';
import { selectPairs } from '../../src/lib/related';

const notices = loadNotices();
const bySlug = new Map(notices.map((n) => [n.slug, n]));
const { pairs } = selectPairs(notices.map((n) => ({ ...n, text: noticeClauses(n).map((c) => c.key).join('') })));
const dir = mkdtempSync(join(tmpdir(), 'compare-cache-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the comparison disk cache (real seeds)', () => {
  it('gives back each comparison from its structured-clone copy as computed, and the page from it is the same', () => {
    const cache = new JsonDiskCache(dir);
    expect(pairs.length).toBeGreaterThan(1);
    for (const [i, pair] of pairs.entries()) {
      const c = compareNotices(bySlug.get(pair.a)!, bySlug.get(pair.b)!);
      cache.set(`k${i}`, c);
      cache.setStructured(`k${i}`, c);
      const back = cache.getStructured<Comparison>(`k${i}`)!;
      expect(back).toEqual(c);
      const view = { a: { slug: pair.a, name: 'A' }, b: { slug: pair.b, name: 'B' }, base: '/' };
      expect(renderComparison(back, view)).toBe(renderComparison(c, view));
      // The JSON copy, read back as bytes, is the JSON text.
      expect(cache.getBytes(`k${i}`)!.toString('utf8')).toBe(JSON.stringify(c));
    }
  });

  it('reads absent or damaged entries as absent, so they are computed again', () => {
    const cache = new JsonDiskCache(dir);
    expect(cache.getStructured('nothing-here')).toBeUndefined();
    expect(cache.getBytes('nothing-here')).toBeUndefined();
    expect(cache.get('nothing-here')).toBeUndefined();
    cache.setStructured('damaged', { rows: [1, 2, 3] });
    writeFileSync(join(dir, 'da', 'damaged.v8'), Buffer.from([0xff, 0x0f, 0x6f, 0x22]));
    expect(cache.getStructured('damaged')).toBeUndefined();
  });
});
