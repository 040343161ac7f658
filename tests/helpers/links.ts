/**
 * A link checker over a built site: every internal URL in every page (links, stylesheets,
 * scripts, images, form actions, canonical and Open Graph URLs) must name a file in the build,
 * and every `#fragment` an element id in the page it points to.
 */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseHtmlFile, describeElement } from './html';
import { pagePath } from './dist';

/** Element/attribute pairs that hold one URL. */
const URL_ATTRIBUTES: [selector: string, attribute: string][] = [
  ['a[href]', 'href'],
  ['area[href]', 'href'],
  ['link[href]', 'href'],
  ['script[src]', 'src'],
  ['img[src]', 'src'],
  ['source[src]', 'src'],
  ['iframe[src]', 'src'],
  ['form[action]', 'action'],
  ['meta[property="og:url"]', 'content'],
  ['meta[property="og:image"]', 'content'],
];

/** Schemes that leave the site on purpose (not checked). */
function isOtherScheme(url: URL): boolean {
  return !['http:', 'https:'].includes(url.protocol);
}

export interface LinkContext {
  distDir: string;
  /** The site's public origin (`https://…`, from Astro's `site`): absolute URLs on it are internal. */
  siteOrigin: string;
  /** Ids in a page file, cached across pages. */
  idsOf(file: string): Promise<Set<string>>;
}

/** A context whose id lookups parse each target page once. */
export function createLinkContext(distDir: string, siteOrigin: string): LinkContext {
  const cache = new Map<string, Promise<Set<string>>>();
  return {
    distDir,
    siteOrigin,
    idsOf(file) {
      let ids = cache.get(file);
      if (!ids) {
        ids = parseHtmlFile(join(distDir, file)).then((root) => {
          const found = new Set<string>();
          for (const element of root.querySelectorAll('[id]')) found.add(element.id ?? '');
          for (const element of root.querySelectorAll('a[name]')) {
            found.add(String(element.getAttributeValue('name')));
          }
          return found;
        });
        cache.set(file, ids);
      }
      return ids;
    },
  };
}

/**
 * The build file a site path is served from, or a reason it is not served. With
 * `trailingSlash: 'always'` a page is linked as `/x/`; `/x` would only work through a redirect.
 */
function resolveTarget(distDir: string, pathname: string): { file?: string; problem?: string } {
  let path: string;
  try {
    path = decodeURIComponent(pathname);
  } catch {
    return { problem: 'is not a valid percent-encoded path' };
  }
  const relative = path.replace(/^\//, '');
  if (path.endsWith('/')) {
    const file = `${relative}index.html`;
    return existsSync(join(distDir, file)) ? { file } : { problem: `has no ${file} in the build` };
  }
  const full = join(distDir, relative);
  if (existsSync(full) && statSync(full).isFile()) return { file: relative };
  if (existsSync(join(full, 'index.html'))) {
    return { problem: `lacks the trailing slash (the page is ${path}/)` };
  }
  return { problem: `has no ${relative} in the build` };
}

/** The broken internal URLs of one page file (path relative to `distDir`), as messages. */
export async function checkPageLinks(context: LinkContext, file: string): Promise<string[]> {
  const root = await parseHtmlFile(join(context.distDir, file));
  const base = new URL(pagePath(file), context.siteOrigin);
  const broken: string[] = [];
  for (const [selector, attribute] of URL_ATTRIBUTES) {
    for (const element of root.querySelectorAll(selector)) {
      const raw = String(element.getAttributeValue(attribute) ?? '').trim();
      const where = describeElement(element, attribute);
      if (raw === '') {
        broken.push(`${where}: empty URL`);
        continue;
      }
      let url: URL;
      try {
        url = new URL(raw, base);
      } catch {
        broken.push(`${where}: not a URL`);
        continue;
      }
      if (isOtherScheme(url) || url.origin !== context.siteOrigin) continue;
      const target = resolveTarget(context.distDir, url.pathname);
      if (!target.file) {
        broken.push(`${where}: ${url.pathname} ${target.problem}`);
        continue;
      }
      const fragment = decodeURIComponent(url.hash.slice(1));
      // `#top` and an empty fragment scroll to the top by the HTML standard; `:~:` is a text fragment.
      if (fragment === '' || fragment === 'top' || fragment.startsWith(':~:')) continue;
      if (!target.file.endsWith('.html')) continue;
      const ids = await context.idsOf(target.file);
      if (!ids.has(fragment)) broken.push(`${where}: no id="${fragment}" in ${target.file}`);
    }
  }
  return broken;
}

/** The public origin the build was made for, read from the home page's canonical link. */
export async function readSiteOrigin(distDir: string): Promise<string> {
  const root = await parseHtmlFile(join(distDir, 'index.html'));
  const canonical = root.querySelector('link[rel="canonical"]')?.getAttributeValue('href');
  if (!canonical) throw new Error(`${join(distDir, 'index.html')}: no <link rel="canonical">.`);
  return new URL(String(canonical)).origin;
}
