/**
 * Browse-page filters. The page as served lists one page of cards; once a filter or an order is
 * chosen, the full index (/data/notices.json) is fetched once and every match is listed, a page
 * at a time ("show more"). The choice is kept in the URL query so a filtered list can be linked.
 */
import { displayTitle, formatDate, formatRegion } from '../components/notice-format';
import type { NoticeMeta } from '../lib/types';

const FIELDS = ['year', 'level', 'province', 'kind'] as const;
const PAGE = 50;

interface Labels {
  level: Record<string, string>;
  kind: Record<string, string>;
  noDocNumber: string;
}

function card(n: NoticeMeta, base: string, labels: Labels): HTMLLIElement {
  const li = document.createElement('li');
  li.className = 'notice-card';
  const h2 = document.createElement('h2');
  const a = document.createElement('a');
  a.href = `${base}notices/${n.slug}/`;
  a.textContent = displayTitle(n);
  h2.append(a);
  const meta = document.createElement('p');
  meta.className = 'card-meta';
  const span = (text: string, className?: string) => {
    const s = document.createElement('span');
    s.textContent = text;
    if (className) s.className = className;
    return s;
  };
  meta.append(
    span(n.docNumber ?? labels.noDocNumber),
    span(n.date ? formatDate(n.date) : `${n.year}年`),
    span(formatRegion(n.region)),
    span(labels.level[n.level] ?? n.level, 'tag'),
    span(labels.kind[n.kind] ?? n.kind, 'tag'),
  );
  li.append(h2, meta);
  return li;
}

function sortKey(n: NoticeMeta): string {
  return n.date ?? `${n.year}-00-00`;
}

export function initNoticeFilters(): void {
  const form = document.getElementById('notice-filters') as HTMLFormElement | null;
  const list = document.getElementById('notice-list');
  const count = document.getElementById('notice-count');
  const empty = document.getElementById('notice-empty');
  const more = document.getElementById('notice-more') as HTMLButtonElement | null;
  const pager = document.getElementById('notice-pager');
  if (!form || !list || !count || !empty || !more) return;
  const served = Array.from(list.children);
  const servedCount = count.textContent;
  const labels = JSON.parse(form.dataset.labels ?? '{}') as Labels;
  const base = form.dataset.base ?? '/';
  let index: Promise<NoticeMeta[]> | undefined;
  const loadIndex = () =>
    (index ??= fetch(form.dataset.index ?? '').then(async (r) => ((await r.json()) as { notices: NoticeMeta[] }).notices));

  const params = new URLSearchParams(location.search);
  for (const name of [...FIELDS, 'sort']) {
    const select = form.elements.namedItem(name) as HTMLSelectElement | null;
    const value = params.get(name);
    if (select && value && Array.from(select.options).some((o) => o.value === value)) select.value = value;
  }

  const apply = async () => {
    const data = new FormData(form);
    const chosen = FIELDS.filter((f) => data.get(f));
    const oldest = data.get('sort') === 'oldest';
    const query = new URLSearchParams();
    for (const [k, v] of data) if (v && !(k === 'sort' && v === 'newest')) query.set(k, String(v));
    history.replaceState(null, '', query.size ? `?${query}` : location.pathname);
    if (chosen.length === 0 && !oldest) {
      list.replaceChildren(...served);
      count.textContent = servedCount;
      empty.hidden = true;
      more.hidden = true;
      if (pager) pager.hidden = false;
      return;
    }
    count.textContent = form.dataset.loading ?? '';
    const all = await loadIndex();
    const matches = all
      .filter((n) => chosen.every((f) => String(f === 'province' ? n.region.province : n[f]) === data.get(f)))
      .sort((a, b) => (oldest ? 1 : -1) * sortKey(a).localeCompare(sortKey(b)) || a.slug.localeCompare(b.slug));
    let shown = 0;
    const showMore = () => {
      list.append(...matches.slice(shown, shown + PAGE).map((n) => card(n, base, labels)));
      shown = Math.min(matches.length, shown + PAGE);
      more.hidden = shown >= matches.length;
    };
    list.replaceChildren();
    showMore();
    more.onclick = showMore;
    count.textContent = (count.dataset.template ?? '{n}').replace('{n}', String(matches.length));
    empty.hidden = matches.length > 0;
    if (pager) pager.hidden = true;
  };
  form.addEventListener('change', () => void apply());
  form.addEventListener('reset', () => setTimeout(() => void apply()));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void apply();
  });
  if (params.size > 0) void apply();
}
