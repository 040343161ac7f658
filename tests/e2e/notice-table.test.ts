/**
 * The attachment's task table on a phone: each row stacks into a card, and the caption
 * (`附件：重点工作分工`) runs across the page above the cards, not squeezed into a column one
 * character wide.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { PHONE, launchChromium } from '../helpers/browser';

const origin = inject('siteOrigin');

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

test('on a 360 px phone the task table’s caption spans the cards below it', async () => {
  const context = await browser.newContext(PHONE);
  const page = await context.newPage();
  await page.goto(`${origin}/notices/kelan-2023/`);
  const caption = await page.locator('.task-table caption').first().boundingBox();
  const card = await page.locator('.task-table tbody tr').first().boundingBox();
  expect(caption).not.toBeNull();
  expect(card).not.toBeNull();
  expect(caption!.width).toBeGreaterThanOrEqual(card!.width * 0.9);
  expect(caption!.y + caption!.height).toBeLessThanOrEqual(card!.y);
  await context.close();
});
