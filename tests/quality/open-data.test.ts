/**
 * The open data's promise (content/pages/open-data.md): every JSON file under /data/ is UTF-8
 * JSON with a `version` field, so scripts written against it can tell which shape they read.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, inject, test } from 'vitest';
import { listFiles } from '../helpers/dist';

const distDir = inject('distDir');
const files = listFiles(join(distDir, 'data')).filter((file) => file.endsWith('.json'));

test('the site publishes its JSON data: the index, the glossary, the popover definitions, notices, comparisons and search lists', () => {
  for (const expected of ['notices.json', 'terms.json', 'term-definitions.json']) expect(files).toContain(expected);
  for (const folder of ['notices/', 'compare/', 'search/']) expect(files.some((file) => file.startsWith(folder))).toBe(true);
});

test.each(files)('/data/%s is UTF-8 JSON with version 1', (file) => {
  const data = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(join(distDir, 'data', file)))) as { version?: unknown };
  expect(data.version).toBe(1);
});

test('each glossary term has a file of its own, holding its record exactly as terms.json does, and its page links to it', () => {
  const { terms } = JSON.parse(readFileSync(join(distDir, 'data', 'terms.json'), 'utf8')) as { terms: { slug: string; occurrences: unknown[] }[] };
  expect(terms.length).toBeGreaterThan(10);
  expect(files.filter((file) => file.startsWith('terms/')).sort()).toEqual(terms.map((t) => `terms/${t.slug}.json`).sort());
  for (const t of terms) {
    const own = JSON.parse(readFileSync(join(distDir, 'data', 'terms', `${t.slug}.json`), 'utf8')) as { version: number; term: unknown };
    expect(own).toEqual({ version: 1, term: t });
    const page = readFileSync(join(distDir, 'terms', t.slug, 'index.html'), 'utf8');
    expect(page, t.slug).toContain(`href="/data/terms/${t.slug}.json"`);
  }
});
