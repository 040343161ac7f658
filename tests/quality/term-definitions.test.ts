/**
 * The popover's definitions on the built site: each notice page that links terms says where its
 * definitions are (`.term-defs[data-src]`), and that one file holds every term any page links,
 * with the name and definition the glossary's open data gives it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, test } from 'vitest';
import { loadNotices } from '../../src/data/notices';
import { REPO_ROOT } from '../helpers/build';

const distDir = inject('distDir');
const slugs = loadNotices(REPO_ROOT).map((n) => n.slug);
const html = new Map(slugs.map((slug) => [slug, readFileSync(join(distDir, 'notices', slug, 'index.html'), 'utf8')]));

interface Definition {
  term: string;
  reading: string;
  summary: string[];
}
const file = JSON.parse(readFileSync(join(distDir, 'data', 'term-definitions.json'), 'utf8')) as { version: number; terms: Record<string, Definition> };
const definitions = file.terms;
const glossary = (JSON.parse(readFileSync(join(distDir, 'data', 'terms.json'), 'utf8')) as { terms: { slug: string; term: string; definition: string }[] }).terms;

describe('term definitions for the popover', () => {
  test('every glossary term has one, named as in terms.json, its lines taken from its definition', () => {
    expect(file.version).toBe(1);
    expect(Object.keys(definitions).sort()).toEqual(glossary.map((t) => t.slug).sort());
    for (const t of glossary) {
      const d = definitions[t.slug]!;
      expect(d.term).toBe(t.term);
      expect(d.summary.length).toBeGreaterThan(0);
      for (const line of d.summary) expect(t.definition.replace(/\s+/g, '')).toContain(line.replace(/\s+/g, ''));
    }
  });

  test.each(slugs)('%s: links only terms the file defines, and says where the file is', (slug) => {
    const page = html.get(slug)!;
    const linked = [...new Set([...page.matchAll(/<a class="term-link" href="\/terms\/([^/"]+)\/"/g)].map((m) => m[1]!))];
    expect(linked.length).toBeGreaterThan(0);
    expect(linked.filter((term) => !definitions[term])).toEqual([]);
    expect(/<div class="term-defs" hidden [^>]*data-src="\/data\/term-definitions\.json"/.test(page)).toBe(true);
  });
});
