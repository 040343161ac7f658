/**
 * A notice's body as one HTML string: headings and clause paragraphs with their anchors and
 * permalinks, glossary-term links, the attachment table, in-body furniture and "also in" links.
 *
 * A body has hundreds of blocks; rendered as nested Astro components it cost ~25× a bare page
 * (issue #6). This is the same markup built by string, with every text and attribute escaped by
 * `escapeHtml`: notice text is data, never markup.
 */
import { escapeHtml } from '../lib/html';
import type { Segment } from '../lib/terms';
import { ui } from '../i18n';
import { shortLabel } from '../components/notice-block';
import type { AlsoIn, RenderBlock } from './notice-page';

/** Text with its glossary terms linked. */
export function renderSegments(segments: Segment[], base: string): string {
  let html = '';
  for (const s of segments) {
    html += s.term
      ? `<a class="term-link" href="${escapeHtml(`${base}terms/${s.term.slug}/`)}" data-term="${escapeHtml(s.term.slug)}">${escapeHtml(s.text)}</a>`
      : escapeHtml(s.text);
  }
  return html;
}

function permalink(id: string, text: string): string {
  const label = `${ui.permalink}：${shortLabel(text)}`;
  return `<a class="permalink" href="#${escapeHtml(id)}" aria-label="${escapeHtml(label)}" title="${escapeHtml(ui.permalink)}" data-pagefind-ignore>#</a>`;
}

function alsoIn(items: AlsoIn[], base: string): string {
  // A page at scale carries a thousand of these links: plain concatenation, one escape per part.
  const prefix = escapeHtml(`${base}notices/`);
  let html = `<p class="also-in" data-pagefind-ignore><span>${escapeHtml(ui.alsoIn)}</span> `;
  items.forEach((a, i) => {
    html += `${i > 0 ? '、' : ''}<a href="${prefix}${escapeHtml(a.slug)}/#${escapeHtml(a.blockId)}">${escapeHtml(a.title)}</a>`;
  });
  return `${html}</p>`;
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
export function renderTable(id: string, cells: Segment[][][], base: string): string {
  const [header = [], ...rows] = cells;
  const names = header.map((cell) => cell.map((s) => s.text).join(''));
  let html = `<div class="table-wrap"><table id="${escapeHtml(id)}" class="task-table"><caption>${escapeHtml(ui.annexCaption)}</caption>`;
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

/** One block: a heading (level from the Chinese numbering), a clause, furniture or the table. */
export function renderBlock(item: RenderBlock, base: string): string {
  const { block } = item;
  let html = '';
  if ('cells' in item) {
    html = renderTable(block.id, item.cells, base);
  } else if (block.type === 'heading') {
    const tag = `h${Math.min(block.depth + 1, 6)}`;
    html = `<${tag} id="${escapeHtml(block.id)}" class="clause-heading depth-${block.depth}">${renderSegments(item.segments, base)}${permalink(block.id, block.text)}</${tag}>`;
  } else if (block.type === 'paragraph') {
    const note = item.responsibility ? `<span class="responsibility">${escapeHtml(item.responsibility)}</span>` : '';
    html = `<p id="${escapeHtml(block.id)}" class="clause">${renderSegments(item.segments, base)}${note}${permalink(block.id, block.text)}</p>`;
  } else if (block.type === 'furniture') {
    html = `<p id="${escapeHtml(block.id)}" class="furniture ${escapeHtml(block.role)}">${escapeHtml(block.text)}</p>`;
  }
  return item.alsoIn.length > 0 ? html + alsoIn(item.alsoIn, base) : html;
}

/** The whole body, block after block. */
export function renderBody(body: RenderBlock[], base: string): string {
  let html = '';
  for (const item of body) html += renderBlock(item, base);
  return html;
}
