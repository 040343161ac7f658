/**
 * A reader searches 两客一危一货 from the search box on every page and gets exactly the notices
 * whose text contains it (with the term page first), opens a result at the section that says it,
 * and a search with no hits says so. The other policy slogans (answered from the precomputed
 * lists, without Pagefind) and free text (answered by Pagefind) must be exact too.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { loadNotices } from '../../src/data/notices';
import { ui } from '../../src/i18n';
import type { Notice } from '../../src/lib/types';
import { REPO_ROOT } from '../helpers/build';
import { DESKTOP, launchChromium, listProblems, watchPage } from '../helpers/browser';
import { DEVICES, WAIT, isInViewport, press, startJourney } from '../helpers/journey';

const origin = inject('siteOrigin');
const notices = loadNotices(REPO_ROOT);

/** The text a reader sees in a notice: every block, every table cell. */
function noticeText(notice: Notice): string {
  return notice.blocks.map((block) => (block.type === 'table' ? block.rows.flat().join('\n') : block.text)).join('\n');
}

/** Notice pages whose text contains `query`, as the paths search results should link to. */
function expectedPaths(query: string): string[] {
  return notices.filter((n) => noticeText(n).includes(query)).map((n) => `/notices/${n.slug}/`).sort();
}

function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => String(values[key] ?? ''));
}

/** The result links on the search page, in order, as paths with their #section. */
async function readResults(page: Page): Promise<string[]> {
  const links = page.getByRole('main').getByRole('listitem').getByRole('heading').getByRole('link');
  return links.evaluateAll((anchors) => anchors.map((a) => new URL((a as HTMLAnchorElement).href).pathname + new URL((a as HTMLAnchorElement).href).hash));
}

