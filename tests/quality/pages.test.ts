/**
 * Every built page in Chromium, served with the hosting headers (strict CSP): it loads with no
 * CSP violation, script error or failed request; axe finds no WCAG 2.2 AA violation (and, in dark
 * mode, no contrast failure); it has lang="zh-CN", one main landmark, one h1, a skip link as the
 * first Tab stop and a visible focus indicator on every Tab stop; at 360 px it does not scroll
 * sideways. Pages run a few at a time: most of the wait is the browser, not Node.
 */
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, inject, test } from 'vitest';
import { findAxeViolations } from '../helpers/axe';
import { DESKTOP, PHONE, launchChromium, listProblems, watchPage } from '../helpers/browser';
import { listPages, pagePath } from '../helpers/dist';
import { findHorizontalOverflow, readOutline, walkFocus } from '../helpers/page-checks';

const distDir = inject('distDir');
const siteOrigin = inject('siteOrigin');
const pages = listPages(distDir);

/** Tab stops checked per page: the chrome plus a good stretch of the content. */
const FOCUS_STOPS = 30;

let browser: Browser;
let desktop: BrowserContext;
let phone: BrowserContext;

beforeAll(async () => {
  browser = await launchChromium();
  desktop = await browser.newContext(DESKTOP);
  phone = await browser.newContext(PHONE);
});
afterAll(async () => {
  await browser?.close();
});

describe.concurrent.each(pages)('%s', (file) => {
  const url = siteOrigin + pagePath(file);

  test('loads under the CSP without errors, passes axe (WCAG 2.2 AA, dark contrast) and works by keyboard', async ({ expect }) => {
    const page = await desktop.newPage();
    const problems = watchPage(page);
    await page.goto(url, { waitUntil: 'load' });
    const outline = await readOutline(page);
    const light = await findAxeViolations(page);
    const stops = await walkFocus(page, FOCUS_STOPS);
    // Dark mode changes only colours, so only the contrast rule needs a second run.
    await page.emulateMedia({ colorScheme: 'dark' });
    const dark = await findAxeViolations(page, { type: 'rule', values: ['color-contrast'] });
    await page.close();
    expect.soft(listProblems(problems)).toEqual([]);
    expect.soft(light).toEqual([]);
    expect.soft(dark.map((violation) => `dark mode: ${violation}`)).toEqual([]);
    expect.soft(outline).toEqual({ lang: 'zh-CN', mains: 1, banners: 1, contentinfos: 1, h1s: 1 });
    expect.soft(stops[0]?.href).toBe('#main');
    expect.soft(stops.filter((stop) => !stop.visible).map((stop) => `no visible focus: ${stop.label}`)).toEqual([]);
  });

  test('does not scroll sideways on a 360 px phone', async ({ expect }) => {
    const page = await phone.newPage();
    const problems = watchPage(page);
    await page.goto(url, { waitUntil: 'load' });
    const overflow = await findHorizontalOverflow(page);
    await page.close();
    expect.soft(overflow).toEqual([]);
    expect.soft(listProblems(problems)).toEqual([]);
  });
});
