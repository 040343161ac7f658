import { describe, expect, test } from 'vitest';
import { loadNotices } from '../../src/data/notices';
import { noticeClauses } from '../../src/lib/compare';
import { generateCorpus } from '../../src/lib/generate';
import { parseNotice } from '../../src/lib/parse';
import { estimateSimilarity, gramHashes, minhashSignature, orderPair, selectPairs, type RelatedInput } from '../../src/lib/related';
import type { Level, Region } from '../../src/lib/types';
import { readSeedTexts } from '../seeds';

const notices = loadNotices();
const seedDocs: RelatedInput[] = notices.map((n) => ({ ...n, text: noticeClauses(n).map((c) => c.key).join('') }));

/** A small document for selection tests. */
function doc(slug: string, year: number, level: Level, region: Region, text: string, relations: RelatedInput['relations'] = []): RelatedInput {
  return { slug, year, date: `${year}-03-01`, level, region, relations, text };
}

/** Deterministic filler text: `n` distinct 5-character words from a seed. */
function filler(seed: number, n: number): string {
  let out = '';
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    out += String.fromCharCode(0x4e00 + (x % 20000));
  }
  return out;
}

describe('MinHash', () => {
  test('identical texts estimate 1, disjoint ones 0', () => {
    const a = minhashSignature(filler(1, 3000), 96);
    expect(estimateSimilarity(a, minhashSignature(filler(1, 3000), 96))).toBe(1);
    expect(estimateSimilarity(a, minhashSignature(filler(2, 3000), 96))).toBe(0);
  });

  test('the estimate is close to the true Jaccard similarity of the 5-gram sets', () => {
    const shared = filler(7, 3000);
    const x = shared + filler(8, 3000);
    const y = shared + filler(9, 3000);
    const gx = new Set(gramHashes(x));
    const gy = new Set(gramHashes(y));
    const inter = [...gx].filter((g) => gy.has(g)).length;
    const jaccard = inter / (gx.size + gy.size - inter);
    const estimate = estimateSimilarity(minhashSignature(x, 256), minhashSignature(y, 256));
    expect(Math.abs(estimate - jaccard)).toBeLessThan(0.08);
  });

  test('a gram that repeats counts once: texts with the same distinct grams have the same signature', () => {
    // Period 8: from 12 characters on, every one of the 8 distinct 5-grams is there.
    const once = '安全生产责任落实'.repeat(2);
    const often = '安全生产责任落实'.repeat(9);
    expect(new Set(gramHashes(once))).toEqual(new Set(gramHashes(often)));
    expect([...minhashSignature(often, 64)]).toEqual([...minhashSignature(once, 64)]);
    expect([...minhashSignature(often, 64)]).not.toEqual([...minhashSignature('安全生产责任落到'.repeat(9), 64)]);
  });

  test('empty text gives an empty signature that matches nothing', () => {
    expect(estimateSimilarity(minhashSignature('', 16), minhashSignature(filler(1, 100), 16))).toBe(0);
  });
});

describe('orderPair', () => {
  test('older first by date, a notice without a date after dated ones of its year', () => {
    const [kelan, hongtong, yicheng] = ['kelan-2023', 'hongtong-2024-jiedu', 'yicheng-2023'].map((s) => notices.find((n) => n.slug === s)!);
    expect(orderPair(kelan!, yicheng!).map((n) => n.slug)).toEqual(['yicheng-2023', 'kelan-2023']);
    expect(orderPair(hongtong!, kelan!).map((n) => n.slug)).toEqual(['kelan-2023', 'hongtong-2024-jiedu']);
  });
});

