/**
 * The search page. A query that is a glossary form is answered from the precomputed slogan lists
 * (src/lib/slogan-search.ts): the term card, the count, then one JSON chunk of notices per page,
 * filtered here; Pagefind is not loaded at all. Any other query goes to Pagefind, and only
 * results whose text really contains it are kept (src/lib/search-match.ts). Results are built
 * with DOM text nodes: notice text is never parsed as HTML.
 */
import { INDEX_LANGUAGE, SHARDS_FILE, presegment, type SearchShards } from '../lib/presegment';
import { containsExact, excerptAround, normaliseQuery, pickResultUrl, type SubResult } from '../lib/search-match';
import {
  nextSloganPage,
  sloganChunkUrl,
  startPaging,
  type SearchFilters,
  type SloganForm,
  type SloganHit,
} from '../lib/slogan-search';
import { buildMatcher, type TermMatcher } from '../lib/terms';

interface PagefindData {
  url: string;
  content: string;
  meta: Record<string, string>;
  sub_results: SubResult[];
}
interface PagefindResult {
  id: string;
  data: () => Promise<PagefindData>;
}
interface Pagefind {
  options: (o: object) => Promise<void>;
  init: () => Promise<void>;
  mergeIndex: (path: string) => Promise<void>;
  search: (q: string | null, o?: { filters?: Record<string, string> }) => Promise<{ results: PagefindResult[] }>;
}
interface GlossaryTerm {
  slug: string;
  term: string;
  summary: string;
  forms: Omit<SloganForm, 'term'>[];
}

/** Pagefind results checked per step of a free-text search. */
const BATCH = 10;
/** Slogan list chunks fetched at once while filters skip most of their notices. */
const PARALLEL_CHUNKS = 4;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? ''));
}

/** What one result shows: a linked title, a facts line, and an excerpt with the match marked. */
interface ResultView {
  url: string;
  title: string;
  facts: (string | undefined)[];
  excerpt: { before: string; match: string; after: string } | null;
}

