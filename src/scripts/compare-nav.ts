/**
 * Keyboard navigation between changes on a compare view (j/n next, k/p previous), and the
 * "only changes" button. The filter checkboxes work without this script (CSS `:has`).
 */

/** Rows that are changes and currently shown. */
function changeRows(root: ParentNode): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>('.cmp-row:not(.cmp-kept)')].filter((row) => row.getClientRects().length > 0);
}

/** The row the reader is at: the focused one, else the one in the URL hash, else by scroll. */
function currentTop(): number {
  const active = document.activeElement?.closest<HTMLElement>('.cmp-row');
  if (active) return active.getBoundingClientRect().top;
  return 1;
}

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|SELECT|TEXTAREA)$/.test(target.tagName));
}

/** Moves focus to the next (1) or previous (-1) change row and puts it in the URL. */
export function jumpToChange(root: ParentNode, direction: 1 | -1): HTMLElement | undefined {
  const rows = changeRows(root);
  const top = currentTop();
  const target =
    direction === 1 ? rows.find((row) => row.getBoundingClientRect().top > top + 1) : rows.filter((row) => row.getBoundingClientRect().top < top - 1).pop();
  if (!target) return undefined;
  // Rows are focusable only when jumped to (no tabindex in the HTML: hundreds of rows).
  if (!target.hasAttribute('tabindex')) target.tabIndex = -1;
  target.focus({ preventScroll: true });
  target.scrollIntoView({ block: 'center' });
  history.replaceState(null, '', `#${target.id}`);
  return target;
}

/** Shows the script-only controls of the views under `root` (hidden in the HTML). */
export function revealControls(root: ParentNode): void {
  for (const button of root.querySelectorAll<HTMLButtonElement>('.cmp-only-changes')) button.hidden = false;
}

/** Wires the keys and the buttons once per document; views added later (picker) work too. */
export function enableCompareNavigation(doc: Document): void {
  revealControls(doc);
  if (doc.documentElement.dataset.compareNav) return;
  doc.documentElement.dataset.compareNav = 'on';
  doc.addEventListener('keydown', (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey || isTyping(event.target)) return;
    const key = event.key.toLowerCase();
    if (key === 'j' || key === 'n') jumpToChange(doc, 1) && event.preventDefault();
    else if (key === 'k' || key === 'p') jumpToChange(doc, -1) && event.preventDefault();
  });
  doc.addEventListener('click', (event) => {
    const button = (event.target as Element | null)?.closest<HTMLButtonElement>('.cmp-only-changes');
    if (!button) return;
    const view = button.closest('[data-compare]');
    const kept = view?.querySelector<HTMLInputElement>('.cmp-filter[value="kept"]');
    if (!kept) return;
    kept.checked = !kept.checked;
    button.setAttribute('aria-pressed', String(!kept.checked));
  });
  doc.addEventListener('change', (event) => {
    const box = event.target as HTMLInputElement | null;
    if (!box?.classList.contains('cmp-filter') || box.value !== 'kept') return;
    box.closest('[data-compare]')?.querySelector('.cmp-only-changes')?.setAttribute('aria-pressed', String(!box.checked));
  });
}
