/** Checks of a loaded page that axe does not make: structure, keyboard focus, phone width. */
import type { Page } from 'playwright-core';

export interface PageOutline {
  lang: string;
  mains: number;
  banners: number;
  contentinfos: number;
  h1s: number;
}

/** Language, landmarks and headings of the page. */
export function readOutline(page: Page): Promise<PageOutline> {
  return page.evaluate(() => ({
    lang: document.documentElement.lang,
    mains: document.querySelectorAll('main, [role="main"]').length,
    banners: document.querySelectorAll('body > header, [role="banner"]').length,
    contentinfos: document.querySelectorAll('body > footer, [role="contentinfo"]').length,
    h1s: document.querySelectorAll('h1').length,
  }));
}

export interface FocusStop {
  /** `tag "text"` of the focused element. */
  label: string;
  href: string | null;
  /** Outline or box-shadow drawn around it. */
  visible: boolean;
}

/** Describe the focused element, or null when focus is on the page itself. */
function readFocus(page: Page): Promise<FocusStop | null> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body || element === document.documentElement) return null;
    const style = getComputedStyle(element);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
    const text = (element.getAttribute('aria-label') ?? element.textContent ?? '').trim().replace(/\s+/g, ' ');
    return {
      label: `${element.tagName.toLowerCase()} "${text.slice(0, 40)}"`,
      href: element.getAttribute('href'),
      visible: outline || style.boxShadow !== 'none',
    };
  });
}

/** Press Tab from the top of the page up to `limit` times, recording each focus stop. */
export async function walkFocus(page: Page, limit: number): Promise<FocusStop[]> {
  await page.evaluate(() => {
    (document.activeElement as HTMLElement | null)?.blur();
    window.scrollTo(0, 0);
  });
  const stops: FocusStop[] = [];
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const stop = await readFocus(page);
    if (!stop) break;
    stops.push(stop);
  }
  return stops;
}

/**
 * Elements that stick out past the right edge of the viewport and make the page scroll
 * sideways (none when the page fits). Content inside a scrolling box (a wide table in an
 * `overflow-x: auto` wrapper) does not count: the page itself does not scroll.
 */
export function findHorizontalOverflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const root = document.documentElement;
    if (root.scrollWidth <= root.clientWidth) return [];
    const width = root.clientWidth;
    const clipped = (element: Element): boolean => {
      for (let parent = element.parentElement; parent && parent !== document.body; parent = parent.parentElement) {
        if (getComputedStyle(parent).overflowX !== 'visible') return true;
      }
      return false;
    };
    const offenders = [...document.body.querySelectorAll('*')]
      .filter((element) => element.getBoundingClientRect().right > width + 1 && !clipped(element))
      .map((element) => {
        const id = element.id ? `#${element.id}` : '';
        const cls = element.classList.length ? `.${[...element.classList].join('.')}` : '';
        return `${element.tagName.toLowerCase()}${id}${cls} right=${Math.round(element.getBoundingClientRect().right)}`;
      });
    return [`page is ${root.scrollWidth}px wide in a ${width}px viewport`, ...offenders.slice(0, 8)];
  });
}