export function initSearch(): void {
  const form = document.getElementById('search-form') as HTMLFormElement | null;
  const input = document.getElementById('search-q') as HTMLInputElement | null;
  const status = document.getElementById('search-status');
  const list = document.getElementById('search-results');
  const more = document.getElementById('search-more') as HTMLButtonElement | null;
  const strings = document.getElementById('search-strings')?.dataset;
  const glossary = JSON.parse(document.getElementById('search-glossary')?.textContent ?? '[]') as GlossaryTerm[];
  if (!form || !input || !status || !list || !more || !strings) return;
  const base = strings.base ?? '/';
  const slogans = new Map<string, { term: GlossaryTerm; slogan: GlossaryTerm['forms'][number] }>();
  for (const term of glossary) for (const slogan of term.forms) slogans.set(slogan.form, { term, slogan });

  const params = new URLSearchParams(location.search);
  for (const [name, value] of params) {
    const field = form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement | null;
    if (field) field.value = value;
  }

  let pagefind: Promise<Pagefind> | undefined;
  const loadPagefind = () =>
    (pagefind ??= Promise.all([
      import(/* @vite-ignore */ `${base}pagefind/pagefind.js`) as Promise<Pagefind>,
      fetch(`${base}pagefind/${SHARDS_FILE}`).then((r) => (r.ok ? (r.json() as Promise<SearchShards>) : { merge: [] })),
    ]).then(async ([p, shards]) => {
      await p.options({ excerptLength: 24 });
      // Pagefind takes the query's language from <html lang> when it starts, and would cut a
      // zh-CN query into its own words again (and 三管三必须 into 三/管/三/必须). The index is
      // pre-segmented in INDEX_LANGUAGE: start Pagefind in that language. `init` reads the
      // attribute synchronously, so it is changed back within the same task, before any
      // rendering or accessibility update sees it.
      const root = document.documentElement;
      const lang = root.getAttribute('lang');
      root.setAttribute('lang', INDEX_LANGUAGE);
      const started = p.init();
      if (lang === null) root.removeAttribute('lang');
      else root.setAttribute('lang', lang);
      await started;
      // A large library is indexed in several bundles (scripts/search-index.ts); search them all.
      await Promise.all(shards.merge.map((dir) => p.mergeIndex(`${base}${dir}/`)));
      return p;
    }));
  let matcher: TermMatcher | undefined;
  /** The query cut into the index's words: the same tokenizer and glossary as the build. */
  const segmentQuery = (query: string) => {
    matcher ??= buildMatcher(glossary.flatMap((t) => t.forms.map((f) => ({ form: f.form, slug: t.slug, kind: 'term' as const }))));
    return presegment(query, matcher);
  };
  let run = 0;

  const renderResult = ({ url, title, facts, excerpt }: ResultView) => {
    const item = el('li', undefined, 'search-result');
    const heading = el('h3');
    const link = el('a', title);
    link.href = url;
    heading.append(link);
    const meta = el('p', facts.filter(Boolean).join(' · '), 'result-meta');
    const text = el('p', undefined, 'result-excerpt');
    if (excerpt) text.append(excerpt.before, el('mark', excerpt.match), excerpt.after);
    item.append(heading, meta, text);
    list.append(item);
  };

  const renderTerm = (term: GlossaryTerm) => {
    const item = el('li', undefined, 'search-result term-result');
    const heading = el('h3');
    const link = el('a', term.term);
    link.href = `${base}terms/${term.slug}/`;
    heading.append(el('span', strings.term ?? '', 'tag'), ' ', link);
    item.append(heading, el('p', term.summary, 'result-excerpt'));
    list.append(item);
  };

  const showCount = (n: number, query: string) => {
    status.textContent = fill(n === 0 ? strings.none ?? '' : strings.count ?? '', { n, q: query });
  };

  const fetchChunk = async (id: string, page: number): Promise<SloganHit[]> => {
    const response = await fetch(sloganChunkUrl(base, id, page));
    if (!response.ok) throw new Error(`${response.status} ${response.url}`);
    return ((await response.json()) as { notices: SloganHit[] }).notices;
  };

  /** A glossary form: its term card, then its precomputed list, a page at a time. */
  const searchSlogan = async (mine: number, query: string, term: GlossaryTerm, slogan: GlossaryTerm['forms'][number], filters: SearchFilters) => {
    const filtered = Object.keys(filters).length > 0;
    if (!filtered) renderTerm(term);
    const paging = startPaging();
    const showMore = async () => {
      more.hidden = true;
      let page: Awaited<ReturnType<typeof nextSloganPage>>;
      try {
        page = await nextSloganPage(slogan, filters, paging, (n) => fetchChunk(slogan.id, n), { parallel: PARALLEL_CHUNKS });
      } catch {
        if (mine === run) status.textContent = strings.unavailable ?? '';
        return;
      }
      if (mine !== run) return;
      for (const hit of page.hits) {
        renderResult({ url: hit.url, title: hit.title, facts: [hit.issuer, hit.docNumber, `${hit.year}年`], excerpt: hit });
      }
      if (!filtered) showCount(slogan.count, query);
      else if (page.done) showCount(paging.found, query);
      else status.textContent = fill(strings.partial ?? '', { checked: paging.checked, total: slogan.count, n: paging.found, q: query });
      more.hidden = page.done;
    };
    more.onclick = () => void showMore();
    await showMore();
  };

  /** Free text: Pagefind finds candidates, only pages that really contain the query are shown. */
  const searchText = async (mine: number, query: string, filters: SearchFilters) => {
    let pf: Pagefind;
    try {
      pf = await loadPagefind();
    } catch {
      status.textContent = strings.unavailable ?? '';
      return;
    }
    const noticeFilters: Record<string, string> = Object.keys(filters).length ? { ...filters, type: '文件' } : {};
    const segmented = segmentQuery(query);
    const words = segmented.split(' ').filter((w) => /[\p{L}\p{N}]/u.test(w));
    const candidates = (await pf.search(segmented, { filters: noticeFilters })).results;
    if (mine !== run) return;
    let checked = 0;
    let found = 0;
    const showMore = async () => {
      more.hidden = true;
      while (checked < candidates.length) {
        const batch = candidates.slice(checked, checked + BATCH);
        checked += batch.length;
        const loaded = await Promise.all(batch.map((r) => r.data()));
        if (mine !== run) return;
        // Term pages first among free-text results, then notices.
        loaded.sort((a, b) => Number(b.meta.type === 'term') - Number(a.meta.type === 'term'));
        for (const d of loaded) {
          if (!containsExact(d.content, query)) continue;
          found++;
          renderResult({
            url: pickResultUrl(d.url, d.sub_results, query, words),
            title: d.meta.title ?? d.url,
            facts: [d.meta.issuer, d.meta.docNumber, d.meta.year && `${d.meta.year}年`],
            excerpt: excerptAround(d.content, query),
          });
        }
        if (found >= BATCH && checked < candidates.length) break;
      }
      if (checked >= candidates.length) showCount(found, query);
      else status.textContent = fill(strings.partial ?? '', { checked, total: candidates.length, n: found, q: query });
      more.hidden = checked >= candidates.length;
    };
    more.onclick = () => void showMore();
    await showMore();
  };

  const search = async () => {
    const mine = ++run;
    const data = new FormData(form);
    const query = normaliseQuery(String(data.get('q') ?? ''));
    const filters: SearchFilters = {};
    for (const name of ['year', 'level', 'region', 'kind'] as const) {
      const v = String(data.get(name) ?? '');
      if (v) filters[name] = v;
    }
    const url = new URLSearchParams();
    for (const [k, v] of data) if (v) url.set(k, String(v));
    history.replaceState(null, '', url.size ? `?${url}` : location.pathname);
    list.replaceChildren();
    more.hidden = true;
    if (!query) {
      status.textContent = '';
      return;
    }
    status.textContent = strings.loading ?? '';
    const slogan = slogans.get(query);
    if (slogan) await searchSlogan(mine, query, slogan.term, slogan.slogan, filters);
    else await searchText(mine, query, filters);
  };

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void search();
  });
  form.addEventListener('change', (e) => {
    if ((e.target as Element).tagName === 'SELECT') void search();
  });
  if (input.value) void search();
}
