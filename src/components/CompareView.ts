/**
 * Renders a comparison as HTML. One function for both the pre-rendered compare pages
 * (`src/pages/compare/[a]/[b].astro`) and the browser picker (`src/scripts/compare-picker.ts`), so both show
 * exactly the same thing. Every text is escaped here; nothing else builds markup.
 *
 * Colour is never the only cue: insertions are `<ins>` (underlined), deletions `<del>` (struck
 * through), each with a visually hidden label for screen readers, and print keeps both styles.
 */
import { escapeHtml } from '../lib/html';
import { compareUi as t } from '../i18n/compare';
import { ROW_CLASSES, type CompareRow, type Comparison, type RowClause } from '../lib/compare';
import type { DiffOp } from '../lib/diff-clause';

export interface SideInfo {
  slug: string;
  /** Short name (`岢岚县 2023`). */
  name: string;
}

export interface ViewOptions {
  a: SideInfo;
  b: SideInfo;
  /** Site base (`import.meta.env.BASE_URL`), ending in `/`. */
  base: string;
  /** Prefix for row ids, so two views could share a page. */
  idPrefix?: string;
}

/** Kept rows in a run at least this long fold into a `<details>`. */
const FOLD_RUN = 3;

export { escapeHtml };

function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

const hidden = (text: string) => `<span class="visually-hidden">${escapeHtml(text)}</span>`;

/** One side of an adapted row: equal text plus this side's changes. */
function renderOps(ops: DiffOp[], side: 'a' | 'b'): string {
  let html = '';
  for (const op of ops) {
    if (op.op === 'eq') {
      html += escapeHtml(side === 'a' ? (op.from ?? op.text) : op.text);
    } else if (op.op === 'del' && side === 'a') {
      const cls = op.numeric ? ' class="num"' : '';
      html += `<del${cls}>${hidden(op.numeric ? t.numLabel : t.delLabel)}${escapeHtml(op.text)}${hidden(t.delEnd)}</del>`;
    } else if (op.op === 'ins' && side === 'b') {
      const cls = op.numeric ? ' class="num"' : '';
      html += `<ins${cls}>${hidden(op.numeric ? t.numLabel : t.insLabel)}${escapeHtml(op.text)}${hidden(t.insEnd)}</ins>`;
    }
  }
  return html;
}

/**
 * Links to the clause's block(s) on the notice page. Their text is the block id (`§s1-2-p1`);
 * what they do is said once above the rows (`linksHelp`), not in every row: a large notice pair
 * has hundreds of rows, and the page weight is what a phone pays.
 */
function blockLinks(clauses: RowClause[], side: SideInfo, base: string): string {
  const ids = [...new Set(clauses.map((c) => c.blockId))];
  return ids
    .map(
      (id) =>
        `<a class="cmp-src" href="${escapeHtml(`${base}notices/${side.slug}/#${id}`)}">§${escapeHtml(id)}</a>`,
    )
    .join(' ');
}

function renderSide(row: CompareRow, side: 'a' | 'b', o: ViewOptions): string {
  const clauses = row[side];
  const info = side === 'a' ? o.a : o.b;
  const label = `<span class="cmp-side-label">${escapeHtml(`${side === 'a' ? t.sideA : t.sideB} · ${info.name}`)}</span>`;
  if (clauses.length === 0) return `<div class="cmp-cell cmp-${side} cmp-empty">${label}<span class="cmp-none" aria-hidden="true">—</span></div>`;
  const body = row.ops ? renderOps(row.ops, side) : escapeHtml(clauses.map((c) => c.text).join(''));
  return `<div class="cmp-cell cmp-${side}">${label}<p class="cmp-text">${body}</p><p class="cmp-links">${blockLinks(clauses, info, o.base)}</p></div>`;
}

/**
 * A kept (or moved, unchanged) row whose two texts are identical, character for character, shows the text once
 * across both columns (with both links): copied clauses are most rows between a notice and
 * its adaptation, and repeating them would double the page for nothing.
 */
function renderSame(row: CompareRow, o: ViewOptions): string {
  const label = `<span class="cmp-side-label">${escapeHtml(`${t.sideA} = ${t.sideB}`)}</span>`;
  const text = escapeHtml(row.b.map((c) => c.text).join(''));
  return `<div class="cmp-cell cmp-both">${label}<p class="cmp-text">${text}</p><p class="cmp-links">${t.sideA} ${blockLinks(row.a, o.a, o.base)} · ${t.sideB} ${blockLinks(row.b, o.b, o.base)}</p></div>`;
}

