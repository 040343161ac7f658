import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import {
  createRandom,
  extractClausePool,
  generateCorpus,
  renderMetaYaml,
  toChineseNumeral,
  type SeedText,
} from '../../src/lib/generate';
import { parseNotice } from '../../src/lib/parse';
import { isValidSlug, noticeMetaSchema } from '../../src/schemas/notice';

const seedDir = join(import.meta.dirname, '..', '..', 'seeds');
const seedTexts: SeedText[] = readdirSync(seedDir)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((name) => ({ name, text: readFileSync(join(seedDir, name), 'utf8') }));

/** Seed paragraphs of at least 40 characters, as the seeds spell them (for "copied from a seed"). */
const seedSentences = seedTexts.flatMap((s) =>
  s.text
    .replace(/\r\n?/g, '\n')
    .split(/[。\n]/)
    .map((x) => x.replace(/\*\*/g, '').trim())
    .filter((x) => x.length >= 40 && !x.includes('\t')),
);

const corpus = generateCorpus({ notices: 300, seed: 7, seedTexts });

describe('createRandom', () => {
  it('repeats its sequence for the same seed and differs for another', () => {
    const a = createRandom('x');
    const b = createRandom('x');
    const c = createRandom('y');
    const seqA = [a.next(), a.next(), a.next()].join();
    expect([b.next(), b.next(), b.next()].join()).toBe(seqA);
    expect([c.next(), c.next(), c.next()].join() === seqA).toBe(false);
  });
});

describe('toChineseNumeral', () => {
  it('writes the numbers the seeds number their clauses with', () => {
    expect(toChineseNumeral(1)).toBe('一');
    expect(toChineseNumeral(10)).toBe('十');
    expect(toChineseNumeral(12)).toBe('十二');
    expect(toChineseNumeral(31)).toBe('三十一');
  });
});

describe('extractClausePool', () => {
  const pool = extractClausePool(seedTexts);
  it('reads the 洪洞 解读 term definitions and the sections of all five seeds', () => {
    expect(pool.definitions.length).toBe(12);
    expect(pool.sections.some((s) => s.title === '完善安全责任体系')).toBe(true);
    expect(pool.sections.some((s) => s.title === '强化担当作为，压实安全责任')).toBe(true);
  });
  it('rejoins clauses broken at page ends', () => {
    const all = pool.clauses.map((c) => c.body);
    expect(all.some((b) => b.includes('持续开展“警示教育月”活动，围绕复工复产'))).toBe(true);
    expect(all.some((b) => /^[，。：、]/.test(b))).toBe(false);
  });
  it('is empty for empty input', () => {
    expect(extractClausePool([]).clauses.length).toBe(0);
    expect(() => generateCorpus({ notices: 3, seed: 1, seedTexts: [] })).toThrow(/no clauses/);
  });
});

