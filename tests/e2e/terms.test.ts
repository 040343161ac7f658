/**
 * A trainer opens a term's definition from the text of a notice: by keyboard on a desktop (Tab to
 * the term, the popover shows; Escape hides it; Enter follows it) and by tap on a 360 px phone
 * (first tap shows the popover, second tap follows the link). Opening the popover must not move
 * the text. On the term page, "cite" copies the citation shown.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { termsUi } from '../../src/i18n';
import { launchChromium } from '../helpers/browser';
import { DEVICES, WAIT, readClipboard, startJourney, type Device } from '../helpers/journey';

const origin = inject('siteOrigin');
const distDir = inject('distDir');
/** Term names by slug, from the site's own open data. */
const termNames = new Map(
  (JSON.parse(readFileSync(join(distDir, 'data/terms.json'), 'utf8')) as { terms: { slug: string; term: string }[] }).terms.map(
    (t) => [t.slug, t.term],
  ),
);
const NOTICE = '/notices/kelan-2023/';

/** Press Tab until a link to a term page has focus; its slug, or undefined after `limit` presses. */
async function tabToTerm(page: Page, limit: number): Promise<string | undefined> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const href = await page.evaluate(() => document.activeElement?.getAttribute('href') ?? '');
    const slug = /^\/terms\/([^/]+)\/$/.exec(href)?.[1];
    if (slug && (await page.evaluate(() => document.activeElement?.closest('main') !== null))) return slug;
  }
  return undefined;
}

async function position(locator: Locator): Promise<string> {
  const box = await locator.boundingBox();
  return box ? `${Math.round(box.x)},${Math.round(box.y)}` : 'none';
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function citeOnTermPage(page: Page, device: Device, term: string): Promise<void> {
  await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText(), WAIT).toContain(term);
  const cite = page.getByRole('button', { name: termsUi.citeButton });
  if (device.touch) await cite.tap();
  else {
    await cite.focus();
    await page.keyboard.press('Enter');
  }
  const shown = await page.getByRole('region', { name: termsUi.cite }).getByRole('paragraph').first().innerText();
  await expect.poll(() => readClipboard(page), WAIT).toBe(shown);
  expect(shown.includes(term)).toBe(true);
  await expect.poll(() => page.getByRole('status').allInnerTexts(), WAIT).toContain(termsUi.citeCopied);
}

describe.each(DEVICES)('terms on a $name', (device) => {
  test(device.touch ? 'tap a term: popover, tap again: term page, cite' : 'Tab to a term: popover, Escape, Enter: term page, cite', async () => {
    const journey = await startJourney(browser, device, origin);
    const { page } = journey;
    await page.goto(origin + NOTICE);
    const tooltip = page.getByRole('tooltip');

    let slug: string;
    if (device.touch) {
      const link = page.getByRole('main').getByRole('link', { name: '两客一危一货', exact: true }).first();
      slug = /\/terms\/([^/]+)\//.exec((await link.getAttribute('href')) ?? '')![1]!;
      await link.scrollIntoViewIfNeeded();
      const before = await position(link);
      await link.tap();
      await expect.poll(() => tooltip.isVisible(), WAIT).toBe(true);
      expect(await position(link)).toBe(before);
      expect(page.url()).toBe(origin + NOTICE);
      expect(await tooltip.innerText()).toContain(termsUi.popoverTapAgain);
      expect(await tooltip.innerText()).toContain(termNames.get(slug)!);
      await link.tap();
    } else {
      const found = await tabToTerm(page, 300);
      expect(found === undefined ? 'no term link reached by Tab' : 'reached').toBe('reached');
      slug = found!;
      const link = page.locator(':focus');
      await expect.poll(() => tooltip.isVisible(), WAIT).toBe(true);
      expect(await link.getAttribute('aria-describedby')).toBe(await tooltip.getAttribute('id'));
      expect(await tooltip.innerText()).toContain(termNames.get(slug)!);
      await page.keyboard.press('Escape');
      await expect.poll(() => tooltip.isVisible(), WAIT).toBe(false);
      await page.keyboard.press('Enter');
    }
    await page.waitForURL(`${origin}/terms/${slug}/`);
    await citeOnTermPage(page, device, termNames.get(slug)!);

    const problems = await journey.check();
    await journey.context.close();
    expect(problems).toEqual([]);
  });
});

test('the definitions fail to load: the popover says so, and the next term tries again', async () => {
  const context = await browser.newContext(DEVICES[0]!.options);
  const page = await context.newPage();
  let requests = 0;
  await page.route('**/data/term-definitions.json', (route) => {
    requests++;
    return requests === 1 ? route.fulfill({ status: 503, body: 'unavailable' }) : route.continue();
  });
  await page.goto(origin + NOTICE);
  const tooltip = page.getByRole('tooltip');
  const slug = await tabToTerm(page, 300);
  expect(slug === undefined ? 'no term link reached by Tab' : 'reached').toBe('reached');
  await expect.poll(() => tooltip.isVisible(), WAIT).toBe(true);
  expect(await tooltip.innerText()).toContain(termsUi.popoverFailed);
  await page.keyboard.press('Escape');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab');
  await expect.poll(() => tooltip.innerText(), WAIT).toContain(termNames.get(slug!)!);
  expect(requests).toBe(2);
  await context.close();
});