function renderRow(row: CompareRow, o: ViewOptions): string {
  const id = `${o.idPrefix ?? ''}${row.id}`;
  const n = row.id.slice(1);
  const badge = `<span class="cmp-badge cmp-badge-${row.class}">${escapeHtml(t.classNames[row.class])}</span>`;
  const score = row.class === 'adapted' || (row.class === 'moved' && !row.verbatim) ? ` <span class="cmp-score">${escapeHtml(t.scoreLabel)} ${percent(row.score)}</span>` : '';
  const notes = [
    row.class === 'moved' && row.a[0] ? `${escapeHtml(t.movedFrom)} A §${escapeHtml(row.a[0].blockId)}` : '',
    row.repeat ? escapeHtml(t.repeatNote) : '',
  ].filter(Boolean);
  const meta = `<div class="cmp-meta"><a class="cmp-permalink" href="#${id}">#${n}</a> ${badge}${score}${notes.length ? ` <span class="cmp-note">${notes.join(' · ')}</span>` : ''}</div>`;
  const heading = [...row.a, ...row.b].every((c) => c.kind === 'heading') ? ' cmp-heading' : '';
  const same = row.verbatim && row.a.map((c) => c.text).join('') === row.b.map((c) => c.text).join('');
  const cells = same ? renderSame(row, o) : renderSide(row, 'a', o) + renderSide(row, 'b', o);
  return `<li id="${id}" class="cmp-row cmp-${row.class}${heading}" data-class="${row.class}">${meta}${cells}</li>`;
}

/** Rows, with runs of kept rows folded. */
export function renderRows(rows: CompareRow[], o: ViewOptions): string {
  let html = '';
  let k = 0;
  while (k < rows.length) {
    let end = k;
    while (end < rows.length && rows[end]!.class === 'kept') end++;
    if (end - k >= FOLD_RUN) {
      const inner = rows.slice(k, end).map((r) => renderRow(r, o)).join('');
      html += `<li class="cmp-run"><details><summary>${escapeHtml(t.unchangedRun(end - k))}</summary><ol class="cmp-rows">${inner}</ol></details></li>`;
      k = end;
    } else {
      html += renderRow(rows[k]!, o);
      k++;
    }
  }
  return `<ol class="cmp-rows">${html}</ol>`;
}

/** The summary: shares, counts per class, numeric changes linked to their rows. */
export function renderSummary(c: Comparison, o: ViewOptions): string {
  const s = c.summary;
  const counts = ROW_CLASSES.map(
    (cls) => `<li><span class="cmp-badge cmp-badge-${cls}">${escapeHtml(t.classNames[cls])}</span> <strong>${s.counts[cls]}</strong> <span class="muted">${escapeHtml(t.classHelp[cls])}</span></li>`,
  ).join('');
  const numeric =
    s.numeric.length === 0
      ? `<p>${escapeHtml(t.numericNone)}</p>`
      : `<ul class="cmp-numeric">${s.numeric
          .map((n) => {
            const change = n.from && n.to ? `<del class="num">${hidden(t.delLabel)}${escapeHtml(n.from)}</del> ${escapeHtml(t.numericArrow)} <ins class="num">${hidden(t.insLabel)}${escapeHtml(n.to)}</ins>` : n.to ? `${escapeHtml(t.numericAdded)} <ins class="num">${escapeHtml(n.to)}</ins>` : `${escapeHtml(t.numericDropped)} <del class="num">${escapeHtml(n.from)}</del>`;
            return `<li><a href="#${o.idPrefix ?? ''}${n.row}">#${n.row.slice(1)}</a> ${change}</li>`;
          })
          .join('')}</ul>`;
  return `<section class="cmp-summary" aria-labelledby="${o.idPrefix ?? ''}cmp-summary-h">
<h2 id="${o.idPrefix ?? ''}cmp-summary-h">${escapeHtml(t.summaryHeading)}</h2>
<p class="cmp-share"><strong>${escapeHtml(t.shareOfB(percent(s.shareOfBFromA), o.b.name, o.a.name))}</strong>；${escapeHtml(t.shareOfA(percent(s.shareOfAInB), o.a.name, o.b.name))}。</p>
<h3>${escapeHtml(t.countsLabel)}</h3><ul class="cmp-counts">${counts}</ul>
<h3>${escapeHtml(t.numericHeading)}</h3>${numeric}
</section>`;
}

/** Filter checkboxes (work without JavaScript through CSS `:has`) and the keyboard note. */
export function renderControls(o: ViewOptions): string {
  const p = o.idPrefix ?? '';
  const boxes = ROW_CLASSES.map(
    (cls) => `<label><input type="checkbox" class="cmp-filter" id="${p}f-${cls}" value="${cls}" checked> ${escapeHtml(t.classNames[cls])}</label>`,
  ).join(' ');
  return `<div class="cmp-controls no-print">
<fieldset><legend>${escapeHtml(t.filterLegend)}</legend>${boxes} <button type="button" class="cmp-only-changes" aria-pressed="false" hidden>${escapeHtml(t.onlyChanges)}</button></fieldset>
<p class="cmp-keys muted">${escapeHtml(t.keyboardHelp)} ${escapeHtml(t.linksHelp)}</p>
</div>`;
}

/** The whole view: summary, controls, column heads, rows. */
export function renderComparison(c: Comparison, o: ViewOptions): string {
  const heads = `<div class="cmp-heads" aria-hidden="true"><span></span><span>${escapeHtml(`${t.columnA} · ${o.a.name}`)}</span><span>${escapeHtml(`${t.columnB} · ${o.b.name}`)}</span></div>`;
  return `${renderSummary(c, o)}<div class="cmp-view" data-compare>${renderControls(o)}${heads}${renderRows(c.rows, o)}</div>`;
}
