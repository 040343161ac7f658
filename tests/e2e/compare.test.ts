/**
 * The comparison pages as a reader uses them: keyboard between changes, the "only changes"
 * filter, links into the notices, the stacked phone layout, and the picker, whose in-browser
 * result must match the pre-rendered page row for row.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { DESKTOP, PHONE, launchChromium, listProblems, watchPage } from '../helpers/browser';

const siteOrigin = inject('siteOrigin');
const PAIR = '/compare/yicheng-2023/kelan-2023/';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('a compare page', () => {
  test('j and k move between changed rows and put the row in the URL', async () => {
    const page = await (await browser.newContext(DESKTOP)).newPage();
    const problems = watchPage(page);
    await page.goto(siteOrigin + PAIR);
    await expect.poll(() => page.getByRole('button', { name: '只看改动' }).isVisible()).toBe(true);
    await page.keyboard.press('j');
    const first = await page.evaluate(() => document.activeElement?.id);
    await page.keyboard.press('j');
    const second = await page.evaluate(() => document.activeElement?.id);
    await page.keyboard.press('k');
    const back = await page.evaluate(() => document.activeElement?.id);
    const classes = await page.evaluate((ids) => ids.map((id) => document.getElementById(id!)?.dataset.class), [first, second]);
    expect(first).toMatch(/^r\d+$/);
    expect(second).not.toBe(first);
    expect(back).toBe(first);
    expect(classes.includes('kept')).toBe(false);
    expect(new URL(page.url()).hash).toBe(`#${first}`);
    expect(listProblems(problems)).toEqual([]);
  });

  test('"only changes" hides the kept rows and shows them again', async () => {
    const page = await (await browser.newContext(DESKTOP)).newPage();
    await page.goto(siteOrigin + PAIR);
    const kept = page.locator('.cmp-row[data-class="kept"]');
    const visibleKept = () => kept.evaluateAll((rows) => rows.filter((r) => r.getClientRects().length > 0).length);
    const before = await visibleKept();
    const button = page.getByRole('button', { name: '只看改动' });
    await button.click();
    expect(await button.getAttribute('aria-pressed')).toBe('true');
    expect(await visibleKept()).toBe(0);
    await button.click();
    expect(await visibleKept()).toBe(before);
    expect(before).toBeGreaterThan(0);
  });

  test('a row links to the clause in both notices', async () => {
    const page = await (await browser.newContext(DESKTOP)).newPage();
    await page.goto(siteOrigin + PAIR);
    const row = page
      .locator('.cmp-row')
      .filter({ has: page.locator('a[href="/notices/kelan-2023/#s1-2-1-p1"]') })
      .filter({ hasText: '党政领导干部每月至少深入一线' });
    const hrefs = await row.locator('a.cmp-src').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(hrefs).toEqual(['/notices/yicheng-2023/#s2-2-p1', '/notices/kelan-2023/#s1-2-1-p1']);
    await row.locator('a.cmp-src').last().click();
    await page.waitForURL('**/notices/kelan-2023/#s1-2-1-p1');
    expect(await page.locator('#s1-2-1-p1').textContent()).toContain('县党政领导干部每月至少深入一线调研指导一次');
  });

  test('on a 360 px phone the two sides stack, each labelled', async () => {
    const page = await (await browser.newContext(PHONE)).newPage();
    await page.goto(siteOrigin + PAIR);
    const row = page.locator('.cmp-row[data-class="adapted"]').first();
    const [a, b] = await Promise.all([row.locator('.cmp-a').boundingBox(), row.locator('.cmp-b').boundingBox()]);
    expect(Math.round(a!.x)).toBe(Math.round(b!.x));
    expect(b!.y).toBeGreaterThan(a!.y);
    expect(await row.locator('.cmp-a .cmp-side-label').isVisible()).toBe(true);
  });
});