describe('generateCorpus', () => {
  it('generates exactly the number asked for, with unique valid slugs', () => {
    expect(corpus.length).toBe(300);
    const slugs = new Set(corpus.map((n) => n.meta.slug));
    expect(slugs.size).toBe(300);
    expect(corpus.every((n) => isValidSlug(n.meta.slug))).toBe(true);
  });

  it('is byte-identical for the same seed and different for another', () => {
    const again = generateCorpus({ notices: 300, seed: 7, seedTexts });
    const joined = (c: typeof corpus): string => c.map((n) => renderMetaYaml(n.meta) + n.text).join('\u0000');
    expect(joined(again) === joined(corpus)).toBe(true);
    const other = generateCorpus({ notices: 300, seed: 8, seedTexts });
    expect(joined(other) === joined(corpus)).toBe(false);
  });

  it('writes metadata the notice schema accepts, round-tripping through YAML', () => {
    for (const { meta } of corpus) {
      const { slug, ...rest } = meta;
      const parsed = noticeMetaSchema.safeParse(parseYaml(renderMetaYaml(meta)));
      expect(parsed.success ? '' : `${slug}: ${parsed.error.message}`).toBe('');
      if (parsed.success) expect(JSON.stringify(parsed.data)).toBe(JSON.stringify(rest));
    }
  });

  it('has provinces, cities and counties, a notice per province per year, and 解读 of county notices', () => {
    const levels = new Set(corpus.map((n) => n.meta.level));
    expect([...levels].sort().join()).toBe('city,county,province');
    const provinceYears = corpus.filter((n) => n.meta.level === 'province').map((n) => `${n.meta.region.province}${n.meta.year}`);
    expect(new Set(provinceYears).size).toBe(provinceYears.length);
    const interp = corpus.filter((n) => n.meta.kind === 'interpretation');
    expect(interp.length > 0).toBe(true);
    const slugs = new Set(corpus.map((n) => n.meta.slug));
    expect(interp.every((n) => n.meta.relations[0]?.type === 'interprets' && slugs.has(n.meta.relations[0].slug ?? ''))).toBe(true);
  });

  it('makes county notices cite a notice of their city that is in the corpus', () => {
    const bySlug = new Map(corpus.map((n) => [n.meta.slug, n.meta]));
    const counties = corpus.filter((n) => n.meta.level === 'county' && n.meta.kind !== 'interpretation');
    for (const { meta } of counties) {
      const cited = bySlug.get(meta.relations[0]?.slug ?? '');
      expect(cited?.region.city).toBe(meta.region.city);
      expect(cited?.year).toBe(meta.year);
    }
  });

  it('sizes notices like the seeds', () => {
    const sizes = corpus.filter((n) => n.meta.kind !== 'interpretation').map((n) => n.text.length);
    expect(Math.min(...sizes) >= 9000).toBe(true);
    expect(Math.max(...sizes) <= 30000).toBe(true);
  });

  it('copies seed clauses, localised to the issuer', () => {
    const county = corpus.find((n) => n.meta.level === 'county' && n.meta.region.county?.endsWith('县') && n.meta.kind === 'notice')!;
    const copied = seedSentences.filter((s) => county.text.includes(s));
    expect(copied.length > 3).toBe(true);
    expect(county.text.includes('全县')).toBe(true);
    // The seeds' own places never leak into a generated county.
    expect(/岢岚|峄城|沁水|洪洞/.test(county.text)).toBe(false);
  });

  it('renames slogans by year: 三个必须 only before 2021, 两客一危一货 from 2022', () => {
    const early = corpus.filter((n) => n.meta.year === 2020).map((n) => n.text).join('');
    const late = corpus.filter((n) => n.meta.year >= 2022).map((n) => n.text).join('');
    expect(early.includes('三管三必须')).toBe(false);
    expect(late.includes('三个必须')).toBe(false);
    expect(late.includes('两客一危一货')).toBe(true);
    expect(/两客一危(?!一货)/.test(late)).toBe(false);
  });

  it('changes frequencies between a city notice and the county notices adapting it', () => {
    const counts = (t: string): string => ['每月', '每季度', '每半年'].map((f) => t.split(f).length).join();
    const bySlug = new Map(corpus.map((n) => [n.meta.slug, n]));
    const counties = corpus.filter((n) => n.meta.level === 'county' && n.meta.kind !== 'interpretation');
    const changed = counties.filter((c) => counts(c.text) !== counts(bySlug.get(c.meta.relations[0]?.slug ?? '')?.text ?? ''));
    expect(changed.length > counties.length / 2).toBe(true);
  });

  it('produces raw text the parser reads into numbered headings and furniture', () => {
    for (const n of corpus.slice(0, 60)) {
      const blocks = parseNotice(n.text);
      const headings = blocks.filter((b) => b.type === 'heading' && b.depth === 1).length;
      expect(headings >= 3).toBe(true);
      const roles = blocks.flatMap((b) => (b.type === 'furniture' ? [b.role] : []));
      if (n.meta.kind !== 'interpretation') expect(roles.includes('doc-number')).toBe(true);
    }
  });

  it('generates 1,000 notices in seconds', () => {
    const t0 = performance.now();
    expect(generateCorpus({ notices: 1000, seed: 1, seedTexts }).length).toBe(1000);
    expect(performance.now() - t0 < 10_000).toBe(true);
  });
});
