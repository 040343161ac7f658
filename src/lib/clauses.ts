/**
 * Clauses: the units two notices are aligned on. A heading's title is a clause, a paragraph is
 * one clause (paragraph level) or one per sentence (sentence level, the default: counties split,
 * merge and reorder sentences far more often than whole paragraphs), and each task row of an
 * attachment table gives its task name plus its content. Furniture (红头, 文号, 抄送 …) is not
 * compared: it differs by definition.
 */
import { normalizeForMatch } from './normalize';
import type { Block, Notice } from './types';

export type ClauseLevel = 'sentence' | 'paragraph';
export type ClauseKind = 'heading' | 'sentence' | 'paragraph' | 'row';

export interface Clause {
  /** Position in the notice's clause list, 0-based. */
  index: number;
  /** Id of the block the clause comes from (`s1-2-p1`, `t1-r3`): the anchor on the notice page. */
  blockId: string;
  kind: ClauseKind;
  /** The original text, exactly as shown on the notice page (a slice of the block's text). */
  text: string;
  /** The comparison key (`normalizeForMatch`). */
  key: string;
}

export interface ClauseOptions {
  level?: ClauseLevel;
  /** Place names to localise (`placeNamesOf(notice.region)`). */
  places?: readonly string[];
}

/**
 * A sentence: text up to and including a run of 。！？； (full or half width) and any closing
 * quote or bracket right after it; a line break also ends one (table cells keep their `\n`).
 */
export function sentencePattern(): RegExp {
  return /[^。！？；!?;\n]+(?:[。！？；!?;]+[”’」』）)》]*)?|[。！？；!?;]+/g;
}

/** Splits text into sentences; concatenating them (plus the dropped line breaks) gives the text. */
export function splitSentences(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(sentencePattern())) {
    const piece = m[0];
    if (piece.trim() === '') continue;
    // A lone run of punctuation belongs to the sentence before it.
    if (/^[。！？；!?;\s]+$/.test(piece) && out.length > 0) out[out.length - 1] += piece;
    else out.push(piece);
  }
  return out;
}

/**
 * The paragraph without its closing responsibility note (`（县安委会有关成员单位负责）`): who is
 * in charge is not a clause, and the same note after every paragraph would match across them.
 */
export function withoutResponsibility(text: string, responsibility: string | undefined): string {
  if (!responsibility) return text;
  const at = text.lastIndexOf(responsibility);
  if (at < 1) return text;
  const open = text[at - 1];
  return open === '（' || open === '(' ? text.slice(0, at - 1) : text;
}

/** Index of the header cell whose text matches, or -1. */
function columnIndex(header: string[], pattern: RegExp): number {
  return header.findIndex((cell) => pattern.test(cell.trim()));
}

interface RawClause {
  blockId: string;
  kind: ClauseKind;
  text: string;
}

/** The block an anchor is in: a table row's anchor (`t1-r13`) is in its table (`t1`). */
export function blockOfAnchor(anchor: string): string {
  return /^(t\d+)-r./.exec(anchor)?.[1] ?? anchor;
}

/**
 * Row ids follow ARCHITECTURE.md and the notice page's anchors: `t<n>-r<序号>`; a row without a
 * 序号 links to its table.
 */
function rowClauses(block: Extract<Block, { type: 'table' }>, level: ClauseLevel): RawClause[] {
  const [header, ...rows] = block.rows;
  if (!header) return [];
  const serialCol = columnIndex(header, /^序号$/);
  const unitCol = columnIndex(header, /责任单位|牵头单位|配合单位/);
  const out: RawClause[] = [];
  rows.forEach((row) => {
    const serial = (serialCol >= 0 ? row[serialCol] : '')?.trim();
    const id = serial ? `${block.id}-r${serial}` : block.id;
    const cells = row.filter((_, c) => c !== serialCol && c !== unitCol).map((c) => c.trim());
    const nonEmpty = cells.filter((c) => c !== '');
    if (nonEmpty.length === 0) return;
    if (level === 'paragraph') {
      out.push({ blockId: id, kind: 'row', text: nonEmpty.join('：') });
      return;
    }
    // The short cells before the content (task, sub-task) read like headings.
    const content = nonEmpty[nonEmpty.length - 1]!;
    for (const title of nonEmpty.slice(0, -1)) out.push({ blockId: id, kind: 'heading', text: title });
    for (const sentence of splitSentences(content)) out.push({ blockId: id, kind: 'row', text: sentence });
  });
  return out;
}

/** The clauses of one block, in reading order. */
function blockClauses(block: Block, level: ClauseLevel): RawClause[] {
  switch (block.type) {
    case 'heading':
      return block.title.trim() ? [{ blockId: block.id, kind: 'heading', text: block.title }] : [];
    case 'paragraph': {
      const text = withoutResponsibility(block.text, block.responsibility);
      if (level === 'paragraph') return [{ blockId: block.id, kind: 'paragraph', text }];
      return splitSentences(text).map((sentence) => ({ blockId: block.id, kind: 'sentence', text: sentence }));
    }
    case 'table':
      return rowClauses(block, level);
    case 'furniture':
      return [];
  }
}

/**
 * The clauses of a list of blocks. Clauses whose key is empty (a lone `：`, a bare number) are
 * left out: they carry nothing to compare.
 */
export function extractClauses(blocks: readonly Block[], options: ClauseOptions = {}): Clause[] {
  const { level = 'sentence', places = [] } = options;
  const out: Clause[] = [];
  for (const block of blocks) {
    for (const raw of blockClauses(block, level)) {
      const text = raw.text.trim();
      const key = normalizeForMatch(text, places);
      if (key === '') continue;
      out.push({ index: out.length, blockId: raw.blockId, kind: raw.kind, text, key });
    }
  }
  return out;
}

/** Convenience for a whole notice. */
export function extractNoticeClauses(notice: Pick<Notice, 'blocks'>, options: ClauseOptions = {}): Clause[] {
  return extractClauses(notice.blocks, options);
}
