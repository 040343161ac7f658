/**
 * "Also in": under each block whose clause other notices hold too (`data-also="N"`), a line
 * "同样的条文也见于 N 份通知" linking to the notice's JSON (`#<block id>`). Followed, it lists
 * those notices in the line instead, each linked to where the clause starts there: the JSON
 * carries each block's places (`alsoIn`) and the notices' short names (`noticeNames`). Built
 * from text nodes only. The words and the JSON's address come from the body's data attributes.
 */
import { fetchJson } from './fetch-json';

interface NoticeData {
  blocks: { id: string; alsoIn?: { notice: string; block: string }[] }[];
  noticeNames: Record<string, string>;
}

/** The notices among a block's places, in order, each with its first place and how many it has. */
function byNotice(places: readonly { notice: string; block: string }[]): { notice: string; block: string; count: number }[] {
  const out = new Map<string, { notice: string; block: string; count: number }>();
  for (const p of places) {
    const seen = out.get(p.notice);
    if (seen) seen.count++;
    else out.set(p.notice, { ...p, count: 1 });
  }
  return [...out.values()];
}

async function expand(link: HTMLAnchorElement, words: DOMStringMap): Promise<void> {
  const line = link.parentElement;
  if (!line || link.getAttribute('aria-busy') === 'true') return;
  const url = new URL(link.href);
  const blockId = decodeURIComponent(url.hash.slice(1));
  url.hash = '';
  const label = link.textContent;
  link.setAttribute('aria-busy', 'true');
  link.textContent = words.alsoLoading ?? '';
  try {
    const data = await fetchJson<NoticeData>(url.href);
    const notices = byNotice(data.blocks.find((b) => b.id === blockId)?.alsoIn ?? []);
    if (notices.length === 0) throw new Error(`${url.href}: no places for ${blockId}`);
    const pages = new URL('../../notices/', url);
    const heading = document.createElement('span');
    heading.textContent = words.alsoLabel ?? '';
    line.replaceChildren(heading);
    notices.forEach((n, i) => {
      if (i > 0) line.append('、');
      const a = document.createElement('a');
      a.href = new URL(`${encodeURIComponent(n.notice)}/#${encodeURIComponent(n.block)}`, pages).href;
      a.textContent = data.noticeNames[n.notice] ?? n.notice;
      line.append(a);
      if (n.count > 1) line.append((words.alsoPlaces ?? '').replace('{n}', String(n.count)));
    });
    line.querySelector('a')?.focus();
  } catch (error) {
    console.error(error);
    link.removeAttribute('aria-busy');
    link.textContent = label;
    const note = line.querySelector('.also-failed') ?? line.appendChild(document.createElement('span'));
    note.className = 'also-failed';
    note.setAttribute('role', 'status');
    note.textContent = ` ${words.alsoFailed ?? ''}`;
  }
}

/** Add the "also in" lines, and list their notices in place when followed (a plain click; modified clicks open the JSON). */
export function initAlsoIn(): void {
  const body = document.querySelector<HTMLElement>('.notice-body');
  if (!body?.dataset.alsoData) return;
  const data = new URL(body.dataset.alsoData, location.href);
  for (const block of body.querySelectorAll<HTMLElement>('[data-also]')) {
    const line = document.createElement('p');
    line.className = 'also-in';
    line.dataset.pagefindIgnore = '';
    const link = document.createElement('a');
    link.className = 'also-more';
    data.hash = block.id;
    link.href = data.href;
    link.textContent = (body.dataset.alsoCount ?? '').replace('{n}', block.dataset.also ?? '');
    line.append(link);
    (block.closest('.table-wrap') ?? block).after(line);
  }
  body.addEventListener('click', (event) => {
    const link = (event.target as Element | null)?.closest?.('a.also-more');
    if (!(link instanceof HTMLAnchorElement)) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey || event.button !== 0) return;
    event.preventDefault();
    void expand(link, body.dataset);
  });
}
