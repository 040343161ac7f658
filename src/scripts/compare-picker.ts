/**
 * The picker on `/compare/`: load two notices' open data and compare them here, with the same
 * code the build uses, then render with the same markup function.
 */
import { renderComparison } from '../components/CompareView';
import { foldQuery } from '../components/TermFilter';
import { compareUi as t } from '../i18n/compare';
import { compareNotices, type ComparableNotice } from '../lib/compare';
import { orderPair } from '../lib/related';
import { buildMatcher, type TermForm, type TermMatcher } from '../lib/terms';
import { tokenize } from '../lib/tokenize';
import { enableCompareNavigation, revealControls } from './compare-nav';

interface PickerConfig {
  base: string;
  names: Record<string, string>;
  forms: TermForm[];
}

type NoticeRecord = ComparableNotice & { year: number; date?: string };

const cache = new Map<string, Promise<NoticeRecord>>();

function loadNotice(base: string, slug: string): Promise<NoticeRecord> {
  let p = cache.get(slug);
  if (!p) {
    p = fetch(`${base}data/notices/${encodeURIComponent(slug)}.json`).then((r) => {
      if (!r.ok) throw new Error(`${r.status} ${r.url}`);
      return r.json() as Promise<NoticeRecord>;
    });
    cache.set(slug, p);
  }
  return p;
}

/**
 * A search field under a field's select that narrows its options to those holding every word
 * typed; the selection moves to the first match when the selected notice is filtered out.
 */
function addFilter(doc: Document, field: HTMLElement, select: HTMLSelectElement): void {
  const all = [...select.options];
  // Folded as the glossary filter folds (full-width digits and letters, case), once per option.
  const haystacks = all.map((o) => foldQuery(o.text));
  const input = doc.createElement('input');
  input.type = 'search';
  input.className = 'cmp-picker-filter';
  input.placeholder = t.pickerFilterPlaceholder;
  input.setAttribute('aria-label', field.dataset.filterLabel ?? t.pickerFilterPlaceholder);
  input.autocomplete = 'off';
  const count = doc.createElement('span');
  count.className = 'cmp-picker-count muted';
  count.id = `${select.name}-filter-count`;
  count.textContent = t.pickerFilterCount(all.length, all.length);
  input.setAttribute('aria-describedby', count.id);
  input.addEventListener('input', () => {
    const words = input.value.split(/\s+/).map(foldQuery).filter(Boolean);
    const selected = select.value;
    const shown = words.length ? all.filter((_, i) => words.every((w) => haystacks[i]!.includes(w))) : all;
    select.replaceChildren(...shown);
    if (shown.some((o) => o.value === selected)) select.value = selected;
    else if (shown[0]) select.value = shown[0].value;
    count.textContent = t.pickerFilterCount(shown.length, all.length);
  });
  field.append(input, count);
}

export function enableComparePicker(doc: Document): void {
  const form = doc.querySelector<HTMLFormElement>('[data-compare-picker]');
  const configNode = doc.getElementById('cmp-picker-config');
  if (!form || !configNode) return;
  const config = JSON.parse(configNode.textContent ?? '{}') as PickerConfig;
  const status = doc.querySelector<HTMLElement>('.cmp-picker-status')!;
  const result = doc.querySelector<HTMLElement>('.cmp-picker-result')!;
  let matcher: TermMatcher | undefined;
  // The second list is a copy of the first, sent once: half the page at thousands of notices.
  for (const select of form.querySelectorAll<HTMLSelectElement>('select[data-options-of]')) {
    const source = form.querySelector<HTMLSelectElement>(`select[name="${select.dataset.optionsOf}"]`);
    if (!source) continue;
    select.replaceChildren(...[...source.options].map((o) => o.cloneNode(true) as HTMLOptionElement));
    if (select.dataset.selected) select.value = select.dataset.selected;
  }
  form.hidden = false;
  for (const field of form.querySelectorAll<HTMLElement>('.cmp-picker-field')) {
    const select = field.querySelector('select');
    if (select) addFilter(doc, field, select);
  }
  enableCompareNavigation(doc);
  // Load the word segmenter's dictionary while the reader chooses, not when they click.
  const warm = () => tokenize('安全生产工作通知');
  if ('requestIdleCallback' in window) requestIdleCallback(warm);
  else setTimeout(warm, 200);

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const fields = new FormData(form);
    const x = String(fields.get('a'));
    const y = String(fields.get('b'));
    if (x === y) {
      status.textContent = t.pickerSame;
      return;
    }
    status.textContent = t.pickerLoading;
    try {
      const [nx, ny] = await Promise.all([loadNotice(config.base, x), loadNotice(config.base, y)]);
      const [a, b] = orderPair(nx, ny);
      matcher ??= buildMatcher(config.forms);
      const started = performance.now();
      const comparison = compareNotices(a, b, { matcher });
      const took = Math.round(performance.now() - started);
      result.innerHTML = renderComparison(comparison, {
        a: { slug: a.slug, name: config.names[a.slug] ?? a.slug },
        b: { slug: b.slug, name: config.names[b.slug] ?? b.slug },
        base: config.base,
        idPrefix: 'p-',
      });
      revealControls(result);
      result.dataset.ms = String(took);
      status.textContent = `${config.names[a.slug] ?? a.slug} → ${config.names[b.slug] ?? b.slug}：${t.pickerTook(took)}`;
    } catch (error) {
      status.textContent = `${t.pickerError}${error instanceof Error ? error.message : String(error)}`;
    }
  });
}
