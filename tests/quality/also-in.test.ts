/**
 * "Also in" on the built site: each notice page marks how many other notices hold each clause
 * (`data-also`), and the notice's JSON lists where (`alsoIn`, `noticeNames`), which the page's
 * script shows. The two must agree, every place must be a real anchor, and the relation must
 * hold both ways.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, test } from 'vitest';
import { loadNotices } from '../../src/data/notices';
import { REPO_ROOT } from '../helpers/build';

const distDir = inject('distDir');
const slugs = loadNotices(REPO_ROOT).map((n) => n.slug);

interface NoticeJson {
  blocks: { id: string; type: string; alsoIn?: { row?: string; notice: string; block: string }[] }[];
  noticeNames: Record<string, string>;
}

const html = new Map(slugs.map((slug) => [slug, readFileSync(join(distDir, 'notices', slug, 'index.html'), 'utf8')]));
const json = new Map(slugs.map((slug) => [slug, JSON.parse(readFileSync(join(distDir, 'data', 'notices', `${slug}.json`), 'utf8')) as NoticeJson]));
const ids = (slug: string) => new Set([...html.get(slug)!.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]));
/** The places listed for an anchor: a block's, or a table row's (on its table, by `row`). */
const placesOf = (slug: string, anchor: string) => {
  const table = /^(t\d+)-r/.exec(anchor)?.[1];
  const places = json.get(slug)!.blocks.find((b) => b.id === (table ?? anchor))?.alsoIn ?? [];
  return places.filter((p) => (table ? p.row === anchor : !p.row)).map(({ notice, block }) => ({ notice, block }));
};

describe('"also in" on the built site', () => {
  test('the notices share clauses: most pages have counts, and every count is backed by its JSON', () => {
    const marked = slugs.filter((slug) => html.get(slug)!.includes('data-also="'));
    expect(marked.length).toBeGreaterThan(slugs.length / 2);
  });

  test.each(slugs)('%s: each block’s count is the number of notices its JSON lists, and no unmarked block lists any', (slug) => {
    const counts = Object.fromEntries([...html.get(slug)!.matchAll(/ id="([^"]+)"[^>]* data-also="(\d+)"/g)].map((m) => [m[1], Number(m[2])]));
    const listed = Object.fromEntries(
      json
        .get(slug)!
        .blocks.filter((b) => b.alsoIn)
        .map((b) => [b.id, new Set(b.alsoIn!.map((p) => p.notice)).size]),
    );
    expect(counts).toEqual(listed);
    if (Object.keys(counts).length > 0) {
      // Without JavaScript the lines cannot be shown: one note says where the lists are.
      expect(html.get(slug)).toMatch(new RegExp(`<noscript><p class="also-in"[^>]*>[^<]+<a href="/data/notices/${slug}\\.json">`));
    }
  });

  test.each(slugs)('%s: every place is an anchor on a notice page, named, and lists this notice back', (slug) => {
    const data = json.get(slug)!;
    const problems: string[] = [];
    for (const block of data.blocks) {
      for (const place of block.alsoIn ?? []) {
        if (place.row && (block.type !== 'table' || !ids(slug).has(place.row))) problems.push(`${block.id}: row ${place.row} is not a row anchor of this table`);
        if (place.notice === slug) problems.push(`${block.id}: lists its own notice`);
        else if (!html.has(place.notice)) problems.push(`${block.id}: ${place.notice} is not a notice`);
        else if (!ids(place.notice).has(place.block)) problems.push(`${block.id}: /notices/${place.notice}/#${place.block} has no anchor`);
        else if (!placesOf(place.notice, place.block).some((back) => back.notice === slug))
          problems.push(`${block.id}: ${place.notice}#${place.block} does not list ${slug} back`);
        if (!data.noticeNames[place.notice]) problems.push(`${block.id}: no name for ${place.notice}`);
      }
    }
    expect(problems).toEqual([]);
  });

  test('岢岚 2023 copied clauses from 峄城 2023: the 两客一危一货 clause and 严格党政领导责任 find each other', () => {
    expect(placesOf('kelan-2023', 's3-8-3-p1')).toContainEqual({ notice: 'yicheng-2023', block: 's3-9-p1' });
    expect(placesOf('yicheng-2023', 's3-9-p1')).toContainEqual({ notice: 'kelan-2023', block: 's3-8-3-p1' });
    expect(placesOf('kelan-2023', 's1-2-1-p1')).toContainEqual({ notice: 'yicheng-2023', block: 's2-2-p1' });
    expect(json.get('kelan-2023')!.noticeNames['yicheng-2023']).toBe('峄城区 2023');
  });
});
