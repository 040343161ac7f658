/**
 * "Never lose text": what of a raw notice must reach its page, and a check that it does.
 *
 * Conversion noise is not text: Markdown markers (`#`, `**`, `---`), `<p>` tags inside table
 * cells, and the attachment table's header row repeated at the top of every printed page.
 * Everything else must appear, in order, in the rendered text; a table cell must appear whole
 * (continuation rows are merged into their task, so cells move, but never break).
 */
import type { Block } from './types';
import { isRule, isTableLine, normaliseNewlines, stripBold, stripMarkdownHeading, visibleCharacters, findMissingInOrder } from './text';

export interface ExpectedText {
  /** Non-space characters outside the attachment table, in order. */
  flow: string;
  /** Each non-empty table cell's non-space characters. */
  cells: string[];
}

/** The text of a raw notice that must reach its page. */
export function expectedText(raw: string): ExpectedText {
  const flow: string[] = [];
  const cells: string[] = [];
  let header: string | undefined;
  for (const line of normaliseNewlines(raw).split('\n')) {
    if (isRule(line)) continue;
    if (isTableLine(line)) {
      const lineCells = line
        .split('\t')
        .map((c) => visibleCharacters(stripBold(c).replace(/<\/?p>/g, '')))
        .filter(Boolean);
      const key = lineCells.join('\t');
      if (header === undefined) header = key;
      else if (key === header) continue;
      cells.push(...lineCells);
      continue;
    }
    flow.push(visibleCharacters(stripBold(stripMarkdownHeading(line.trimStart()).text)));
  }
  return { flow: flow.join(''), cells };
}

/**
 * What of `expected` is missing from a rendered text (`flowText` outside tables, `tableText`
 * inside): the first missing stretch of the flow, and each missing cell. Empty when nothing is lost.
 */
export function findLostText(expected: ExpectedText, flowText: string, tableText: string): string[] {
  const lost: string[] = [];
  const flow = visibleCharacters(flowText);
  const missing = findMissingInOrder(expected.flow, flow);
  if (missing !== -1) lost.push(`text from “${Array.from(expected.flow).slice(missing, missing + 20).join('')}”`);
  const table = visibleCharacters(tableText);
  for (const cell of expected.cells) if (!table.includes(cell)) lost.push(`table cell “${cell.slice(0, 20)}”`);
  return lost;
}

/** The rendered text of parsed blocks, split into flow and table text. */
export function blocksText(blocks: Block[]): { flow: string; table: string } {
  return {
    flow: blocks
      .filter((b) => b.type !== 'table')
      .map((b) => b.text)
      .join('\n'),
    table: blocks.flatMap((b) => (b.type === 'table' ? b.rows.flat() : [])).join('\n'),
  };
}
