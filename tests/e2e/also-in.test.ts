/**
 * "Also in" and permalinks on a notice page, both added by its script: under a clause other
 * notices hold, "同样的条文也见于 N 份通知"; followed, it lists those N notices in place, and
 * each leads to the clause there. Without JavaScript the text is all there and one note says
 * where the lists are.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { ui } from '../../src/i18n';
import { PHONE, launchChromium } from '../helpers/browser';
import { DEVICES, WAIT, isInViewport, press, startJourney } from '../helpers/journey';

const origin = inject('siteOrigin');
const distDir = inject('distDir');
const SLUG = 'kelan-2023';
const data = JSON.parse(readFileSync(join(distDir, 'data', 'notices', `${SLUG}.json`), 'utf8')) as {
  blocks: { id: string; type: string; alsoIn?: { notice: string; block: string }[] }[];
  noticeNames: Record<string, string>;
};
/** The first clause another notice holds in several places or several notices hold: the list has something to show. */
const block = data.blocks.find((b) => b.type === 'paragraph' && new Set(b.alsoIn?.map((p) => p.notice)).size >= 2) ?? data.blocks.find((b) => b.alsoIn)!;
const others = [...new Set(block.alsoIn!.map((p) => p.notice))];

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe.each(DEVICES)('"also in" on a $name', (device) => {
  test('a clause says how many notices hold it, lists them when followed, and each leads to the clause there', async () => {
    const journey = await startJourney(browser, device, origin);
    const { page } = journey;
    await page.goto(`${origin}/notices/${SLUG}/`);
    const marked = data.blocks.filter((b) => b.alsoIn).length;
    await expect.poll(() => page.locator('.notice-body .also-in').count(), WAIT).toBe(marked);

    const line = page.locator(`#${block.id} + .also-in`);
    const count = line.getByRole('link', { name: ui.alsoInCount(others.length) });
    expect(await count.isVisible()).toBe(true);
    await count.scrollIntoViewIfNeeded();
    await press(device, count);
    const links = line.getByRole('link');
    await expect.poll(() => links.count(), WAIT).toBe(others.length);
    expect(await line.innerText()).toContain(ui.alsoIn);
    expect(await links.allInnerTexts()).toEqual(others.map((slug) => data.noticeNames[slug]));
    // Focus moves to the first of them, so a keyboard or screen reader user carries on from there.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(data.noticeNames[others[0]!]);

    const first = block.alsoIn!.find((p) => p.notice === others[0])!;
    await press(device, links.first());
    await page.waitForURL(`${origin}/notices/${first.notice}/#${first.block}`);
    await expect.poll(() => isInViewport(page, first.block), WAIT).toBe(true);
    expect(await journey.check()).toEqual([]);
    await journey.context.close();
  });
});

describe('a notice page without JavaScript', () => {
  test('shows the whole text, no per-clause lines or permalinks, and one note pointing to the lists', async () => {
    const context = await browser.newContext({ ...PHONE, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${origin}/notices/${SLUG}/`);
    expect(await page.locator(`#${block.id}`).isVisible()).toBe(true);
    expect(await page.locator('.notice-body .also-in').count()).toBe(0);
    expect(await page.locator('a.permalink').count()).toBe(0);
    // Playwright's text selectors skip <noscript>, so the note is found by its element.
    const note = page.locator('noscript p.also-in');
    expect(await note.isVisible()).toBe(true);
    expect(await note.locator('a').getAttribute('href')).toBe(`/data/notices/${SLUG}.json`);
    await context.close();
  });

  test('with it, every heading and clause gets its permalink, named by its start', async () => {
    const context = await browser.newContext(PHONE);
    const page = await context.newPage();
    await page.goto(`${origin}/notices/${SLUG}/`);
    const clauses = data.blocks.filter((b) => b.type === 'heading' || b.type === 'paragraph').length;
    await expect.poll(() => page.locator('a.permalink').count(), WAIT).toBe(clauses);
    const link = page.locator(`#${block.id} > a.permalink`);
    expect(await link.getAttribute('href')).toBe(`#${block.id}`);
    expect(await link.getAttribute('aria-label')).toMatch(new RegExp(`^${ui.permalink}：.{1,16}…?$`, 'u'));
    await context.close();
  });
});
