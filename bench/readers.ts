/**
 * What a reader of the built site pays: a slogan search on /search/ (time until the results are
 * shown, bytes fetched for it) and the weight of the browse page, measured in Debian's Chromium
 * through playwright-core against the built `dist` served like a static host (gzip on).
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page, Request } from 'playwright-core';
import { launchChromium } from '../tests/helpers/browser';
import { readSiteHeaders } from '../tests/helpers/headers';
import { serveStatic } from '../tests/helpers/server';

export interface SearchFigures {
  query: string;
  /** From pressing Enter to the first result (and the status line) on screen, cold cache. */
  coldMs: number;
  /** Bytes over the wire for that search (Pagefind engine, index chunks, fragments). */
  coldBytes: number;
  /** Cold bytes by kind of file (engine js/wasm, meta, index chunks, filters, fragments, other). */
  coldByKind: Record<string, number>;
  /** Requests made for the cold search. */
  coldRequests: number;
  /** A second query on the same page, engine already loaded. */
  warmMs: number;
  warmBytes: number;
  /** The status line the page showed (e.g. "12 份文件包含…"). */
  status: string;
  results: number;
  /** How the search was driven: the site's search page, or Pagefind's API on a bare site. */
  via: 'search-page' | 'pagefind-api';
}

export interface BrowseFigures {
  /** Bytes over the wire to load `/` (HTML, CSS, JS, fonts, images). */
  bytes: number;
  htmlBytes: number;
  /** DOM elements on the page: a proxy for how heavy it is to render and scroll. */
  elements: number;
  /** Notice cards on the first page. */
  cards: number;
  loadMs: number;
}

/** What a Pagefind request is for, from its file name. */
function kindOf(url: string): string {
  if (/\.pf_fragment$/.test(url)) return 'fragments';
  if (/\.pf_index$/.test(url)) return 'index chunks';
  if (/\.pf_filter$/.test(url)) return 'filters';
  if (/\.pf_meta$/.test(url)) return 'meta';
  if (/wasm/.test(url)) return 'wasm';
  if (/pagefind.*\.js$/.test(url)) return 'pagefind js';
  if (/pagefind-entry\.json$/.test(url)) return 'entry';
  return 'other';
}

function trackBytes(page: Page): {
  total: () => Promise<number>;
  byKind: () => Promise<Record<string, number>>;
  count: () => number;
  reset: () => void;
} {
  let requests: Request[] = [];
  page.on('requestfinished', (r) => requests.push(r));
  const sizes = async (): Promise<[string, number][]> => {
    const out: [string, number][] = [];
    for (const r of requests) {
      const s = await r.sizes().catch(() => undefined);
      if (s) out.push([kindOf(r.url()), s.responseBodySize + s.responseHeadersSize]);
    }
    return out;
  };
  return {
    reset: () => (requests = []),
    count: () => requests.length,
    total: async () => (await sizes()).reduce((n, [, b]) => n + b, 0),
    byKind: async () => {
      const by: Record<string, number> = {};
      for (const [k, b] of await sizes()) by[k] = (by[k] ?? 0) + b;
      return by;
    },
  };
}

async function searchOnPage(page: Page, query: string): Promise<{ ms: number; status: string; results: number }> {
  const before = (await page.locator('#search-status').textContent()) ?? '';
  await page.fill('#search-q', query);
  const t0 = performance.now();
  await page.press('#search-q', 'Enter');
  // Done when the status line reports a count (not the loading text) and results are listed.
  await page.waitForFunction(
    (prev) => {
      const s = document.getElementById('search-status')?.textContent ?? '';
      const list = document.getElementById('search-results');
      return s !== '' && s !== prev && /\d/.test(s) && (list?.children.length ?? 0) > 0;
    },
    before,
    { timeout: 60_000, polling: 'raf' },
  );
  const ms = performance.now() - t0;
  const status = (await page.locator('#search-status').textContent()) ?? '';
  const results = await page.locator('#search-results > li').count();
  return { ms, status, results };
}

/** Pagefind's API directly (bare sites, or sharded indexes merged with `mergeIndex`). */
async function searchWithApi(page: Page, query: string, shards: string[]): Promise<{ ms: number; status: string; results: number }> {
  return page.evaluate(async ([q, extra]) => {
    const t0 = performance.now();
    const url = '/pagefind/pagefind.js';
    const pf = await import(/* @vite-ignore */ url);
    for (const dir of extra) await pf.mergeIndex(`/${dir}/`);
    const r = await pf.search(q);
    await Promise.all(r.results.slice(0, 10).map((x: { data: () => Promise<unknown> }) => x.data()));
    return { ms: performance.now() - t0, status: `${r.results.length} results`, results: r.results.length };
  }, [query, shards] as const);
}

export async function measureReaders(dist: string, query: string, warmQuery: string): Promise<{ search: SearchFigures; browse: BrowseFigures }> {
  const headersFile = join(dist, '_headers');
  const headers = existsSync(headersFile) ? readSiteHeaders(headersFile) : {};
  const server = await serveStatic(dist, headers);
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const bytes = trackBytes(page);

    const t0 = performance.now();
    await page.goto(`${server.origin}/`, { waitUntil: 'load' });
    const loadMs = performance.now() - t0;
    await page.waitForLoadState('networkidle');
    const browse: BrowseFigures = {
      bytes: await bytes.total(),
      htmlBytes: (await page.content()).length,
      elements: await page.evaluate(() => document.getElementsByTagName('*').length),
      cards: await page.locator('main article, main li.notice-card, main .notice-card').count(),
      loadMs,
    };

    // Sharded indexes (bench --pagefind-shards) are only searchable through mergeIndex.
    const shards = readdirSync(dist).filter((d) => /^pagefind-\d+$/.test(d)).sort();
    const hasSearchPage = existsSync(join(dist, 'search', 'index.html')) && shards.length === 0;
    await page.goto(`${server.origin}${hasSearchPage ? '/search/' : '/'}`, { waitUntil: 'networkidle' });
    const doSearch = hasSearchPage ? searchOnPage : (p: Page, q: string) => searchWithApi(p, q, shards);
    bytes.reset();
    const cold = await doSearch(page, query);
    const coldBytes = await bytes.total();
    const coldByKind = await bytes.byKind();
    const coldRequests = bytes.count();
    bytes.reset();
    const warm = await doSearch(page, warmQuery);
    const warmBytes = await bytes.total();
    return {
      search: {
        query,
        coldMs: cold.ms,
        coldBytes,
        coldByKind,
        coldRequests,
        warmMs: warm.ms,
        warmBytes,
        status: cold.status,
        results: cold.results,
        via: hasSearchPage ? 'search-page' : 'pagefind-api',
      },
      browse,
    };
  } finally {
    await browser.close();
    await server.close();
  }
}
