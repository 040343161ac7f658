/**
 * Term popover: shows a term's definition next to a `.term-link` on hover, keyboard focus and
 * tap. The links stay plain links: without this script (or on a second tap) they open the
 * term page. One popover element is reused; it is absolutely positioned, so opening it never
 * moves the text (no layout shift). It is a `role="tooltip"` described by the link via
 * `aria-describedby`, closes on Escape, blur, pointer leave and outside tap, and holds no
 * focusable content, so focus never leaves the link.
 */
const POPOVER_ID = 'term-popover';
const HOVER_OPEN_MS = 150;
const HOVER_CLOSE_MS = 250;

let popover: HTMLDivElement | undefined;
let current: HTMLAnchorElement | undefined;
let timer: number | undefined;
/** How the reader last interacted: a pointer type (`mouse`, `touch`, `pen`) or `keyboard`. */
let lastInput = 'mouse';

function termLink(target: EventTarget | null): HTMLAnchorElement | undefined {
  return (target instanceof Element && target.closest<HTMLAnchorElement>('a.term-link[data-term]')) || undefined;
}

function ensurePopover(): HTMLDivElement {
  if (popover) return popover;
  popover = document.createElement('div');
  popover.id = POPOVER_ID;
  popover.className = 'term-popover';
  popover.setAttribute('role', 'tooltip');
  popover.hidden = true;
  // Hoverable: moving the pointer onto the popover keeps it open (WCAG 1.4.13).
  popover.addEventListener('pointerenter', () => clearTimeout(timer));
  popover.addEventListener('pointerleave', () => later(close, HOVER_CLOSE_MS));
  document.body.append(popover);
  return popover;
}

function later(fn: () => void, ms: number): void {
  clearTimeout(timer);
  timer = window.setTimeout(fn, ms);
}

function place(link: HTMLAnchorElement, pop: HTMLDivElement): void {
  const r = link.getClientRects()[0] ?? link.getBoundingClientRect();
  const margin = 8;
  const width = pop.offsetWidth;
  const height = pop.offsetHeight;
  const left = Math.min(Math.max(r.left, margin), document.documentElement.clientWidth - width - margin);
  const below = r.bottom + 6;
  const top = below + height > window.innerHeight && r.top - height - 6 > 0 ? r.top - height - 6 : below;
  pop.style.left = `${Math.max(left, margin) + window.scrollX}px`;
  pop.style.top = `${top + window.scrollY}px`;
}

function open(link: HTMLAnchorElement, byTouch = false): void {
  clearTimeout(timer);
  const template = document.getElementById(`term-def-${link.dataset.term}`);
  if (!(template instanceof HTMLTemplateElement)) return;
  if (current && current !== link) close();
  const pop = ensurePopover();
  pop.replaceChildren(template.content.cloneNode(true));
  const hint = document.querySelector<HTMLElement>('[data-tap-hint]')?.dataset.tapHint;
  if (byTouch && hint) {
    const p = document.createElement('p');
    p.className = 'term-popover-hint';
    p.textContent = hint;
    pop.append(p);
  }
  pop.hidden = false;
  place(link, pop);
  link.setAttribute('aria-describedby', POPOVER_ID);
  current = link;
}

function close(): void {
  clearTimeout(timer);
  if (popover) popover.hidden = true;
  current?.removeAttribute('aria-describedby');
  current = undefined;
}

document.addEventListener('pointerdown', (e) => {
  lastInput = e.pointerType;
  if (!termLink(e.target) && !(popover && popover.contains(e.target as Node))) close();
});
document.addEventListener('pointerover', (e) => {
  const link = termLink(e.target);
  if (link && e.pointerType === 'mouse') later(() => open(link), HOVER_OPEN_MS);
});
document.addEventListener('pointerout', (e) => {
  const link = termLink(e.target);
  if (link && e.pointerType === 'mouse' && document.activeElement !== link) later(close, HOVER_CLOSE_MS);
});
document.addEventListener('focusin', (e) => {
  const link = termLink(e.target);
  if (link && (lastInput === 'keyboard' || lastInput === 'mouse')) open(link);
});
document.addEventListener('focusout', (e) => {
  if (termLink(e.target) === current) close();
});
document.addEventListener('click', (e) => {
  const link = termLink(e.target);
  // First tap on a touch screen shows the definition; a second tap on the same link follows it.
  if (link && (lastInput === 'touch' || lastInput === 'pen') && current !== link) {
    e.preventDefault();
    open(link, true);
  }
});
document.addEventListener('keydown', (e) => {
  lastInput = 'keyboard';
  if (e.key === 'Escape' && current) close();
});
window.addEventListener('resize', close);
