/**
 * What a reader of the built site pays: a slogan search on /search/ (time until the results are
 * shown, bytes fetched for it: on the search page a glossary form is answered from the
 * precomputed lists, `/data/search/…json`, without Pagefind), a free-text search (Pagefind), and
 * the weight of the browse page, measured in Debian's Chromium through playwright-core against
 * the built `dist` served like a static host (gzip on). Each search runs on a freshly loaded
 * search page in a new browser context, so its cache is cold.
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
  /** Bytes over the wire for that search (slogan list chunks; or Pagefind engine, index chunks, fragments). */
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
  /** The search page itself before any query (HTML with the embedded form index, JS, CSS). */
  pageBytes: number;
  /** A free-text query (not a glossary form) on the search page: Pagefind's path, cold. */
  text?: { query: string; coldMs: number; coldBytes: number; coldRequests: number; coldByKind: Record<string, number>; status: string };
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
  if (/\/data\/search\/.+\.json$/.test(url)) return 'slogan list';
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

export async function measureReaders(
  dist: string,
  query: string,
  warmQuery: string,
  textQuery = '森林防火',
): Promise<{ search: SearchFigures; browse: BrowseFigures }> {
  const headersFile = join(dist, '_headers');
  const headers = existsSync(headersFile) ? readSiteHeaders(headersFile) : {};
  const server = await serveStatic(dist, headers);
  const browser = await launchChromium();
  try {
    const newPage = async () => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      return { context, page, bytes: trackBytes(page) };
    };
    const home = await newPage();
    const t0 = performance.now();
    await home.page.goto(`${server.origin}/`, { waitUntil: 'load' });
    const loadMs = performance.now() - t0;
    await home.page.waitForLoadState('networkidle');
    const browse: BrowseFigures = {
      bytes: await home.bytes.total(),
      htmlBytes: (await home.page.content()).length,
      elements: await home.page.evaluate(() => document.getElementsByTagName('*').length),
      cards: await home.page.locator('main article, main li.notice-card, main .notice-card').count(),
      loadMs,
    };
    await home.context.close();

    // The site's search page merges its own bundles (pagefind/shards.json); a bare site has no
    // search page and is searched through Pagefind's API, merging any pagefind-N bundles.
    const shards = readdirSync(dist).filter((d) => /^pagefind-\d+$/.test(d)).sort();
    const hasSearchPage = existsSync(join(dist, 'search', 'index.html'));
    const doSearch = hasSearchPage ? searchOnPage : (p: Page, q: string) => searchWithApi(p, q, shards);
    /** Open the search page cold, then time one query on it. */
    const coldSearch = async (q: string) => {
      const { context, page, bytes } = await newPage();
      await page.goto(`${server.origin}${hasSearchPage ? '/search/' : '/'}`, { waitUntil: 'networkidle' });
      const pageBytes = await bytes.total();
      bytes.reset();
      const result = await doSearch(page, q);
      return { context, page, bytes, pageBytes, result, coldBytes: await bytes.total(), coldByKind: await bytes.byKind(), coldRequests: bytes.count() };
    };

    const cold = await coldSearch(query);
    cold.bytes.reset();
    const warm = await doSearch(cold.page, warmQuery);
    const warmBytes = await cold.bytes.total();
    await cold.context.close();

    let text: SearchFigures['text'];
    if (hasSearchPage) {
      const t = await coldSearch(textQuery);
      text = { query: textQuery, coldMs: t.result.ms, coldBytes: t.coldBytes, coldRequests: t.coldRequests, coldByKind: t.coldByKind, status: t.result.status };
      await t.context.close();
    }
    return {
      search: {
        query,
        coldMs: cold.result.ms,
        coldBytes: cold.coldBytes,
        coldByKind: cold.coldByKind,
        coldRequests: cold.coldRequests,
        warmMs: warm.ms,
        warmBytes,
        status: cold.result.status,
        results: cold.result.results,
        via: hasSearchPage ? 'search-page' : 'pagefind-api',
        pageBytes: cold.pageBytes,
        ...(text ? { text } : {}),
      },
      browse,
    };
  } finally {
    await browser.close();
    await server.close();
  }
}

/** `tsx bench/readers.ts DIST [query] [warm query] [text query]`: the figures of one built site, as JSON. */
if (import.meta.url === `file://${process.argv[1]}`) {
  const [dist, query = '三管三必须', warm = '两客一危一货', text = '森林防火'] = process.argv.slice(2);
  if (!dist) throw new Error('usage: tsx bench/readers.ts DIST [query] [warm query] [text query]');
  console.log(JSON.stringify(await measureReaders(dist, query, warm, text), null, 1));
}
