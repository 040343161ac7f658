/**
 * Browse-page filters: show the cards matching every chosen field, in the chosen order. The
 * choice is kept in the URL query so a filtered list can be linked. Without JavaScript all
 * cards show, newest first.
 */
const FIELDS = ['year', 'level', 'province', 'kind'] as const;

export function initNoticeFilters(): void {
  const form = document.getElementById('notice-filters') as HTMLFormElement | null;
  const list = document.getElementById('notice-list');
  const count = document.getElementById('notice-count');
  const empty = document.getElementById('notice-empty');
  if (!form || !list || !count || !empty) return;
  const cards = Array.from(list.children) as HTMLElement[];
  const params = new URLSearchParams(location.search);
  for (const name of [...FIELDS, 'sort']) {
    const select = form.elements.namedItem(name) as HTMLSelectElement | null;
    const value = params.get(name);
    if (select && value && Array.from(select.options).some((o) => o.value === value)) select.value = value;
  }
  const apply = () => {
    const data = new FormData(form);
    let shown = 0;
    for (const card of cards) {
      const match = FIELDS.every((f) => !data.get(f) || card.dataset[f] === data.get(f));
      card.hidden = !match;
      if (match) shown++;
    }
    const oldest = data.get('sort') === 'oldest';
    const sorted = [...cards].sort((a, b) => (oldest ? 1 : -1) * (a.dataset.date ?? '').localeCompare(b.dataset.date ?? ''));
    list.append(...sorted);
    count.textContent = (count.dataset.template ?? '{n}').replace('{n}', String(shown));
    empty.hidden = shown > 0;
    const query = new URLSearchParams();
    for (const [k, v] of data) if (v && !(k === 'sort' && v === 'newest')) query.set(k, String(v));
    history.replaceState(null, '', query.size ? `?${query}` : location.pathname);
  };
  form.addEventListener('change', apply);
  form.addEventListener('reset', () => setTimeout(apply));
  form.addEventListener('submit', (e) => e.preventDefault());
  apply();
}
