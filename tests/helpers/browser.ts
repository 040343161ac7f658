/**
 * Debian's Chromium driven by playwright-core. A missing browser is an error with the command
 * that installs it: the site tests never skip.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Throw, saying how to install it, when there is no Chromium: the site tests never skip. */
export function assertChromium(): void {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `No Chromium at ${CHROMIUM_PATH}. The site tests need a real browser: install it with ` +
        '`apt-get install -y chromium fonts-noto-cjk`, or point CHROMIUM_PATH at a Chromium binary.',
    );
  }
}

/** Launch Chromium, or throw saying how to install it. */
export async function launchChromium(): Promise<Browser> {
  assertChromium();
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/** A phone: 360 CSS px wide, touch, as the issue asks every journey to work on. */
export const PHONE: BrowserContextOptions = {
  viewport: { width: 360, height: 740 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
};
export const DESKTOP: BrowserContextOptions = { viewport: { width: 1280, height: 900 } };

/**
 * What went wrong on a page while a test used it: console errors (Chromium reports every
 * Content-Security-Policy violation there), uncaught exceptions, dialogs (a hostile `alert(1)`
 * that ran), failed requests and HTTP errors.
 */
export interface PageProblems {
  console: string[];
  csp: string[];
  errors: string[];
  dialogs: string[];
  http: string[];
}

/** Start recording problems on `page`; dialogs are dismissed so a test never hangs on one. */
export function watchPage(page: Page): PageProblems {
  const problems: PageProblems = { console: [], csp: [], errors: [], dialogs: [], http: [] };
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const text = message.text();
    if (/Content.Security.Policy/i.test(text)) problems.csp.push(text);
    else problems.console.push(text);
  });
  page.on('pageerror', (error) => problems.errors.push(String(error)));
  page.on('dialog', (dialog) => {
    problems.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss().catch(() => undefined);
  });
  page.on('requestfailed', (request) => {
    const error = request.failure()?.errorText ?? 'failed';
    // A navigation that turns into a download (or is superseded by the next one) is aborted.
    if (error === 'net::ERR_ABORTED' && request.isNavigationRequest()) return;
    problems.http.push(`${error} ${request.url()}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) problems.http.push(`${response.status()} ${response.url()}`);
  });
  return problems;
}

/** Every recorded problem as one list, for `expect(...).toEqual([])`. */
export function listProblems(problems: PageProblems): string[] {
  return [
    ...problems.csp.map((p) => `CSP: ${p}`),
    ...problems.errors.map((p) => `exception: ${p}`),
    ...problems.dialogs.map((p) => `dialog: ${p}`),
    ...problems.console.map((p) => `console: ${p}`),
    ...problems.http.map((p) => `http: ${p}`),
  ];
}
