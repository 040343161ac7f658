/**
 * A journalist opens a compare page from the compare index, steps through the changes with the
 * keyboard (j / k), shows only the changes, downloads the CSV (one line per aligned row), and
 * compares another pair with the picker, in the browser. On a desktop and on a 360 px phone.
 * (tests/e2e/compare.test.ts, by the comparison work, checks the compare page in more detail.)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { compareUi } from '../../src/i18n';
import { launchChromium } from '../helpers/browser';
import { parseCsv } from '../helpers/csv';
import { listPages } from '../helpers/dist';
import { DEVICES, WAIT, press, startJourney } from '../helpers/journey';

const origin = inject('siteOrigin');
const distDir = inject('distDir');
const pairs = listPages(distDir)
  .map((file) => /^compare\/([^/]+)\/([^/]+)\/index\.html$/.exec(file))
  .filter((match): match is RegExpExecArray => match !== null)
  .map((match) => ({ a: match[1]!, b: match[2]!, html: readFileSync(join(distDir, match[0]), 'utf8') }));
/** A pre-rendered pair with unchanged rows, so "only changes" has something to hide. */
const pair = pairs.find((p) => p.html.includes('data-class="kept"')) ?? pairs[0];

/** The focused compare row: its id and change class, or null when focus is elsewhere. */
function focusedRow(page: Page): Promise<{ id: string; kind: string } | null> {
  return page.evaluate(() => {
    const row = document.activeElement?.closest('li[id]');
    return row ? { id: row.id, kind: row.getAttribute('data-class') ?? '' } : null;
  });
}

/** Change classes of the rows a reader can see. */
function visibleRowKinds(page: Page, scope = 'main'): Promise<string[]> {
  return page.evaluate(
    (selector) =>
      [...document.querySelectorAll(`${selector} li[data-class]`)]
        .filter((row) => row.getClientRects().length > 0)
        .map((row) => row.getAttribute('data-class') ?? ''),
    scope,
  );
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe.each(DEVICES)('comparing on a $name', (device) => {
  test('open a pair, step through changes by keyboard, only changes, download the CSV, pick another pair', async () => {
    expect(pair === undefined ? 'no pre-rendered compare page' : 'found').toBe('found');
    const { a, b } = pair!;
    const journey = await startJourney(browser, device, origin);
    const { page } = journey;
    const seen: string[] = [];

    await page.goto(`${origin}/compare/`);
    await press(device, page.getByRole('main').getByRole('link').and(page.locator(`[href="/compare/${a}/${b}/"]`)).first());
    await page.waitForURL(`${origin}/compare/${a}/${b}/`);
    seen.push(...(await journey.check()));

    // j: next change, j: the one after, k: back. Changes only, never unchanged rows.
    await page.keyboard.press('j');
    const first = await focusedRow(page);
    await page.keyboard.press('j');
    const second = await focusedRow(page);
    await page.keyboard.press('k');
    const back = await focusedRow(page);
    expect(first !== null && first.kind !== 'kept').toBe(true);
    expect(second !== null && second.kind !== 'kept' && second.id !== first!.id).toBe(true);
    expect(Number(second!.id.slice(1)) > Number(first!.id.slice(1))).toBe(true);
    expect(back?.id).toBe(first!.id);
    expect(new URL(page.url()).hash).toBe(`#${first!.id}`);

    const onlyChanges = page.getByRole('button', { name: compareUi.onlyChanges });
    const keptBefore = (await visibleRowKinds(page)).filter((kind) => kind === 'kept').length;
    await press(device, onlyChanges);
    expect(await onlyChanges.getAttribute('aria-pressed')).toBe('true');
    const kinds = await visibleRowKinds(page);
    expect(kinds.filter((kind) => kind === 'kept').length).toBe(0);
    expect(kinds.length > 0).toBe(true);
    if (pair!.html.includes('data-class="kept"')) expect(keptBefore > 0).toBe(true);

    const [download] = await Promise.all([
      page.waitForEvent('download', WAIT),
      press(device, page.getByRole('link', { name: compareUi.downloadCsv })),
    ]);
    const csv = parseCsv(readFileSync((await download.path())!, 'utf8')).filter((row) => row.some((field) => field !== ''));
    const rowsOnPage = await page.evaluate(() => document.querySelectorAll('main li[data-class]').length);
    expect(download.suggestedFilename().endsWith('.csv')).toBe(true);
    expect(csv.length - 1).toBe(rowsOnPage);
    expect(csv.slice(1).every((row) => row.length === csv[0]!.length)).toBe(true);

    // The picker compares any two notices in the browser, with the same code as the build.
    const other = pairs.find((p) => p.a !== a || p.b !== b) ?? pair!;
    await page.goto(`${origin}/compare/`);
    await page.getByLabel(compareUi.pickerA).selectOption(other.b);
    await page.getByLabel(compareUi.pickerB).selectOption(other.a);
    await press(device, page.getByRole('button', { name: compareUi.pickerSubmit, exact: true }));
    await expect.poll(() => page.getByRole('status').allInnerTexts(), WAIT).toContainEqual(expect.stringMatching(/用时 \d+ 毫秒/));
    const picked = await visibleRowKinds(page, '.cmp-picker');
    expect(picked.length > 0).toBe(true);
    await page.keyboard.press('j');
    const inPicked = await page.evaluate(() => document.activeElement?.closest('.cmp-picker') !== null);
    expect(inPicked).toBe(true);
    seen.push(...(await journey.check()));

    await journey.context.close();
    expect(seen).toEqual([]);
  });
});
