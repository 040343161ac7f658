/**
 * The parts of a notice page around its body, each as one HTML string: the Pagefind filters, the
 * header card, the table of contents, the trailer and the glossary definitions.
 *
 * As Astro components these cost about as much again as a bare page (issue #6: ~2.5 ms of a
 * 5.4 ms page at 300 notices); built by string they cost a tenth of a millisecond. Every text and
 * attribute goes through `escapeHtml`: notice text is data, never markup.
 */
import { escapeHtml as e } from '../lib/html';
import type { FurnitureBlock, Notice } from '../lib/types';
import { termsUi, ui } from '../i18n';
import { displayTitle, formatDate, formatRegion, placeName } from '../components/notice-format';
import type { NoticePage, TocEntry } from './notice-page';

/**
 * Pagefind filters, sort key and meta: year, level, region, kind; the title as lists name it (an
 * explicit meta, as the index's text is pre-segmented). Invisible to readers. (Slogan searches do
 * not go through Pagefind: see src/site/slogan-lists.ts.)
 */
export function renderFilters(notice: Notice): string {
  const span = (attr: string, value: string | number) => `<span ${attr}>${e(String(value))}</span>`;
  const place = placeName(notice.region);
  return [
    '<div hidden data-pagefind-ignore>',
    span('data-pagefind-filter="year"', notice.year),
    span('data-pagefind-filter="level"', ui.level[notice.level]),
    span('data-pagefind-filter="region"', notice.region.province),
    notice.region.province !== place ? span('data-pagefind-filter="region"', place) : '',
    span('data-pagefind-filter="kind"', ui.kind[notice.kind]),
    span('data-pagefind-filter="type"', '文件'),
    span('data-pagefind-sort="date"', notice.date ?? `${notice.year}-00-00`),
    span('data-pagefind-meta="title"', displayTitle(notice)),
    span('data-pagefind-meta="issuer"', notice.issuer),
    span('data-pagefind-meta="docNumber"', notice.docNumber ?? ''),
    span('data-pagefind-meta="year"', notice.year),
    '</div>',
  ].join('');
}

/** The table of contents: top two levels of headings. Collapsed on phones (the page's script opens it on wide screens). */
export function renderToc(entries: TocEntry[]): string {
  const shown = entries.filter((entry) => entry.depth <= 2);
  if (shown.length === 0) return '';
  let html = `<nav class="toc" aria-labelledby="toc-title" data-pagefind-ignore><details><summary id="toc-title">${e(ui.toc)}</summary><ol>`;
  for (const entry of shown) html += `<li class="toc-depth-${entry.depth}"><a href="#${e(entry.id)}">${e(entry.text)}</a></li>`;
  return `${html}</ol></details></nav>`;
}

const furniture = (block: FurnitureBlock | undefined, role: string): string =>
  block ? `<p id="${e(block.id)}" class="furniture ${role}">${e(block.text)}</p>` : '';

const time = (iso: string): string => `<time datetime="${e(iso)}">${e(formatDate(iso))}</time>`;

/**
 * The header card: the document's own furniture (红头, 文号, title, 主送) and the curated facts
 * (issuer, dates, region, level, kind, relations, downloads).
 */
export function renderHeader(page: NoticePage, base: string): string {
  const { notice, head } = page;
  const title = (head.title?.text ?? notice.title).split('\n').map(e).join('<br>');
  const fact = (term: string, value: string, ddClass = '') => `<div><dt>${e(term)}</dt><dd${ddClass ? ` class="${ddClass}"` : ''}>${value}</dd></div>`;
  let relations = '';
  if (notice.relations.length > 0) {
    const items = notice.relations.map((r) => {
      const name = e(r.title ?? r.docNumber ?? '');
      const link = r.slug ? `<a href="${e(`${base}notices/${r.slug}/`)}">${name}</a>` : name;
      return `<li>${e(ui[r.type])}：${link}${r.title && r.docNumber ? e(`（${r.docNumber}）`) : ''}</li>`;
    });
    relations = `<div class="relations"><dt>${e(ui.relations)}</dt><dd><ul>${items.join('')}</ul></dd></div>`;
  }
  return [
    '<header class="notice-header">',
    furniture(head.masthead, 'masthead'),
    furniture(head['doc-number'], 'doc-number'),
    `<h1 id="${e(head.title?.id ?? 'f-title')}">${title}</h1>`,
    furniture(head.interpreter, 'interpreter'),
    '<dl class="facts" data-pagefind-ignore>',
    fact(ui.issuer, e(notice.issuer)),
    fact(ui.docNumber, e(notice.docNumber ?? ui.noDocNumber)),
    fact(ui.dateSigned, notice.date ? time(notice.date) : e(ui.noDate)),
    notice.printDate ? fact(ui.datePrinted, time(notice.printDate)) : '',
    fact(ui.region, e(formatRegion(notice.region))),
    fact(ui.levelLabel, e(ui.level[notice.level])),
    fact(ui.kindLabel, e(ui.kind[notice.kind])),
    relations,
    fact(
      ui.downloads,
      `<a href="${e(`${base}sources/${notice.slug}.txt`)}">${e(ui.sourceLink)}</a><a href="${e(`${base}data/notices/${notice.slug}.json`)}">${e(ui.dataLink)}</a>`,
      'downloads',
    ),
    '</dl>',
    furniture(head.addressee, 'addressee'),
    '</header>',
  ].join('');
}

/** Furniture after the body (signature, dates, 抄送, 印发). */
export function renderTrailer(trailer: FurnitureBlock[]): string {
  if (trailer.length === 0) return '';
  return `<footer class="notice-trailer">${trailer.map((f) => furniture(f, e(f.role))).join('')}</footer>`;
}

/**
 * Where the popover script finds the glossary's short definitions (`/data/term-definitions.json`,
 * one file the browser caches for every page) and its words. Without JavaScript the term links
 * simply lead to the term pages.
 */
export function renderTermDefinitions(base: string): string {
  return `<div class="term-defs" hidden data-pagefind-ignore="all" data-src="${e(`${base}data/term-definitions.json`)}" data-tap-hint="${e(termsUi.popoverTapAgain)}" data-failed="${e(termsUi.popoverFailed)}"></div>`;
}
