/**
 * Static security gates over the built files: nothing in the markup can run script except
 * same-origin script files, and nothing needs an inline style, so the site works under the strict
 * Content-Security-Policy in public/_headers (`script-src 'self'`, `style-src 'self'`).
 */
import { join } from 'node:path';
import { describe, expect, inject, test } from 'vitest';
import { listPages } from '../helpers/dist';
import { allElements, describeElement, parseHtmlFile } from '../helpers/html';

/** Script types a browser does not execute (data blocks), which CSP does not govern. */
const DATA_SCRIPT_TYPES = new Set(['application/json', 'application/ld+json', 'importmap']);

/** `javascript:` after the URL parser's leniency (leading spaces, tabs, newlines, any case). */
function isJavascriptUrl(value: string): boolean {
  return /^javascript:/i.test(value.replace(/[\u0000-\u0020]/g, ''));
}

const distDir = inject('distDir');

describe('inert markup', () => {
  test.each(listPages(distDir))('%s: no inline handlers, javascript: URLs, inline scripts or styles', async (file) => {
    const root = await parseHtmlFile(join(distDir, file));
    const found: string[] = [];
    for (const element of allElements(root)) {
      for (const attribute of element.attributes) {
        const value = String(attribute.value ?? '');
        if (/^on/i.test(attribute.key)) found.push(`inline event handler ${describeElement(element, attribute.key)}`);
        if (attribute.key === 'style') found.push(`style attribute (blocked by style-src 'self') ${describeElement(element, 'style')}`);
        if (isJavascriptUrl(value)) found.push(`javascript: URL ${describeElement(element, attribute.key)}`);
      }
      if (element.tagName === 'script' && !element.hasAttribute('src')) {
        const type = String(element.getAttributeValue('type') ?? '').toLowerCase();
        if (!DATA_SCRIPT_TYPES.has(type)) {
          found.push(`inline <script> (blocked by script-src 'self'; set vite.build.assetsInlineLimit: 0) ${describeElement(element)}`);
        }
      }
      if (element.tagName === 'style') {
        found.push(`<style> element (blocked by style-src 'self'; set build.inlineStylesheets: 'never') ${describeElement(element)}`);
      }
    }
    expect(found).toEqual([]);
  });
});
