/**
 * Page weight budgets, from the built files and confirmed in the browser: a notice page ships
 * at most 20 KB of gzipped JavaScript before search is used, every page at most 15 KB of gzipped
 * CSS, and there are no web fonts (the site uses the system's CJK fonts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { findPageAssets, totalGzipped } from '../helpers/assets';
import { DESKTOP, launchChromium } from '../helpers/browser';
import { listFiles, listPages, pagePath } from '../helpers/dist';

const JS_BUDGET = 20 * 1024;
const CSS_BUDGET = 15 * 1024;
const FONT_FILE = /\.(woff2?|ttf|otf|eot)$/i;

const distDir = inject('distDir');
const siteOrigin = inject('siteOrigin');
const pages = listPages(distDir);
const noticePages = pages.filter((page) => /^notices\/[^/]+\/index\.html$/.test(page));

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

describe('budgets from the built files', () => {
  test('there are notice pages to measure', () => {
    expect(noticePages.length > 0).toBe(true);
  });

  test.each(noticePages)('%s: JavaScript before search ≤ 20 KB gzipped', async (page) => {
    const { scripts } = await findPageAssets(distDir, page);
    const size = totalGzipped(distDir, scripts);
    expect(size <= JS_BUDGET ? 'within budget' : `${kb(size)} in ${scripts.join(', ')}`).toBe('within budget');
  });

  test.each(pages)('%s: CSS ≤ 15 KB gzipped', async (page) => {
    const { styles } = await findPageAssets(distDir, page);
    const size = totalGzipped(distDir, styles);
    expect(size <= CSS_BUDGET ? 'within budget' : `${kb(size)} in ${styles.join(', ')}`).toBe('within budget');
  });

  test('no web fonts: no font files and no @font-face in any stylesheet', () => {
    const files = listFiles(distDir);
    const fonts = files.filter((file) => FONT_FILE.test(file));
    const fontFaces = files
      .filter((file) => file.endsWith('.css'))
      .filter((file) => /@font-face/i.test(readFileSync(join(distDir, file), 'utf8')));
    expect([...fonts, ...fontFaces.map((file) => `@font-face in ${file}`)]).toEqual([]);
  });
});

describe('budgets in the browser', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  test.each(noticePages)('%s: loads ≤ 20 KB of gzipped JavaScript and no fonts until search is used', async (page) => {
    const context = await browser.newContext(DESKTOP);
    const tab = await context.newPage();
    const scripts: string[] = [];
    const fonts: string[] = [];
    tab.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname.slice(1));
      if (request.resourceType() === 'font') fonts.push(request.url());
    });
    await tab.goto(siteOrigin + pagePath(page), { waitUntil: 'networkidle' });
    await context.close();
    const size = totalGzipped(distDir, scripts);
    expect(size <= JS_BUDGET ? 'within budget' : `${kb(size)} in ${scripts.join(', ')}`).toBe('within budget');
    expect(fonts).toEqual([]);
    // Everything the browser fetched is accounted for by the static analysis above.
    const { scripts: expected } = await findPageAssets(distDir, page);
    expect(scripts.filter((file) => !expected.includes(file))).toEqual([]);
  });
});
