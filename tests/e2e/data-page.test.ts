/**
 * A journalist reads the open data page's field tables on a laptop: every field name and file
 * path reads whole (`docNumber`, not `docNumbe` / `r`). On a phone they may break anywhere rather
 * than make the page scroll sideways (that is checked for every page in tests/quality/pages).
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { DESKTOP, launchChromium } from '../helpers/browser';
import { findHorizontalOverflow } from '../helpers/page-checks';

const origin = inject('siteOrigin');

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

test.each([1280, 640])('at %i px the tables show each field name and path on one line, and the page does not scroll sideways', async (width) => {
  const context = await browser.newContext({ ...DESKTOP, viewport: { width, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${origin}/data/`, { waitUntil: 'load' });
  const names = await page.evaluate(() =>
    [...document.querySelectorAll('td:first-child code')].map((code) => ({ text: code.textContent ?? '', lines: code.getClientRects().length })),
  );
  const overflow = await findHorizontalOverflow(page);
  await context.close();
  expect(names.length > 20).toBe(true);
  expect(names.some((n) => n.text === 'docNumber')).toBe(true);
  // Names without a space or hyphen have nowhere to wrap but inside a word.
  expect(names.filter((n) => !/[\s-]/.test(n.text) && n.lines > 1).map((n) => n.text)).toEqual([]);
  expect(overflow).toEqual([]);
});