describe('the picker on /compare/', () => {
  test('compares two notices in the browser exactly as the build did', async () => {
    const context = await browser.newContext(DESKTOP);
    const pairPage = await context.newPage();
    await pairPage.goto(siteOrigin + PAIR);
    const prerendered = await pairPage.locator('.cmp-row').evaluateAll((rows) => rows.map((r) => `${r.id}:${r.getAttribute('data-class')}`));
    const page = await context.newPage();
    const problems = watchPage(page);
    await page.goto(`${siteOrigin}/compare/`);
    // Chosen the other way round: the picker orders them by date.
    await page.getByLabel('文件一').selectOption('kelan-2023');
    await page.getByLabel('文件二').selectOption('yicheng-2023');
    await page.getByRole('button', { name: '对比', exact: true }).click();
    await expect.poll(() => page.locator('.cmp-picker-result .cmp-row').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    const picked = await page.locator('.cmp-picker-result .cmp-row').evaluateAll((rows) => rows.map((r) => `${r.id.replace(/^p-/, '')}:${r.getAttribute('data-class')}`));
    expect(picked).toEqual(prerendered);
    expect(await page.getByRole('status').textContent()).toContain('峄城区 2023 → 岢岚县 2023');
    expect(listProblems(problems)).toEqual([]);
  });

  test('a filter field narrows each list to the notices holding every word typed', async () => {
    const page = await (await browser.newContext(PHONE)).newPage();
    const problems = watchPage(page);
    await page.goto(`${siteOrigin}/compare/`);
    const select = page.getByLabel('文件一');
    const options = () => select.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).text));
    const all = await options();
    expect(all.length).toBeGreaterThan(2);
    const filter = page.getByRole('searchbox', { name: '筛选第一份的候选' });
    await filter.fill('岢岚');
    const shown = await options();
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.length).toBeLessThan(all.length);
    expect(shown.every((text) => text.includes('岢岚'))).toBe(true);
    expect(await select.inputValue()).toBe('kelan-2023');
    expect(await page.locator('#a-filter-count').textContent()).toBe(`${all.length} 份中的 ${shown.length} 份`);
    // The other list is untouched, and clearing the field brings every notice back.
    expect(await page.getByLabel('文件二').locator('option').count()).toBe(all.length);
    await filter.fill('');
    expect(await options()).toEqual(all);
    // A filtered choice is what the picker compares.
    await filter.fill('岢岚 2023');
    await page.getByRole('searchbox', { name: '筛选第二份的候选' }).fill('峄城');
    await page.getByRole('button', { name: '对比', exact: true }).click();
    await expect.poll(() => page.getByRole('status').textContent(), { timeout: 20_000 }).toContain('峄城区 2023 → 岢岚县 2023');
    expect(listProblems(problems)).toEqual([]);
  });

  test('the page sends the list of notices once; without JavaScript the form is hidden and a note says where the data is', async () => {
    const response = await fetch(`${siteOrigin}/compare/`);
    const html = await response.text();
    const options = html.match(/<option /g)?.length ?? 0;
    expect(options).toBeGreaterThan(2);
    const page = await (await browser.newContext({ ...PHONE, javaScriptEnabled: false })).newPage();
    await page.goto(`${siteOrigin}/compare/`);
    expect(await page.locator('form[data-compare-picker]').isVisible()).toBe(false);
    // Playwright's text selectors skip <noscript>, so the note is found by its element.
    const note = page.locator('.cmp-picker noscript p');
    expect(await note.isVisible()).toBe(true);
    expect(await note.textContent()).toContain('选择器需要 JavaScript');
    // With it, both lists hold every notice.
    const withJs = await (await browser.newContext(PHONE)).newPage();
    await withJs.goto(`${siteOrigin}/compare/`);
    expect(await withJs.getByLabel('文件一').locator('option').count()).toBe(options);
    expect(await withJs.getByLabel('文件二').locator('option').count()).toBe(options);
    expect(await withJs.getByLabel('文件二').inputValue()).not.toBe(await withJs.getByLabel('文件一').inputValue());
  });
});
