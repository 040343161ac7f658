/**
 * Colour is never the only cue for a change on a compare page: every insertion and deletion is
 * announced to screen readers (a hidden "新增：" / "删除：" label), is underlined or struck
 * through on screen, and stays distinguishable when printed in black and white; the site
 * chrome is left out of print.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { compareUi } from '../../src/i18n';
import { DESKTOP, launchChromium } from '../helpers/browser';
import { listPages, pagePath } from '../helpers/dist';

const origin = inject('siteOrigin');
const distDir = inject('distDir');
const comparePages = listPages(distDir).filter((file) => /^compare\/[^/]+\/[^/]+\/index\.html$/.test(file));

interface Cue {
  tag: string;
  label: string;
  decoration: string;
  outline: string;
  before: string;
}

/** For every ins/del in the aligned rows: its hidden label, line decoration, outline, ::before text. */
function readCues(page: Page): Promise<Cue[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('main li[data-class] ins, main li[data-class] del')].map((element) => {
      const style = getComputedStyle(element);
      return {
        tag: element.tagName.toLowerCase(),
        label: element.querySelector('.visually-hidden')?.textContent ?? '',
        decoration: style.textDecorationLine,
        outline: style.outlineStyle,
        before: getComputedStyle(element, '::before').content,
      };
    }),
  );
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('insertions and deletions do not rely on colour', () => {
  test('there are compare pages with word-level changes to check', () => {
    const withChanges = comparePages.filter((file) => /<ins[\s>]/.test(readFileSync(join(distDir, file), 'utf8')));
    expect(withChanges.length > 0).toBe(true);
  });

  test.each(comparePages)('%s: labelled for screen readers, marked on screen and in print', async (file) => {
    const context = await browser.newContext(DESKTOP);
    const page = await context.newPage();
    await page.goto(origin + pagePath(file), { waitUntil: 'load' });
    const screen = await readCues(page);
    await page.emulateMedia({ media: 'print' });
    const print = await readCues(page);
    const chrome = await page.evaluate(() =>
      [...document.querySelectorAll('body > header, body > footer')].map((element) => getComputedStyle(element).display),
    );
    await context.close();

    // A changed number or frequency is labelled as such ("数字改动：") instead.
    const labels: Record<'ins' | 'del', string[]> = {
      ins: [compareUi.insLabel, compareUi.numLabel],
      del: [compareUi.delLabel, compareUi.numLabel],
    };
    const expectedLine = { ins: 'underline', del: 'line-through' };
    const unlabelled = screen.filter((cue) => !labels[cue.tag as 'ins' | 'del'].includes(cue.label));
    const unmarked = screen.filter((cue) => !cue.decoration.includes(expectedLine[cue.tag as 'ins' | 'del']) && cue.outline === 'none');
    // In print the highlight colours are gone: brackets ([+ …] / [− …]) or the line must remain.
    const unprinted = print.filter((cue) => cue.before === 'none' && !cue.decoration.includes(expectedLine[cue.tag as 'ins' | 'del']));
    expect(unlabelled).toEqual([]);
    expect(unmarked).toEqual([]);
    expect(unprinted).toEqual([]);
    expect(chrome.every((display) => display === 'none')).toBe(true);
  });
});
