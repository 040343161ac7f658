/**
 * The heading block of a compare page as one escaped HTML string: both notices with links, why
 * the pair is here, downloads. A string rather than a component so the page can hand its whole
 * content to `Base` as one prop (see `html` in `src/layouts/Base.astro`).
 */
import { escapeHtml } from '../lib/html';
import type { Notice } from '../lib/types';
import type { SelectedPair } from '../lib/related';
import { compareUi as t } from '../i18n';

export interface HeaderOptions {
  a: Notice;
  b: Notice;
  nameA: string;
  nameB: string;
  pair: SelectedPair;
  /** Site base, ending in `/`. */
  base: string;
}

function side(label: string, notice: Notice, base: string): string {
  const facts = [notice.issuer, notice.docNumber, notice.date ?? notice.year].filter(Boolean).join(' · ');
  return `<dt>${escapeHtml(label)}</dt><dd><a href="${escapeHtml(`${base}notices/${notice.slug}/`)}">${escapeHtml(notice.title)}</a> <span class="muted">${escapeHtml(facts)}</span></dd>`;
}

export function renderCompareHeader({ a, b, nameA, nameB, pair, base }: HeaderOptions): string {
  const data = `${base}data/compare/${a.slug}/${b.slug}`;
  const reasons = pair.reasons.map((r) => t.reasons[r]).join(' · ');
  return (
    `<nav class="cmp-crumbs no-print" aria-label="${escapeHtml(t.backToIndex)}"><a href="${escapeHtml(`${base}compare/`)}">${escapeHtml(t.backToIndex)}</a></nav>` +
    `<h1>${escapeHtml(t.pairTitle(nameA, nameB))}</h1>` +
    `<dl class="cmp-pair">${side(t.columnA, a, base)}${side(t.columnB, b, base)}</dl>` +
    `<p class="muted">${escapeHtml(reasons)} · <span class="no-print">${escapeHtml(t.downloads)}：<a href="${escapeHtml(`${data}.json`)}">${escapeHtml(t.downloadJson)}</a> · <a href="${escapeHtml(`${data}.csv`)}">${escapeHtml(t.downloadCsv)}</a></span></p>`
  );
}
