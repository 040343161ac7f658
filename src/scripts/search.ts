/**
 * The search page: Pagefind for candidates, then only exact matches (see src/lib/search-match).
 * A glossary form is searched through the exact `form` filter of notice pages; its term page
 * is listed first. Results are built with DOM text nodes: page text is never parsed as HTML.
 */
import { containsExact, excerptAround, normaliseQuery, pickResultUrl, type SubResult } from '../lib/search-match';

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
  search: (q: string | null, o?: { filters?: Record<string, string> }) => Promise<{ results: PagefindResult[] }>;
}
interface GlossaryTerm {
  slug: string;
  term: string;
  summary: string;
  forms: string[];
}

const BATCH = 10;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? ''));
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
  const forms = new Map<string, GlossaryTerm>();
  for (const t of glossary) for (const f of [t.term, ...t.forms]) forms.set(f, t);

  const params = new URLSearchParams(location.search);
  for (const [name, value] of params) {
    const field = form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement | null;
    if (field) field.value = value;
  }

  let pagefind: Promise<Pagefind> | undefined;
  const loadPagefind = () =>
    (pagefind ??= import(/* @vite-ignore */ `${base}pagefind/pagefind.js`).then(async (p: Pagefind) => {
      await p.options({ excerptLength: 24 });
      return p;
    }));
  let run = 0;

  const renderResult = (data: PagefindData, query: string, subResults: SubResult[]) => {
    const item = el('li', undefined, 'search-result');
    const heading = el('h3');
    const link = el('a', data.meta.title ?? data.url);
    link.href = pickResultUrl(data.url, subResults, query);
    heading.append(link);
    const meta = el('p', [data.meta.issuer, data.meta.docNumber, data.meta.year && `${data.meta.year}年`].filter(Boolean).join(' · '), 'result-meta');
    const excerpt = el('p', undefined, 'result-excerpt');
    const cut = excerptAround(data.content, query);
    if (cut) excerpt.append(cut.before, el('mark', cut.match), cut.after);
    item.append(heading, meta, excerpt);
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

  const search = async () => {
    const mine = ++run;
    const data = new FormData(form);
    const query = normaliseQuery(String(data.get('q') ?? ''));
    const filters: Record<string, string> = {};
    for (const name of ['year', 'level', 'region', 'kind']) {
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
    let pf: Pagefind;
    try {
      pf = await loadPagefind();
    } catch {
      status.textContent = strings.unavailable ?? '';
      return;
    }
    const term = forms.get(query);
    const noticeFilters = { ...filters, type: '文件' };
    let candidates: PagefindResult[];
    let sections = new Map<string, SubResult[]>();
    let exact = false;
    if (term) {
      // A glossary form: the `form` filter is exact, the text search only ranks and finds sections.
      const [all, ranked] = await Promise.all([
        pf.search(null, { filters: { ...noticeFilters, form: query } }),
        pf.search(query, { filters: { ...noticeFilters, form: query } }),
      ]);
      const ids = new Set(all.results.map((r) => r.id));
      const order = [...ranked.results.filter((r) => ids.has(r.id)), ...all.results];
      candidates = order.filter((r, i) => order.findIndex((o) => o.id === r.id) === i);
      sections = new Map(await Promise.all(ranked.results.slice(0, BATCH).map(async (r) => [r.id, (await r.data()).sub_results] as const)));
      exact = true;
    } else {
      candidates = (await pf.search(query, { filters: Object.keys(filters).length ? noticeFilters : {} })).results;
    }
    if (mine !== run) return;
    if (term && Object.keys(filters).length === 0) renderTerm(term);
    let checked = 0;
    let found = 0;
    const showMore = async () => {
      more.hidden = true;
      while (checked < candidates.length) {
        const batch = candidates.slice(checked, checked + BATCH);
        checked += batch.length;
        const loaded = await Promise.all(batch.map(async (r) => ({ id: r.id, data: await r.data() })));
        if (mine !== run) return;
        // Term pages first among free-text results, then notices.
        loaded.sort((a, b) => Number(b.data.meta.type === 'term') - Number(a.data.meta.type === 'term'));
        for (const { id, data: d } of loaded) {
          if (!exact && !containsExact(d.content, query)) continue;
          found++;
          renderResult(d, query, sections.get(id) ?? d.sub_results);
        }
        if (found >= BATCH && checked < candidates.length) break;
      }
      const total = exact ? candidates.length : found;
      if (checked >= candidates.length || exact) {
        status.textContent = fill(total === 0 ? strings.none ?? '' : strings.count ?? '', { n: total, q: query });
      } else {
        status.textContent = fill(strings.partial ?? '', { checked, total: candidates.length, n: found, q: query });
      }
      more.hidden = checked >= candidates.length;
    };
    more.onclick = () => void showMore();
    await showMore();
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
