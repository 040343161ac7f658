/**
 * Term popover: shows a term's definition next to a `.term-link` on hover, keyboard focus and
 * tap. The links stay plain links: without this script (or on a second tap) they open the
 * term page. One popover element is reused; it is absolutely positioned, so opening it never
 * moves the text (no layout shift). It is a `role="tooltip"` described by the link via
 * `aria-describedby`, closes on Escape, blur, pointer leave and outside tap, and holds no
 * focusable content, so focus never leaves the link.
 *
 * The definitions come from one JSON file (`data-src` on `.term-defs`), fetched on the first
 * hover, focus or tap of a term and then kept; the browser caches it for every page. Built from
 * text nodes only.
 */
import { fetchJson } from './fetch-json';

const POPOVER_ID = 'term-popover';
const HOVER_OPEN_MS = 150;
const HOVER_CLOSE_MS = 250;

let popover: HTMLDivElement | undefined;
let current: HTMLAnchorElement | undefined;
let timer: number | undefined;
/** How the reader last interacted: a pointer type (`mouse`, `touch`, `pen`) or `keyboard`. */
let lastInput = 'mouse';

interface Definition {
  term: string;
  reading: string;
  summary: string[];
}

/** The page's words and the definitions' address. */
function words(): DOMStringMap {
  return document.querySelector<HTMLElement>('.term-defs')?.dataset ?? {};
}

async function loadDefinitions(): Promise<Record<string, Definition>> {
  return (await fetchJson<{ terms: Record<string, Definition> }>(words().src ?? '')).terms;
}

function paragraph(text: string, className = ''): HTMLParagraphElement {
  const p = document.createElement('p');
  if (className) p.className = className;
  p.textContent = text;
  return p;
}

/** A definition as the popover shows it: the term and its reading, then the summary's lines. */
function definitionNodes(d: Definition): HTMLParagraphElement[] {
  const title = paragraph(d.term, 'term-popover-title');
  const reading = document.createElement('span');
  reading.className = 'term-popover-reading';
  reading.textContent = d.reading;
  title.append(reading);
  return [title, ...d.summary.map((line) => paragraph(line))];
}

function termLink(target: EventTarget | null): HTMLAnchorElement | undefined {
  return (target instanceof Element && target.closest<HTMLAnchorElement>('a.term-link')) || undefined;
}

/** The term a link points to: the slug in its path (`/terms/san-guan-san-bixu/`). */
function termSlug(link: HTMLAnchorElement): string {
  return /\/terms\/([^/]+)\/$/.exec(link.pathname)?.[1] ?? '';
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

async function open(link: HTMLAnchorElement, byTouch = false): Promise<void> {
  clearTimeout(timer);
  if (current && current !== link) close();
  current = link;
  const { failed, tapHint } = words();
  let nodes: HTMLParagraphElement[];
  try {
    const d = (await loadDefinitions())[termSlug(link)];
    nodes = d ? definitionNodes(d) : [];
  } catch {
    nodes = [paragraph(failed ?? '')];
  }
  // Closed, or another term opened, while the definitions loaded.
  if (current !== link) return;
  if (nodes.length === 0) return close();
  const pop = ensurePopover();
  pop.replaceChildren(...nodes);
  if (byTouch && tapHint) pop.append(paragraph(tapHint, 'term-popover-hint'));
  pop.hidden = false;
  place(link, pop);
  link.setAttribute('aria-describedby', POPOVER_ID);
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
  if (!link || e.pointerType !== 'mouse') return;
  // Start loading now: the hover delay covers most of the fetch.
  loadDefinitions().catch(() => undefined);
  later(() => void open(link), HOVER_OPEN_MS);
});
document.addEventListener('pointerout', (e) => {
  const link = termLink(e.target);
  if (link && e.pointerType === 'mouse' && document.activeElement !== link) later(close, HOVER_CLOSE_MS);
});
document.addEventListener('focusin', (e) => {
  const link = termLink(e.target);
  if (link && (lastInput === 'keyboard' || lastInput === 'mouse')) void open(link);
});
document.addEventListener('focusout', (e) => {
  if (termLink(e.target) === current) close();
});
document.addEventListener('click', (e) => {
  const link = termLink(e.target);
  // First tap on a touch screen shows the definition; a second tap on the same link follows it.
  if (link && (lastInput === 'touch' || lastInput === 'pen') && current !== link) {
    e.preventDefault();
    void open(link, true);
  }
});
document.addEventListener('keydown', (e) => {
  lastInput = 'keyboard';
  if (e.key === 'Escape' && current) close();
});
window.addEventListener('resize', close);
