/**
 * Everything a notice page renders, computed once per notice: the table of contents, the
 * blocks split into plain text and glossary-term segments (first occurrence per section),
 * the terms the page needs definitions for, and how many other notices hold each clause.
 */
import { findTerms, isDigitCode, segmentMatches, type Segment, type TermMatch, type TermMatcher } from '../lib/terms';
import type { Block, FurnitureBlock, FurnitureRole, Notice } from '../lib/types';
import { displayTitle } from '../components/notice-format';

export interface TocEntry {
  id: string;
  text: string;
  depth: number;
}

/**
 * A block ready to render: its text as segments (paragraphs, headings) or cell segments (tables),
 * and how many other notices hold its clause ("also in").
 */
export type RenderBlock =
  | { block: Exclude<Block, { type: 'table' }>; segments: Segment[]; responsibility?: string; alsoIn: number }
  | { block: Extract<Block, { type: 'table' }>; cells: Segment[][][]; alsoIn: number };

export interface NoticePage {
  notice: Notice;
  /** Furniture before the body (红头, 文号, title, 主送), by role. */
  head: Partial<Record<FurnitureRole, FurnitureBlock>>;
  /** The page title: the curated issuer and title (the title alone for a 政策解读, which names its subject). */
  heading: string;
  toc: TocEntry[];
  body: RenderBlock[];
  /** Furniture after the body (signature, dates, 抄送, 印发). */
  trailer: FurnitureBlock[];
  /** Slugs of the glossary terms marked on the page, in order of first use. */
  termSlugs: string[];
}

const HEAD_ROLES = new Set<FurnitureRole>(['masthead', 'doc-number', 'title', 'interpreter', 'addressee']);

/** Headings at this depth or above start a new section: terms are marked again after them. */
const SECTION_DEPTH = 2;

/** `findTerms(block.text, matcher)` for the notice's heading or paragraph at this index, found before (see `knownMatches` in `./terms`). */
export type KnownMatches = (blockIndex: number) => readonly TermMatch[];

/**
 * The matches of a paragraph's clause, the text before its responsibility note at `noteStart`,
 * from those of its whole text: the same, unless a match runs across into the note (then
 * undefined, and the clause is looked at on its own).
 */
function clauseMatches(text: string, matches: readonly TermMatch[], noteStart: number): readonly TermMatch[] | undefined {
  // A form ending with a digit ends differently before a digit than at the end of a text.
  if (isDigitCode(text.charCodeAt(noteStart))) return undefined;
  if (matches.some((m) => m.start < noteStart && m.end > noteStart)) return undefined;
  return matches.filter((m) => m.end <= noteStart);
}

/**
 * Build the page data of one notice. `alsoIn` maps block id → how many other notices hold its
 * clause; `known` gives the term matches already found in its headings and paragraphs.
 */
export function buildNoticePage(notice: Notice, matcher: TermMatcher | null, alsoIn: Map<string, number> = new Map(), known?: KnownMatches): NoticePage {
  const head: NoticePage['head'] = {};
  const trailer: FurnitureBlock[] = [];
  const body: RenderBlock[] = [];
  const toc: TocEntry[] = [];
  const termSlugs: string[] = [];
  let seen = new Set<string>();
  let inBody = false;
  const { blocks } = notice;
  const lastBody = blocks.findLastIndex((b) => b.type !== 'furniture' || b.role === 'annex-note');
  const segment = (text: string, matches?: readonly TermMatch[]): Segment[] => {
    if (!matcher) return [{ text }];
    const segments = segmentMatches(text, matches ?? findTerms(text, matcher), seen);
    for (const s of segments) if (s.term && !termSlugs.includes(s.term.slug)) termSlugs.push(s.term.slug);
    return segments;
  };
  for (const [index, block] of blocks.entries()) {
    const isHeadFurniture = block.type === 'furniture' && HEAD_ROLES.has(block.role) && !inBody;
    if (isHeadFurniture) {
      head[block.role] = block;
      continue;
    }
    if (block.type === 'furniture' && index > lastBody) {
      trailer.push(block);
      continue;
    }
    inBody = true;
    const others = alsoIn.get(block.id) ?? 0;
    if (block.type === 'heading') {
      if (block.depth <= SECTION_DEPTH) seen = new Set();
      toc.push({ id: block.id, text: block.text, depth: block.depth });
    }
    if (block.type === 'table') {
      body.push({ block, cells: block.rows.map((row) => row.map((cell) => segment(cell))), alsoIn: others });
    } else if (block.type === 'paragraph' && block.responsibility) {
      // The responsibility note is shown apart; only the clause itself gets term links.
      const noteStart = block.text.length - block.responsibility.length - 2;
      const note = block.text.slice(noteStart);
      const clause = block.text.slice(0, noteStart);
      const found = known && clauseMatches(block.text, known(index), noteStart);
      body.push({ block, segments: segment(clause, found), responsibility: note, alsoIn: others });
    } else {
      const found = known && block.type !== 'furniture' ? known(index) : undefined;
      body.push({ block, segments: segment(block.text, found), alsoIn: others });
    }
  }
  return { notice, head, heading: displayTitle(notice), toc, body, trailer, termSlugs };
}
