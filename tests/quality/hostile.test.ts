/**
 * A hostile notice (tests/fixtures/hostile) whose text and metadata try to inject markup and
 * script: `<script>alert(1)</script>`, `<img src=x onerror=alert(1)>`, `javascript:alert(1)`,
 * markup that closes tags early, template syntax. It is built with the real notices (so the
 * glossary and comparison have their usual input) via CORPUS_DIR into its own directory, and
 * every page that shows its text is opened in Chromium: the text must show as text, no script
 * from it may run (a dialog would prove one did) and no element from it may exist.
 */
import { cp, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { compareUi } from '../../src/i18n';
import { buildSite, makeBuildDir, REPO_ROOT } from '../helpers/build';
import { DESKTOP, launchChromium, listProblems, watchPage } from '../helpers/browser';
import { listPages, pagePath } from '../helpers/dist';
import { readSiteHeaders } from '../helpers/headers';
import { findActiveMarkup } from '../helpers/inert';
import { serveStatic, type StaticServer } from '../helpers/server';
import { WAIT } from '../helpers/journey';

const FIXTURE = join(REPO_ROOT, 'tests/fixtures/hostile');
const SLUG = 'hostile-2023';
/** Strings of the fixture that must reach the reader exactly as written. */
const SHOWN_AS_TEXT = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '<b onmouseover=alert(1)>粗体</b>',
  '&lt;b&gt;',
  '${alert(1)}',
];

let workDir: string;
let distDir: string;
let server: StaticServer;
let browser: Browser;

/** The real content plus the hostile notice, as a CORPUS_DIR. */
async function assembleCorpus(dir: string): Promise<void> {
  await mkdir(join(dir, 'content'), { recursive: true });
  await cp(join(REPO_ROOT, 'seeds'), join(dir, 'seeds'), { recursive: true });
  await cp(join(REPO_ROOT, 'content/notices'), join(dir, 'content/notices'), { recursive: true });
  await cp(join(FIXTURE, 'seeds'), join(dir, 'seeds'), { recursive: true });
  await cp(join(FIXTURE, 'content/notices'), join(dir, 'content/notices'), { recursive: true });
}

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'anquan-hostile-'));
  await assembleCorpus(join(workDir, 'corpus'));
  distDir = await makeBuildDir('hostile');
  await buildSite({ outDir: distDir, corpusDir: join(workDir, 'corpus') });
  server = await serveStatic(distDir, readSiteHeaders());
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (workDir) await rm(workDir, { recursive: true, force: true });
  if (distDir) await rm(distDir, { recursive: true, force: true });
});

/** Pages of the hostile build that show some of the hostile text. */
function pagesWithHostileText(): string[] {
  return listPages(distDir).filter((file) => readFileSync(join(distDir, file), 'utf8').includes('alert(1)'));
}

/** Elements in the live DOM that could only have come from the hostile text. */
function findInjectedElements(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const describe = (element: Element): string => element.outerHTML.slice(0, 120);
    for (const element of document.querySelectorAll('*')) {
      for (const attribute of element.attributes) {
        if (/^on/i.test(attribute.name)) found.push(`handler attribute: ${describe(element)}`);
        if (/^\s*javascript:/i.test(attribute.value)) found.push(`javascript: URL: ${describe(element)}`);
      }
    }
    for (const element of document.querySelectorAll('iframe, object, embed')) found.push(`embed: ${describe(element)}`);
    for (const image of document.querySelectorAll('img')) {
      if (new URL(image.src, location.href).pathname.endsWith('/x')) found.push(`injected img: ${describe(image)}`);
    }
    for (const script of document.querySelectorAll('script, style')) {
      const text = script.textContent ?? '';
      if (!/alert\(1\)|display:none/.test(text)) continue;
      // A JSON data block may carry the hostile text as data; it is only intact (not cut short
      // by a `</script>` in the text) when it still parses.
      if (script.getAttribute('type') === 'application/json') {
        try {
          JSON.parse(text);
          continue;
        } catch {
          found.push(`JSON data block cut short by the hostile text: ${describe(script)}`);
          continue;
        }
      }
      found.push(`injected ${script.tagName}: ${describe(script)}`);
    }
    for (const bold of document.querySelectorAll('b, strong, a, svg')) {
      if (/^(粗体|点此)$/.test(bold.textContent ?? '') || bold.getAttribute('href') === 'x') found.push(`injected element: ${describe(bold)}`);
    }
    if (getComputedStyle(document.body).display === 'none') found.push('an injected style hid the body');
    return found;
  });
}

