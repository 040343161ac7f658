/** Walking a built site: its files, its HTML pages and the URL each page is served at. */
import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** Every file under `dir`, as paths relative to it with `/` separators, sorted. */
export function listFiles(dir: string): string[] {
  const files: string[] = [];
  const walk = (current: string): void => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const path = join(current, entry.name);
      if (entry.isDirectory()) walk(path);
      else files.push(relative(dir, path).split(sep).join('/'));
    }
  };
  walk(dir);
  return files.sort();
}

/** Pagefind's own output (its UI fragments are not pages of the site). */
export function isPagefindFile(file: string): boolean {
  return file.startsWith('pagefind/');
}

/** The built HTML pages of the site (Pagefind's files excluded). */
export function listPages(dir: string): string[] {
  return listFiles(dir).filter((file) => file.endsWith('.html') && !isPagefindFile(file));
}

/** The path a page file is served at: `notices/x/index.html` → `/notices/x/`. */
export function pagePath(file: string): string {
  return '/' + file.replace(/(^|\/)index\.html$/, '$1');
}
