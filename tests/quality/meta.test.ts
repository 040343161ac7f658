/**
 * What a public site owes search engines and link previews: every page but the 404 has a
 * canonical URL that is its own address and Open Graph tags (a notice page's og:title carries the
 * notice's title); the sitemap lists only real pages, among them every notice and term page.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, test } from 'vitest';
import { loadNotices } from '../../src/data/notices';
import { REPO_ROOT } from '../helpers/build';
import { listPages, pagePath } from '../helpers/dist';
import { parseHtmlFile } from '../helpers/html';
import { readSiteOrigin } from '../helpers/links';

const distDir = inject('distDir');
const siteOrigin = await readSiteOrigin(distDir);
const pages = listPages(distDir).filter((file) => file !== '404.html');
const titles = new Map(loadNotices(REPO_ROOT).map((n) => [`notices/${n.slug}/index.html`, n.title]));

/** Paths the sitemap lists. */
function readSitemap(): string[] {
  const xml = readFileSync(join(distDir, 'sitemap.xml'), 'utf8');
  return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => new URL(match[1]!).pathname).sort();
}

describe('canonical URLs, Open Graph and the sitemap', () => {
  test.each(pages)('%s: canonical is its own URL; og:title, og:url and og:description are set', async (file) => {
    const root = await parseHtmlFile(join(distDir, file));
    const value = (selector: string, attribute: string) => String(root.querySelector(selector)?.getAttributeValue(attribute) ?? '');
    const url = siteOrigin + pagePath(file);
    expect(value('link[rel="canonical"]', 'href')).toBe(url);
    expect(value('meta[property="og:url"]', 'content')).toBe(url);
    expect(value('meta[property="og:title"]', 'content') !== '').toBe(true);
    expect(value('meta[property="og:description"]', 'content') !== '').toBe(true);
    const title = titles.get(file);
    if (title) expect(value('meta[property="og:title"]', 'content').includes(title)).toBe(true);
  });

  test('the 404 page has no canonical URL', async () => {
    const root = await parseHtmlFile(join(distDir, '404.html'));
    expect(root.querySelector('link[rel="canonical"]')).toBe(null);
  });

  test('the sitemap lists only real pages, and every page but the 404', () => {
    const listed = readSitemap();
    const served = pages.map(pagePath);
    expect(listed.filter((path) => !served.includes(path))).toEqual([]);
    expect(served.filter((path) => path !== '/404.html' && !listed.includes(path))).toEqual([]);
  });
});
