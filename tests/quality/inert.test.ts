/**
 * Static security gate over the built pages: nothing in the markup can run script except
 * same-origin script files, and nothing needs an inline style, so the site works under the strict
 * Content-Security-Policy in public/_headers.
 */
import { join } from 'node:path';
import { describe, expect, inject, test } from 'vitest';
import { listPages } from '../helpers/dist';
import { findActiveMarkup } from '../helpers/inert';

const distDir = inject('distDir');

describe('inert markup', () => {
  test.each(listPages(distDir))('%s: no inline handlers, javascript: URLs, inline scripts or styles', async (file) => {
    expect(await findActiveMarkup(join(distDir, file))).toEqual([]);
  });
});
