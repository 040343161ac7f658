/**
 * A notice's body as one HTML string: headings and clause paragraphs with their anchors,
 * glossary-term links, the attachment table and in-body furniture. The `#` permalinks and the
 * "also in" lines are added by the page's scripts (`src/scripts/permalink.ts`, `also-in.ts`):
 * what they do needs JavaScript, and as HTML they were 40% of a page.
 *
 * A body has hundreds of blocks; rendered as nested Astro components it cost ~25× a bare page
 * (issue #6). This is the same markup built by string, with every text and attribute escaped by
 * `escapeHtml`: notice text is data, never markup.
 */
import { escapeHtml } from '../lib/html';
import type { Segment } from '../lib/terms';
import { ui } from '../i18n';
import type { RenderBlock } from './notice-page';

/**
 * Text with its glossary terms linked. The link's path names the term (the popover reads the
 * slug from it): markup is most of a notice page's characters after the text, and every
 * character costs the build as much to flatten and encode as one of the text (issue #6).
 */
export function renderSegments(segments: Segment[], base: string): string {
  let html = '';
  for (const s of segments) {
    html += s.term
      ? `<a class="term-link" href="${escapeHtml(`${base}terms/${s.term.slug}/`)}">${escapeHtml(s.text)}</a>`
      : escapeHtml(s.text);
  }
  return html;
}

/** A cell's segments split at line breaks; a term never spans one, so its link stays whole. */
function cellLines(cell: Segment[]): Segment[][] {
  const out: Segment[][] = [[]];
  for (const s of cell) {
    s.text.split('\n').forEach((part, i) => {
      if (i > 0) out.push([]);
      if (part) out.at(-1)!.push({ ...s, text: part });
    });
  }
  return out;
}

/**
 * The attachment's task table. Continuation rows are already merged into their task; a line
 * break inside a cell (from `<p>` in the source) is a `<br>`. On phones each row stacks into a
 * card with the column name (`data-label`) before each cell.
 */
export function renderTable(id: string, cells: Segment[][][], base: string, attrs = ''): string {
  const [header = [], ...rows] = cells;
  const names = header.map((cell) => cell.map((s) => s.text).join(''));
  let html = `<div class="table-wrap"><table id="${escapeHtml(id)}" class="task-table"${attrs}><caption>${escapeHtml(ui.annexCaption)}</caption>`;
  html += `<thead><tr>${names.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>`;
  for (const row of rows) {
    const key = row[0]?.[0]?.text;
    html += key ? `<tr id="${escapeHtml(`${id}-r${key}`)}">` : '<tr>';
    row.forEach((cell, i) => {
      const label = ` data-label="${escapeHtml(names[i] ?? '')}"`;
      html +=
        i === 0
          ? `<th scope="row"${label}>${escapeHtml(cell.map((s) => s.text).join(''))}</th>`
          : `<td${label}>${cellLines(cell)
              .map((line) => renderSegments(line, base))
              .join('<br>')}</td>`;
    });
    html += '</tr>';
  }
  return html + '</tbody></table></div>';
}

/**
 * One block: a heading (level from the Chinese numbering: depth 1 is an h2, and so on), a
 * clause, furniture or the table.
 * A block whose clause other notices hold too carries how many (`data-also`): the page's script
 * shows "同样的条文也见于 N 份通知" under it and lists them on request (`src/scripts/also-in.ts`).
 * As HTML, that line under every clause was a quarter of a page at 3,000 notices.
 */
export function renderBlock(item: RenderBlock, base: string): string {
  const also = item.alsoIn > 0 ? ` data-also="${item.alsoIn}"` : '';
  if ('cells' in item) return renderTable(item.block.id, item.cells, base, also);
  const { block } = item;
  if (block.type === 'heading') {
    const tag = `h${Math.min(block.depth + 1, 6)}`;
    return `<${tag} id="${escapeHtml(block.id)}"${also}>${renderSegments(item.segments, base)}</${tag}>`;
  }
  if (block.type === 'paragraph') {
    const note = item.responsibility ? `<span class="responsibility">${escapeHtml(item.responsibility)}</span>` : '';
    return `<p id="${escapeHtml(block.id)}" class="clause"${also}>${renderSegments(item.segments, base)}${note}</p>`;
  }
  return `<p id="${escapeHtml(block.id)}" class="furniture ${escapeHtml(block.role)}"${also}>${escapeHtml(block.text)}</p>`;
}

/** The whole body, block after block. */
export function renderBody(body: RenderBlock[], base: string): string {
  let html = '';
  for (const item of body) html += renderBlock(item, base);
  return html;
}
