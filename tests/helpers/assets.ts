/** What a built page makes the browser download: its scripts (with static imports) and styles. */
import { readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parseHtmlFile } from './html';
import { pagePath } from './dist';

/** Static `import … from "x"`, `import "x"` and `export … from "x"` in minified ES modules. */
function findStaticImports(code: string): string[] {
  const specifiers: string[] = [];
  const pattern = /(?:\bimport|\bexport)\s*(?:[\w*${}\s,]+?\s*from\s*)?["']([^"']+)["']/g;
  for (const match of code.matchAll(pattern)) {
    // `import("x")` is a dynamic import, loaded on demand: the pattern above cannot match it
    // because `(` is not allowed between `import` and the quote.
    specifiers.push(match[1]!);
  }
  return specifiers;
}

/** Same-origin path of a URL attribute on `page`, or undefined when it points elsewhere. */
function localPath(page: string, url: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//')) return undefined;
  const resolved = new URL(url, `http://site${pagePath(page)}`);
  return decodeURIComponent(resolved.pathname).replace(/^\//, '');
}

export interface PageAssets {
  /** Script files loaded at page load: `<script src>`, module preloads and their static imports. */
  scripts: string[];
  /** Stylesheets linked by the page. */
  styles: string[];
}

/** The script and style files (relative to `distDir`) that `page` loads before any interaction. */
export async function findPageAssets(distDir: string, page: string): Promise<PageAssets> {
  const root = await parseHtmlFile(join(distDir, page));
  const scripts = new Set<string>();
  const queue: string[] = [];
  const addScript = (file: string | undefined): void => {
    if (file && !scripts.has(file)) {
      scripts.add(file);
      queue.push(file);
    }
  };
  for (const script of root.querySelectorAll('script[src]')) {
    addScript(localPath(page, String(script.getAttributeValue('src'))));
  }
  for (const link of root.querySelectorAll('link[rel="modulepreload"]')) {
    addScript(localPath(page, String(link.getAttributeValue('href'))));
  }
  while (queue.length > 0) {
    const file = queue.shift()!;
    for (const specifier of findStaticImports(readFileSync(join(distDir, file), 'utf8'))) {
      if (specifier.startsWith('.') || specifier.startsWith('/')) {
        addScript(specifier.startsWith('/') ? specifier.slice(1) : posix.join(posix.dirname(file), specifier));
      }
    }
  }
  const styles = root
    .querySelectorAll('link[rel="stylesheet"]')
    .map((link) => localPath(page, String(link.getAttributeValue('href'))))
    .filter((file): file is string => file !== undefined);
  return { scripts: [...scripts].sort(), styles };
}

/** Gzipped size in bytes (zlib's default level, as static hosts typically serve). */
export function gzippedSize(distDir: string, file: string): number {
  return gzipSync(readFileSync(join(distDir, file))).length;
}

/** Sum of gzipped sizes. */
export function totalGzipped(distDir: string, files: string[]): number {
  return files.reduce((sum, file) => sum + gzippedSize(distDir, file), 0);
}
