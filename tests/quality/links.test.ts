/** Every internal link, resource and #anchor in the built site resolves. */
import { describe, expect, inject, test } from 'vitest';
import { listPages } from '../helpers/dist';
import { checkPageLinks, createLinkContext, readSiteOrigin } from '../helpers/links';

const distDir = inject('distDir');
const pages = listPages(distDir);
const context = createLinkContext(distDir, await readSiteOrigin(distDir));

describe('internal links', () => {
  test('the build has a home page and a 404 page', () => {
    expect(pages.includes('index.html')).toBe(true);
    expect(pages.includes('404.html')).toBe(true);
  });

  test.each(pages)('%s: every internal URL and #anchor resolves', async (file) => {
    expect(await checkPageLinks(context, file)).toEqual([]);
  });
});
