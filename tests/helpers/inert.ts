/**
 * Markup that could run script or needs an inline style: inline event handlers, `javascript:`
 * URLs, inline `<script>` and `<style>`, `style=""`. None of it may appear in the build: it would
 * be an injection risk, and the strict Content-Security-Policy (`script-src 'self'`,
 * `style-src 'self'`) blocks it anyway.
 */
import { allElements, describeElement, parseHtmlFile } from './html';

/** Script types a browser does not execute (data blocks), which CSP does not govern. */
const DATA_SCRIPT_TYPES = new Set(['application/json', 'application/ld+json']);

/** `javascript:` after the URL parser's leniency (leading spaces, control characters, any case). */
export function isJavascriptUrl(value: string): boolean {
  return /^javascript:/i.test(value.replace(/[\u0000-\u0020]/g, ''));
}

/** Every piece of active or inline-styled markup in an HTML file, one message each. */
export async function findActiveMarkup(file: string): Promise<string[]> {
  const root = await parseHtmlFile(file);
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
        found.push(`inline <script> (blocked by script-src 'self'; Astro inlines scripts under vite.build.assetsInlineLimit) ${describeElement(element)}`);
      }
    }
    if (element.tagName === 'style') {
      found.push(`<style> element (blocked by style-src 'self'; needs build.inlineStylesheets: 'never') ${describeElement(element)}`);
    }
  }
  return found;
}