/** Text of the element with `id` and, for a heading, of its section up to the next heading of its level or above. */
function readSection(page: Page, id: string): Promise<string> {
  return page.evaluate((targetId) => {
    const target = document.getElementById(targetId);
    if (!target) return '';
    let text = target.textContent ?? '';
    const level = /^H([1-6])$/.exec(target.tagName)?.[1];
    if (level) {
      for (let next = target.nextElementSibling; next; next = next.nextElementSibling) {
        const nextLevel = /^H([1-6])$/.exec(next.tagName)?.[1];
        if (nextLevel && nextLevel <= level) break;
        text += next.textContent ?? '';
      }
    }
    return text;
  }, id);
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe.each(DEVICES)('searching on a $name', (device) => {
  test('两客一危一货 finds exactly the notices that contain it and opens one at the section', async () => {
    const query = '两客一危一货';
    const wanted = expectedPaths(query);
    const journey = await startJourney(browser, device, origin);
    const { page } = journey;

    await page.goto(`${origin}/`);
    const box = page.getByRole('searchbox', { name: ui.searchLabel });
    await press(device, box);
    await page.keyboard.type(query);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/search\/\?q=/);
    await expect.poll(() => page.getByRole('status').allInnerTexts(), WAIT).toContain(fill(ui.searchCount, { n: wanted.length, q: query }));

    const results = await readResults(page);
    expect(results[0]?.startsWith('/terms/')).toBe(true);
    const noticeResults = results.filter((r) => r.startsWith('/notices/'));
    expect(noticeResults.map((r) => r.replace(/#.*/, '')).sort()).toEqual(wanted);

    const first = noticeResults[0]!;
    const section = first.split('#')[1] ?? '';
    expect(section === '' ? 'the result links to the top of the page, not a section' : 'a section').toBe('a section');
    await press(device, page.getByRole('main').getByRole('link').and(page.locator(`[href$="${first}"]`)).first());
    await page.waitForURL(`${origin}${first}`);
    expect(await isInViewport(page, section)).toBe(true);
    expect((await readSection(page, section)).includes(query)).toBe(true);

    const problems = await journey.check();
    await journey.context.close();
    expect(problems).toEqual([]);
  });

  test('a search with no hits says so', async () => {
    const query = '火星基地';
    expect(expectedPaths(query)).toEqual([]);
    const journey = await startJourney(browser, device, origin);
    const { page } = journey;
    await page.goto(`${origin}/search/`);
    await press(device, page.getByRole('searchbox', { name: ui.searchQueryLabel }));
    await page.keyboard.type(query);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('status').allInnerTexts(), WAIT).toContain(fill(ui.searchNone, { q: query }));
    expect(await readResults(page)).toEqual([]);
    const problems = await journey.check();
    await journey.context.close();
    expect(problems).toEqual([]);
  });
});

/** Open /search/ with `params`, wait for the count, and return the notice results and the files fetched. */
async function searchFor(params: Record<string, string>, wanted: string[]): Promise<{ results: string[]; fetched: string[] }> {
  const context = await browser.newContext(DESKTOP);
  const page = await context.newPage();
  const problems = watchPage(page);
  const fetched: string[] = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  await page.goto(`${origin}/search/?${new URLSearchParams(params)}`);
  const query = params.q!;
  const count = wanted.length === 0 ? fill(ui.searchNone, { q: query }) : fill(ui.searchCount, { n: wanted.length, q: query });
  await expect.poll(() => page.getByRole('status').allInnerTexts(), WAIT).toContain(count);
  const results = await readResults(page);
  await context.close();
  expect(listProblems(problems)).toEqual([]);
  return { results, fetched };
}

const noticePaths = (results: string[]) => results.filter((r) => r.startsWith('/notices/')).map((r) => r.replace(/#.*/, ''));

describe('slogan searches are exact', () => {
  test.each(['三管三必须', '四不放过', '两客一危一货一面', '三同时', '两客一危'])('%s lists exactly the notices containing it, without Pagefind', async (query) => {
    const wanted = expectedPaths(query);
    const { results, fetched } = await searchFor({ q: query }, wanted);
    expect(noticePaths(results).sort()).toEqual(wanted);
    expect(results[0]?.startsWith('/terms/')).toBe(true);
    expect(fetched.filter((p) => p.startsWith('/pagefind/'))).toEqual([]);
    expect(fetched.filter((p) => p.startsWith('/data/search/')).length).toBe(wanted.length === 0 ? 0 : 1);
  });

  test('a slogan search with a filter lists only the matching notices, without the term card', async () => {
    const query = '两客一危';
    const year = 2023;
    const wanted = notices.filter((n) => n.year === year && noticeText(n).includes(query)).map((n) => `/notices/${n.slug}/`).sort();
    expect(wanted.length).toBeGreaterThan(0);
    expect(wanted.length).toBeLessThan(expectedPaths(query).length);
    const { results } = await searchFor({ q: query, year: String(year) }, wanted);
    expect(results.every((r) => r.startsWith('/notices/'))).toBe(true);
    expect(noticePaths(results).sort()).toEqual(wanted);
  });
});

describe('free-text searches are exact', () => {
  // 三管三必须”实施细则: a glossary form inside free text (the index keeps forms whole).
  test.each(['PDT', '森林防火', '城镇燃气', '三管三必须”实施细则', '<script>'])('%s lists exactly the notices containing it, through Pagefind', async (query) => {
    const wanted = expectedPaths(query);
    const { results, fetched } = await searchFor({ q: query }, wanted);
    expect(noticePaths(results).sort()).toEqual(wanted);
    expect(fetched.some((p) => p.startsWith('/pagefind/'))).toBe(true);
  });

  test('a free-text result opens the notice at the section that says it', async () => {
    const query = '森林防火';
    const wanted = expectedPaths(query);
    const context = await browser.newContext(DESKTOP);
    const page = await context.newPage();
    const problems = watchPage(page);
    await page.goto(`${origin}/search/?q=${encodeURIComponent(query)}`);
    await expect.poll(() => page.getByRole('status').allInnerTexts(), WAIT).toContain(fill(ui.searchCount, { n: wanted.length, q: query }));
    const first = (await readResults(page)).find((r) => r.startsWith('/notices/'))!;
    // The section, then a text fragment to the exact words (`#s4-16:~:text=…`).
    const section = (first.split('#')[1] ?? '').split(':~:')[0]!;
    expect(/^[a-z][\w-]*$/.test(section), `${first} opens a section`).toBe(true);
    await page.goto(`${origin}${first}`);
    expect((await readSection(page, section)).includes(query)).toBe(true);
    await context.close();
    expect(listProblems(problems)).toEqual([]);
  });
});
