/**
 * A reader opens the home page, filters to 2023 county notices, opens one, jumps via the table of
 * contents, copies a clause permalink, opens it again and lands on that clause. On a desktop and
 * on a 360 px phone.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { loadNotices } from '../../src/data/notices';
import { ui } from '../../src/i18n';
import { REPO_ROOT } from '../helpers/build';
import { launchChromium } from '../helpers/browser';
import { DEVICES, WAIT, isInViewport, press, readClipboard, startJourney } from '../helpers/journey';

const origin = inject('siteOrigin');
const notices = loadNotices(REPO_ROOT);
const wanted = notices.filter((n) => n.year === 2023 && n.level === 'county');

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe.each(DEVICES)('browsing on a $name', (device) => {
  test('filter to 2023 county notices, open one, jump by the TOC, copy a permalink and land on it', async () => {
    const journey = await startJourney(browser, device, origin);
    const { page } = journey;

    await page.goto(`${origin}/`);
    await page.getByLabel(ui.yearLabel).selectOption('2023');
    await page.getByLabel(ui.levelLabel).selectOption({ label: ui.level.county });
    await expect.poll(() => page.getByRole('status').first().innerText(), WAIT).toBe(`共 ${wanted.length} 份文件`);
    const cards = page.getByRole('main').getByRole('heading', { level: 2 }).getByRole('link');
    const listed = await cards.evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(listed.sort()).toEqual(wanted.map((n) => `/notices/${n.slug}/`).sort());
    // The choice is kept in the address, so the filtered list can be shared.
    expect(new URL(page.url()).searchParams.get('year')).toBe('2023');

    const notice = wanted[0]!;
    await press(device, cards.and(page.locator(`[href="/notices/${notice.slug}/"]`)));
    await page.waitForURL(`${origin}/notices/${notice.slug}/`);

    const toc = page.getByRole('navigation', { name: ui.toc });
    const tocLinks = toc.getByRole('link');
    if (!(await tocLinks.first().isVisible())) await press(device, toc.getByText(ui.toc, { exact: true }));
    const tocLink = tocLinks.nth(1);
    const section = (await tocLink.getAttribute('href'))!.slice(1);
    if (device.touch) await tocLink.tap();
    else {
      await tocLink.focus();
      await page.keyboard.press('Enter');
    }
    await expect.poll(() => new URL(page.url()).hash, WAIT).toBe(`#${section}`);
    expect(await isInViewport(page, section)).toBe(true);

    const permalinks = page.getByRole('link', { name: new RegExp(`^${ui.permalink}`) });
    const hrefs = await permalinks.evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
    const clause = hrefs.find((href) => href.startsWith(`#${section}-`))!.slice(1);
    await press(device, permalinks.and(page.locator(`[href="#${clause}"]`)));
    await expect.poll(() => readClipboard(page), WAIT).toBe(`${origin}/notices/${notice.slug}/#${clause}`);
    // …and says so to screen readers.
    await expect.poll(() => page.getByRole('status').allInnerTexts(), WAIT).toContain(ui.copyStatus);

    const copied = await readClipboard(page);
    const again = await journey.context.newPage();
    await again.goto(copied);
    expect(await isInViewport(again, clause)).toBe(true);
    expect(await again.evaluate(() => document.querySelector(':target')?.id)).toBe(clause);
    await again.close();

    const problems = await journey.check();
    await journey.context.close();
    expect(problems).toEqual([]);
  });
});