describe('selectPairs', () => {
  const shanxi = { province: '山西省' };
  const county = (c: string): Region => ({ province: '山西省', city: '某市', county: c });

  test('the five seeds: every pair, older notice first', () => {
    const { pairs } = selectPairs(seedDocs);
    expect(pairs.length).toBe(10);
    expect(pairs.every((p) => p.reasons.includes('all'))).toBe(true);
    expect(pairs.some((p) => p.a === 'yicheng-2023' && p.b === 'kelan-2023')).toBe(true);
    const lineage = pairs.filter((p) => p.reasons.includes('lineage')).map((p) => `${p.a}>${p.b}`);
    expect(lineage).toEqual(['shanxi-2020>hongtong-2024-jiedu', 'shanxi-2020>kelan-2023', 'shanxi-2020>qinshui-2025']);
  });

  test('the seeds: 岢岚 and 峄城 are each other’s most similar notice', () => {
    const { pairs } = selectPairs(seedDocs, { allPairsUpTo: 0, k: 1 });
    const similar = pairs.find((p) => p.a === 'yicheng-2023' && p.b === 'kelan-2023');
    expect(similar?.reasons).toContain('similar');
    const sims = selectPairs(seedDocs).pairs.map((p) => p.similarity);
    expect(similar!.similarity).toBe(Math.max(...sims));
  });

  test('lineage: a county notice and its province’s latest notice up to its year', () => {
    const docs = [
      doc('sx-2020', 2020, 'province', shanxi, filler(1, 500)),
      doc('sx-2023', 2023, 'province', shanxi, filler(2, 500)),
      doc('sx-2025', 2025, 'province', shanxi, filler(3, 500)),
      doc('kl-2024', 2024, 'county', county('岢岚县'), filler(4, 500)),
    ];
    const { pairs } = selectPairs(docs, { allPairsUpTo: 0 });
    expect(pairs.map((p) => `${p.a}>${p.b}:${p.reasons.join('+')}`)).toEqual(['sx-2020>sx-2023:region', 'sx-2023>kl-2024:lineage', 'sx-2023>sx-2025:region']);
  });

  test('region: consecutive years of one issuer; relation: a cited notice', () => {
    const docs = [
      doc('kl-2021', 2021, 'county', county('岢岚县'), filler(1, 500)),
      doc('kl-2022', 2022, 'county', county('岢岚县'), filler(2, 500)),
      doc('kl-2023', 2023, 'county', county('岢岚县'), filler(3, 500)),
      doc('ht-2023', 2023, 'county', county('洪洞县'), filler(4, 500), [{ type: 'cites', slug: 'kl-2021' }]),
    ];
    const { pairs } = selectPairs(docs, { allPairsUpTo: 0 });
    expect(pairs.map((p) => `${p.a}>${p.b}:${p.reasons.join('+')}`)).toEqual([
      'kl-2021>ht-2023:relation',
      'kl-2021>kl-2022:region',
      'kl-2022>kl-2023:region',
    ]);
  });

  test('similar: a copied notice is found by LSH among unrelated ones, without all pairs', () => {
    const base = filler(100, 4000);
    const docs = [
      ...Array.from({ length: 40 }, (_, k) => doc(`other-${k}`, 2023, 'county', county(`县${k}`), filler(k + 1, 4000))),
      doc('copy-a', 2023, 'county', county('甲县'), base + filler(200, 800)),
      doc('copy-b', 2024, 'county', county('乙县'), base + filler(201, 800)),
    ];
    const { pairs, stats } = selectPairs(docs, { allPairsUpTo: 0 });
    const similar = pairs.filter((p) => p.reasons.includes('similar'));
    expect(similar.map((p) => `${p.a}>${p.b}`)).toEqual(['copy-a>copy-b']);
    expect(stats.candidates).toBeLessThan(10);
  });

  test('a crowded LSH bucket is paired by neighbours only: candidates grow linearly', () => {
    const base = filler(5, 4000);
    const make = (n: number) =>
      Array.from({ length: n }, (_, k) => doc(`c-${String(k).padStart(4, '0')}`, 2023, 'county', county(`县${k}`), base + filler(1000 + k, 100)));
    const small = selectPairs(make(100), { allPairsUpTo: 0 }).stats;
    const large = selectPairs(make(200), { allPairsUpTo: 0 }).stats;
    expect(large.candidates / small.candidates).toBeLessThan(2.2);
    expect(large.pairs / small.pairs).toBeLessThan(2.2);
  });

  test('similar: each notice’s k most similar LSH candidates, as a plain all-pairs reading of the signatures finds them', () => {
    // 200 generated notices (adapted from the seeds, so most pairs share wording). With no bucket
    // crowded enough to be windowed, a pair is a candidate when some band's rows agree and are not
    // empty; each notice keeps its k best candidates by similarity, then slug.
    const seedTexts = readSeedTexts();
    const docs: RelatedInput[] = generateCorpus({ notices: 200, seed: 'related', seedTexts }).map(({ meta, text }) => {
      const blocks = parseNotice(text);
      return { ...meta, relations: [], text: noticeClauses({ ...meta, blocks }).map((c) => c.key).join('') };
    });
    const options = { allPairsUpTo: 0, k: 3, minSimilarity: 0.08, bands: 48, rows: 2, maxBucket: 10_000, window: 6 };
    const sigs = docs.map((d) => minhashSignature(d.text, options.bands * options.rows));
    const empty = 0xffffffff;
    const isCandidate = (x: Uint32Array, y: Uint32Array) =>
      Array.from({ length: options.bands }, (_, b) => b * options.rows).some((s) =>
        Array.from({ length: options.rows }, (_, r) => s + r).every((i) => x[i] !== empty && x[i] === y[i]),
      );
    let candidates = 0;
    const expected = new Set<string>();
    const scored: Array<Array<{ slug: string; sim: number }>> = docs.map(() => []);
    for (let i = 0; i < docs.length; i++) {
      for (let j = i + 1; j < docs.length; j++) {
        if (!isCandidate(sigs[i]!, sigs[j]!)) continue;
        candidates++;
        const sim = estimateSimilarity(sigs[i]!, sigs[j]!);
        if (sim < options.minSimilarity) continue;
        scored[i]!.push({ slug: docs[j]!.slug, sim });
        scored[j]!.push({ slug: docs[i]!.slug, sim });
      }
    }
    docs.forEach((d, i) => {
      const top = scored[i]!.sort((m, q) => q.sim - m.sim || m.slug.localeCompare(q.slug)).slice(0, options.k);
      for (const { slug } of top) expected.add([d.slug, slug].sort().join(' '));
    });
    const { pairs, stats } = selectPairs(docs, options);
    const similar = pairs.filter((p) => p.reasons.includes('similar'));
    expect(stats.candidates).toBe(candidates);
    expect(candidates).toBeGreaterThan(1000);
    expect(new Set(similar.map((p) => [p.a, p.b].sort().join(' ')))).toEqual(expected);
    // Ties in similarity are common (a signature has 96 bins), so the slug order is exercised.
    expect(scored.some((list) => list.length > options.k && list[options.k - 1]!.sim === list[options.k]!.sim)).toBe(true);
  });
});
