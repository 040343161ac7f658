/**
 * The precomputed slogan result lists, on the real seeds: exactly the notices whose text contains
 * the form (the counts `grep -l` gives over seeds/), newest first, opened at a block that says it.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadGlossary } from '../../src/data/glossary';
import { loadNotices } from '../../src/data/notices';
import { displayTitle } from '../../src/components/notice-format';
import { matchesFilters, nextSloganPage, startPaging, type SloganHit } from '../../src/lib/slogan-search';
import type { Notice } from '../../src/lib/types';
import { compareNotices } from '../../src/site/notice-order';
import { buildSloganLists, findFirstOccurrence } from '../../src/site/slogan-lists';
import { blockTexts, buildTermIndex } from '../../src/site/terms';
import { REPO_ROOT } from '../helpers/build';

const notices = loadNotices();
const { terms } = buildTermIndex(loadGlossary(), notices);
const forms = terms.flatMap((t) => t.forms.map((f) => ({ form: f.form, term: t.entry.slug })));
const lists = buildSloganLists(notices, forms);
const seedsDir = join(REPO_ROOT, 'seeds');
const seeds = readdirSync(seedsDir).map((f) => readFileSync(join(seedsDir, f), 'utf8'));

const byForm = (form: string) => lists.forms.find((f) => f.form === form)!;
const hitsOf = (form: string): SloganHit[] => (lists.chunks.get(byForm(form).id) ?? []).flat();
const slugOf = (hit: SloganHit) => /\/notices\/([^/]+)\//.exec(hit.url)![1]!;

/** Every piece of a notice's text with the anchor it is shown under. */
function textAt(notice: Notice, id: string): string {
  const pieces = notice.blocks.flatMap((b) => [...blockTexts(b), { id: b.id, text: b.type === 'table' ? b.rows.flat().join('\n') : b.text }]);
  return pieces.filter((p) => p.id === id).map((p) => p.text).join('\n');
}

