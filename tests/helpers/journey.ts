/**
 * Shared set-up for the end-to-end journeys: each journey runs on a desktop and on a 360 px
 * touch phone, with the clipboard allowed (permalinks and "cite" copy to it) and every page
 * problem (CSP violation, script error, dialog, failed request) recorded.
 */
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { DESKTOP, PHONE, listProblems, watchPage, type PageProblems } from './browser';
import { findHorizontalOverflow } from './page-checks';

export interface Device {
  name: string;
  options: BrowserContextOptions;
  /** True for the touch phone: people tap there, and menus may start collapsed. */
  touch: boolean;
}

/**
 * How long to wait for what a page does after an action (a filter fetching the index, Pagefind
 * loading its engine): generous, because CI machines are slow and shared.
 */
export const WAIT = { timeout: 15_000, interval: 100 };

export const DEVICES: Device[] = [
  { name: 'desktop', options: DESKTOP, touch: false },
  { name: '360 px phone', options: PHONE, touch: true },
];

export interface Journey {
  context: BrowserContext;
  page: Page;
  problems: PageProblems;
  /** Everything that went wrong so far, plus sideways scrolling on the current page. */
  check(): Promise<string[]>;
}

/** A fresh context and page for one journey on `device`, served from `origin`. */
export async function startJourney(browser: Browser, device: Device, origin: string): Promise<Journey> {
  const context = await browser.newContext(device.options);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  const page = await context.newPage();
  const problems = watchPage(page);
  return {
    context,
    page,
    problems,
    async check() {
      return [...listProblems(problems), ...(await findHorizontalOverflow(page)).map((o) => `${page.url()}: ${o}`)];
    },
  };
}

/** Activate a control the way a person on `device` would: tap on the phone, click on desktop. */
export async function press(device: Device, target: { tap(): Promise<void>; click(): Promise<void> }): Promise<void> {
  if (device.touch) await target.tap();
  else await target.click();
}

/** Whether the element with `id` is scrolled into the viewport (its top edge on screen). */
export function isInViewport(page: Page, id: string): Promise<boolean> {
  return page.evaluate((targetId) => {
    const element = document.getElementById(targetId);
    if (!element) return false;
    const { top, bottom } = element.getBoundingClientRect();
    return bottom > 0 && top < window.innerHeight;
  }, id);
}

/** What the page's clipboard holds. */
export function readClipboard(page: Page): Promise<string> {
  return page.evaluate(() => navigator.clipboard.readText());
}