describe('a hostile notice is rendered inert', () => {
  test('the hostile notice has its page, and others show its metadata', () => {
    const pages = pagesWithHostileText();
    expect(pages.includes(`notices/${SLUG}/index.html`)).toBe(true);
    expect(pages.includes('index.html')).toBe(true);
  });

  test('no page of the hostile build has handlers, javascript: URLs, inline scripts or styles', async () => {
    const found: string[] = [];
    for (const file of listPages(distDir)) {
      for (const problem of await findActiveMarkup(join(distDir, file))) found.push(`${file}: ${problem}`);
    }
    expect(found).toEqual([]);
  });

  test('the notice page shows every hostile string as text, and its title as the page title', async () => {
    const context = await browser.newContext(DESKTOP);
    const page = await context.newPage();
    const problems = watchPage(page);
    await page.goto(`${server.origin}/notices/${SLUG}/`, { waitUntil: 'load' });
    const text = await page.locator('main').innerText();
    const title = await page.title();
    const heading = await page.getByRole('heading', { level: 1 }).innerText();
    await context.close();
    expect(SHOWN_AS_TEXT.filter((hostile) => !text.includes(hostile))).toEqual([]);
    expect(title.includes('关于<script>alert(1)</script>做好2023年安全生产工作的通知"><img src=x onerror=alert(1)>')).toBe(true);
    // The h1 is the document's own title line (from the seed), shown as text.
    expect(heading.includes('关于<img src=x onerror=alert(1)>做好2023年安全生产工作的通知')).toBe(true);
    expect(listProblems(problems)).toEqual([]);
  });

  test('the notice page runs none of it when tabbed through and hovered', async () => {
    const context = await browser.newContext(DESKTOP);
    const page = await context.newPage();
    const problems = watchPage(page);
    await page.goto(`${server.origin}/notices/${SLUG}/`, { waitUntil: 'load' });
    for (let i = 0; i < 40; i++) await page.keyboard.press('Tab');
    for (const target of (await page.getByText(/粗体|alert\(1\)/).all()).slice(0, 20)) {
      await target.hover({ timeout: 1000 }).catch(() => undefined);
    }
    const injected = await findInjectedElements(page);
    await context.close();
    expect([...injected, ...listProblems(problems)]).toEqual([]);
  });

  test('no page showing hostile text runs any of it or gains an element from it', { timeout: 240_000 }, async () => {
    const found: string[] = [];
    const context = await browser.newContext(DESKTOP);
    for (const file of pagesWithHostileText()) {
      const page = await context.newPage();
      const problems = watchPage(page);
      await page.goto(server.origin + pagePath(file), { waitUntil: 'load' });
      const injected = await findInjectedElements(page);
      await page.close();
      found.push(...[...injected, ...listProblems(problems)].map((problem) => `${file}: ${problem}`));
    }
    await context.close();
    expect(found).toEqual([]);
  });

  test('the compare picker, which renders in the browser from the JSON, shows it inert too', async () => {
    const context = await browser.newContext(DESKTOP);
    const page = await context.newPage();
    const problems = watchPage(page);
    await page.goto(`${server.origin}/compare/`, { waitUntil: 'load' });
    await page.getByLabel(compareUi.pickerA).selectOption(SLUG);
    await page.getByLabel(compareUi.pickerB).selectOption('kelan-2023');
    await page.getByRole('button', { name: compareUi.pickerSubmit, exact: true }).click();
    await expect.poll(() => page.getByRole('status').allInnerTexts(), WAIT).toContainEqual(expect.stringMatching(/用时 \d+ 毫秒/));
    const text = await page.getByRole('main').innerText();
    const injected = await findInjectedElements(page);
    await context.close();
    expect(text.includes('<script>alert(1)</script>')).toBe(true);
    expect([...injected, ...listProblems(problems)]).toEqual([]);
  });

  test('search results quoting it show it inert', async () => {
    const context = await browser.newContext(DESKTOP);
    const page = await context.newPage();
    const problems = watchPage(page);
    await page.goto(`${server.origin}/search/?q=${encodeURIComponent('<script>alert(1)</script>')}`, { waitUntil: 'load' });
    await expect
      .poll(() => page.getByRole('main').getByRole('link').and(page.locator(`[href*="/notices/${SLUG}/"]`)).count(), WAIT)
      .toBe(1);
    const injected = await findInjectedElements(page);
    await context.close();
    expect([...injected, ...listProblems(problems)]).toEqual([]);
  });

  test('the open data keeps the hostile text verbatim', async () => {
    const data = JSON.parse(await readFile(join(distDir, `data/notices/${SLUG}.json`), 'utf8')) as {
      title: string;
      blocks: { text: string }[];
    };
    expect(data.title).toBe('关于<script>alert(1)</script>做好2023年安全生产工作的通知"><img src=x onerror=alert(1)>');
    const text = data.blocks.map((block) => block.text).join('\n');
    expect(SHOWN_AS_TEXT.filter((hostile) => !text.includes(hostile))).toEqual([]);
  });
});