describe('slogan lists', () => {
  it.each([
    ['三管三必须', 3],
    ['两客一危一货', 4],
    ['四不放过', 4],
  ])('%s is in %i notices, as grep -l over the seeds says', (form, count) => {
    expect(seeds.filter((s) => s.includes(form)).length).toBe(count);
    expect(byForm(form).count).toBe(count);
    expect(hitsOf(form).length).toBe(count);
  });

  it('lists, for every glossary form, exactly the notices whose text contains it', () => {
    const text = (n: Notice) => n.blocks.map((b) => (b.type === 'table' ? b.rows.flat().join('\n') : b.text)).join('\n');
    for (const { form } of lists.forms) {
      const expected = notices.filter((n) => text(n).includes(form)).map((n) => n.slug).sort();
      expect(`${form}: ${hitsOf(form).map(slugOf).sort().join(' ')}`).toBe(`${form}: ${expected.join(' ')}`);
    }
  });

  it('has no list for a query that is no glossary form (PDT is searched as free text)', () => {
    expect(lists.forms.some((f) => f.form === 'PDT')).toBe(false);
  });

  it('counts 两客一危 in the notices that write 两客一危一货 too (exact substring, not the longest match)', () => {
    expect(byForm('两客一危').count).toBe(seeds.filter((s) => s.includes('两客一危')).length);
    expect(byForm('两客一危').count).toBeGreaterThan(byForm('两客一危一货').count);
  });

  it('orders each list newest first, as the browse page does', () => {
    const rank = new Map([...notices].sort(compareNotices).map((n, i) => [n.slug, i]));
    const order = hitsOf('两客一危').map((h) => rank.get(slugOf(h))!);
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('opens each notice at a block that contains the form, with the sentence around it', () => {
    for (const { form } of lists.forms) {
      for (const hit of hitsOf(form)) {
        const notice = notices.find((n) => n.slug === slugOf(hit))!;
        const [, anchor] = hit.url.split('#');
        expect(anchor, `${form} in ${notice.slug}`).toBeTruthy();
        expect(textAt(notice, anchor!).includes(form), `${form} at ${hit.url}`).toBe(true);
        expect(hit.match).toBe(form);
        expect(textAt(notice, anchor!).includes(hit.before.replace(/^…/, '') + hit.match + hit.after.replace(/…$/, ''))).toBe(true);
      }
    }
  });

  it('carries what a result shows and filters on', () => {
    const hit = hitsOf('三管三必须').find((h) => slugOf(h) === 'kelan-2023')!;
    const notice = notices.find((n) => n.slug === 'kelan-2023')!;
    expect(hit).toMatchObject({
      url: `/notices/kelan-2023/#${findFirstOccurrence(notice, '三管三必须')!.block}`,
      title: displayTitle(notice),
      issuer: '岢岚县人民政府',
      docNumber: '岢政发〔2023〕1号',
      year: 2023,
      level: '县级',
      kind: '通知',
      province: '山西省',
      county: '岢岚县',
    });
    expect(matchesFilters(hit, { region: '岢岚县', year: '2023', level: '县级', kind: '通知' })).toBe(true);
    expect(matchesFilters(hit, { region: '山西省' })).toBe(true);
    expect(matchesFilters(hit, { region: '忻州市' })).toBe(false);
    expect(matchesFilters(hit, { year: '2024' })).toBe(false);
  });

  it('pages the lists in chunks of the given size and gives forms in no notice an empty list', () => {
    const small = buildSloganLists(notices, forms, { chunkSize: 2 });
    const f = small.forms.find((x) => x.form === '两客一危')!;
    expect(small.chunks.get(f.id)!.map((c) => c.length)).toEqual([2, 2, 1]);
    expect(f.chunks).toBe(3);
    const unused = small.forms.find((x) => x.count === 0);
    if (unused) expect(small.chunks.get(unused.id)).toEqual([]);
    expect(buildSloganLists([], forms).forms.every((x) => x.count === 0 && x.chunks === 0)).toBe(true);
  });

  it('gives every form a distinct file id', () => {
    expect(new Set(lists.forms.map((f) => f.id)).size).toBe(lists.forms.length);
    expect(byForm('三管三必须').id).toBe('san-guan-san-bixu-0');
  });
});

describe('paging a slogan list in the browser', () => {
  /** A list of `n` hits in chunks of 20, years 2025 down to 2020, and a fetch that counts calls. */
  function fakeList(n: number) {
    const hits = Array.from({ length: n }, (_, i): SloganHit => ({
      url: `/notices/n${i}/#s1`, title: `n${i}`, issuer: 'x', year: 2025 - Math.floor((i * 6) / n), level: '县级', kind: '通知',
      province: '山西省', county: i % 50 === 0 ? '岢岚县' : '沁水县', before: '', match: '三管三必须', after: '',
    }));
    const chunks: SloganHit[][] = [];
    for (let i = 0; i < n; i += 20) chunks.push(hits.slice(i, i + 20));
    const fetched: number[] = [];
    const fetchChunk = async (page: number) => {
      fetched.push(page);
      return chunks[page - 1]!;
    };
    return { hits, form: { chunks: chunks.length }, fetched, fetchChunk };
  }

  it('unfiltered: one chunk per page, in order, done at the last', async () => {
    const list = fakeList(45);
    const state = startPaging();
    const pages = [];
    for (let done = false; !done; ) {
      const page = await nextSloganPage(list.form, {}, state, list.fetchChunk);
      pages.push(page.hits.map((h) => h.title));
      done = page.done;
    }
    expect(pages.map((p) => p.length)).toEqual([20, 20, 5]);
    expect(pages.flat()).toEqual(list.hits.map((h) => h.title));
    expect(list.fetched).toEqual([1, 2, 3]);
  });

  it('filtered: a page of matches at most, resuming where it stopped, every match once', async () => {
    const list = fakeList(2400);
    const state = startPaging();
    const shown: string[] = [];
    let done = false;
    while (!done) {
      const page = await nextSloganPage(list.form, { year: '2021' }, state, list.fetchChunk);
      expect(page.hits.length).toBeLessThanOrEqual(20);
      shown.push(...page.hits.map((h) => h.title));
      done = page.done;
    }
    const expected = list.hits.filter((h) => h.year === 2021).map((h) => h.title);
    expect(shown).toEqual(expected);
    expect(state.found).toBe(expected.length);
    expect(state.checked).toBe(2400);
    expect(new Set(list.fetched).size).toBe(list.fetched.length);
  });

  it('filtered to a rare place: loads to the end and finds the few', async () => {
    const list = fakeList(300);
    const state = startPaging();
    const page = await nextSloganPage(list.form, { region: '岢岚县' }, state, list.fetchChunk);
    expect(page.hits.map((h) => h.title)).toEqual(['n0', 'n50', 'n100', 'n150', 'n200', 'n250']);
    expect(page.done).toBe(true);
    expect(list.fetched.length).toBe(15);
  });
});
