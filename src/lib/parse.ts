/**
 * Parse a raw notice (as converted from the official PDF/Word: Markdown noise, lines broken at
 * page ends, a tab-separated attachment table) into ordered blocks.
 *
 * The pipeline is a chain of named steps:
 *   readLines → takeHead (红头, 文号, title, 主送) → takeTrailer (signature, dates, 抄送, 印发)
 *   → joinBrokenLines → parseBody (headings by Chinese numbering, paragraphs, annex table) → assignIds.
 *
 * Text is never dropped: a line the parser cannot place still becomes a paragraph.
 */
import type { Block, FurnitureBlock, FurnitureRole, HeadingBlock, ParagraphBlock, TableBlock } from './types';
import {
  isAddresseeLine,
  isAnnexHeadingLine,
  isAnnexNoteLine,
  isCcLine,
  isCopiesLine,
  isDateLine,
  isDocNumberLine,
  isInterpreterLine,
  isMastheadLine,
  isNameLine,
  isPrintDateLine,
  isPublicationLine,
} from './furniture';
import { matchNumbering, type Numbering } from './numbering';
import { parseTable } from './table';
import { isRule, isTableLine, normaliseNewlines, stripBold, stripMarkdownHeading, tidySpaces } from './text';

/** One line of the seed, cleaned of Markdown noise. */
export interface Line {
  /** 1-based line number in the file. */
  no: number;
  /** Cleaned text (Markdown markers and stray spaces removed; tabs kept on table lines). */
  text: string;
  markdownLevel: number;
  rule: boolean;
  table: boolean;
  /** Whether the cleaned text is empty. */
  blank: boolean;
  /** The line's numbering once looked for (`numberingOf`): undefined until then, null for none. */
  numbering: Numbering | null | undefined;
}

/** Longest heading title (without number) we accept before the first full stop. */
const MAX_TITLE = 40;
/** How far from the top the head furniture may reach, in non-empty lines. */
const HEAD_LINES = 8;
/** Longest title line: official titles run long (`…关于印发…的通知`), but never a paragraph. */
const MAX_TITLE_LINE = 80;

/**
 * What a line needs more than a copy for, anywhere in it: a space `tidySpaces` acts on, the tab of
 * a table row, `*` (bold markers, rules). Narrower than `\s`, and twice as fast to scan for: the
 * other white space only matters at the ends (`trim`), checked by `isTrimmedAway`.
 */
const NEEDS_CLEANING = /[ \t\u00a0\u3000*]/;

/** Whether `trim` removes this character (ECMAScript white space and line terminators). */
function isTrimmedAway(code: number): boolean {
  if (code < 0x80) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  return code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

/** Split a seed into cleaned lines. Accepts a BOM and CRLF line endings. */
export function readLines(source: string): Line[] {
  const raws = normaliseNewlines(source).split('\n');
  const lines: Line[] = [];
  for (let i = 0; i < raws.length; i++) {
    const raw = raws[i]!;
    const first = raw.charCodeAt(0);
    // Most lines are plain text: no space to tidy or trim, no marker (`#`, `**`, a rule's `-`,
    // `*` or `_`), no tab. One scan tells, and the line is its own cleaned text.
    const plain =
      raw === '' ||
      (first !== 0x23 && first !== 0x2d && first !== 0x5f && !isTrimmedAway(first) && !isTrimmedAway(raw.charCodeAt(raw.length - 1)) && !NEEDS_CLEANING.test(raw));
    if (plain) {
      lines.push({ no: i + 1, text: raw, markdownLevel: 0, rule: false, table: false, blank: raw === '', numbering: undefined });
      continue;
    }
    const table = isTableLine(raw);
    const { text, markdownLevel } = stripMarkdownHeading(raw.trimStart());
    const bold = stripBold(text);
    const cleaned = table ? bold.replace(/[ \u00a0]+$/u, '') : tidySpaces(bold);
    lines.push({ no: i + 1, text: cleaned, markdownLevel, rule: isRule(raw), table, blank: cleaned.trim() === '', numbering: undefined });
  }
  return lines;
}

function isContent(line: Line): boolean {
  return !line.rule && !line.blank;
}

/** The line's numbering (`一、`, `（二）` …), looked for once per line: several steps ask. */
function numberingOf(line: Line): Numbering | null {
  if (line.numbering === undefined) line.numbering = matchNumbering(line.text);
  return line.numbering;
}

interface Part {
  blocks: Block[];
  /** Index (in the line array) where the body starts or ends. */
  at: number;
}

function furniture(role: FurnitureRole, text: string, line: number): FurnitureBlock {
  return { id: `f-${role}`, type: 'furniture', role, text, line };
}

/** The head furniture: 红头, 文号, title lines, 解读单位, 主送. Stops at the first body line. */
export function takeHead(lines: Line[]): Part {
  const blocks: Block[] = [];
  const title: Line[] = [];
  let seen = 0;
  let at = 0;
  for (; at < lines.length && seen < HEAD_LINES; at++) {
    const line = lines[at]!;
    if (!isContent(line)) continue;
    seen++;
    const text = line.text;
    if (isDocNumberLine(text)) blocks.push(furniture('doc-number', text, line.no));
    else if (isMastheadLine(text) && title.length === 0) blocks.push(furniture('masthead', text, line.no));
    else if (isInterpreterLine(text)) blocks.push(furniture('interpreter', text, line.no));
    else if (isAddresseeLine(text)) {
      blocks.push(furniture('addressee', text, line.no));
      at++;
      break;
    } else if (line.table || numberingOf(line) || text.length > MAX_TITLE_LINE || /[。；]/u.test(text)) break;
    else title.push(line);
  }
  if (title.length > 0) {
    const titleBlock = furniture('title', title.map((l) => l.text).join('\n'), title[0]!.no);
    const docNumber = blocks.findIndex((b) => b.type === 'furniture' && b.role === 'doc-number');
    blocks.splice(docNumber === -1 ? blocks.length : docNumber + 1, 0, titleBlock);
    blocks.sort((a, b) => a.line - b.line);
  }
  return { blocks, at };
}

function nextContent(lines: Line[], from: number): Line | undefined {
  for (let i = from; i < lines.length; i++) if (isContent(lines[i]!)) return lines[i];
  return undefined;
}

/** Where the trailing furniture starts: the signature, or the first of 抄送 / dates / 印发. */
function findTrailerStart(lines: Line[], from: number): number {
  let lastTable = -1;
  lines.forEach((line, i) => {
    if (line.table) lastTable = i;
  });
  for (let i = Math.max(from, lastTable + 1); i < lines.length; i++) {
    const line = lines[i]!;
    if (!isContent(line)) continue;
    const text = line.text;
    if (isCcLine(text) || isPublicationLine(text) || isPrintDateLine(text) || isDateLine(text) || isCopiesLine(text)) return i;
    if (!isNameLine(text)) continue;
    const next = nextContent(lines, i + 1);
    if (next && (isDateLine(next.text) || isPrintDateLine(next.text))) return i;
  }
  return lines.length;
}

/** The trailing furniture: signature, date, 公开 note, 抄送 (over several lines), 印发. */
export function takeTrailer(lines: Line[], from: number): Part {
  const at = findTrailerStart(lines, from);
  const blocks: Block[] = [];
  let cc: { lines: string[]; no: number } | null = null;
  const flushCc = () => {
    if (cc) blocks.push(furniture('cc', tidySpaces(cc.lines.join('')), cc.no));
    cc = null;
  };
  for (let i = at; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.rule) flushCc();
    if (!isContent(line)) continue;
    const text = line.text;
    const next = nextContent(lines, i + 1);
    let role: FurnitureRole | null = null;
    if (isPrintDateLine(text)) role = 'print-date';
    else if (isDateLine(text)) role = 'date';
    else if (isPublicationLine(text)) role = 'publication';
    else if (isCopiesLine(text)) role = 'copies';
    else if (isNameLine(text) && next && isPrintDateLine(next.text)) role = 'printer';
    else if (isNameLine(text) && next && isDateLine(next.text)) role = 'signature';
    if (isCcLine(text)) {
      flushCc();
      cc = { lines: [text], no: line.no };
    } else if (role) {
      flushCc();
      blocks.push(furniture(role, text, line.no));
    } else if (cc) {
      (cc as { lines: string[] }).lines.push(text);
    } else {
      // Unknown line after the body: keep it, as furniture of the nearest kind (never drop text).
      blocks.push(furniture('signature', text, line.no));
    }
  }
  flushCc();
  return { blocks, at };
}

const CLOSERS = '”’」』）)';
const SENTENCE_ENDS = '。！？!?…';

/** Whether a line ends a sentence, so the next line cannot be its continuation. */
function endsSentence(text: string): boolean {
  // From the end, past closing quotes and brackets (a `…$` pattern would be tried at every position).
  let i = text.length - 1;
  while (i >= 0 && CLOSERS.includes(text[i]!)) i--;
  return i >= 0 && SENTENCE_ENDS.includes(text[i]!);
}

interface SplitHeading {
  title: string;
  body: string;
}

/**
 * A numbered line is a heading, a heading with its body on the same line
 * (`（二）强化党政领导干部安全责任。按照…`), or, when no short title can be found, a numbered
 * paragraph (null).
 */
export function splitHeading(numbering: Numbering, rest: string): SplitHeading | null {
  if (numbering.style === 'part') return { title: rest, body: '' };
  const stop = rest.search(/[。：！？]|:(?!\d)/u);
  if (stop !== -1 && stop < MAX_TITLE) return { title: rest.slice(0, stop + 1), body: rest.slice(stop + 1).trim() };
  if (stop === -1 && rest.length <= MAX_TITLE) return { title: rest, body: '' };
  return null;
}

function isPureHeading(line: Line): boolean {
  const numbering = numberingOf(line);
  if (!numbering) return line.markdownLevel > 0 && !endsSentence(line.text) && line.text.length <= MAX_TITLE;
  const split = splitHeading(numbering, line.text.slice(numbering.raw.length));
  return split !== null && split.body === '';
}

/** Whether no line may be joined onto this one: it ends a sentence, or it is a heading, a table row, 附件 or 主送. */
function closesJoin(line: Line): boolean {
  const text = line.text;
  return line.table || endsSentence(text) || isPureHeading(line) || isAnnexHeadingLine(text) || isAnnexNoteLine(text) || isAddresseeLine(text);
}

/** Whether this line starts something of its own, so it cannot continue the line before it. */
function opensBlock(line: Line): boolean {
  const text = line.text;
  return line.table || line.markdownLevel !== 0 || numberingOf(line) !== null || isAnnexHeadingLine(text) || isAnnexNoteLine(text) || isAddresseeLine(text);
}

/** Rejoin lines that a page end broke mid-sentence (`县党政领导干部` + `每月至少…`). */
export function joinBrokenLines(lines: Line[]): Line[] {
  const joined: Line[] = [];
  // Whether the last line kept can take the next one (each line is looked at once as the last).
  let closed = true;
  for (const line of lines) {
    if (!isContent(line)) continue;
    if (!closed && !opensBlock(line)) {
      const prev = joined[joined.length - 1]!;
      const merged: Line = { ...prev, text: tidySpaces(prev.text + line.text), numbering: undefined };
      joined[joined.length - 1] = merged;
      closed = closesJoin(merged);
    } else {
      // Lines are never changed once read: the same object can go on.
      joined.push(line);
      closed = closesJoin(line);
    }
  }
  return joined;
}

/** `（县应急管理局等部门分工负责）` at the end of a clause: who carries it out. */
export function findResponsibility(text: string): string | undefined {
  const last = text.at(-1);
  if (last !== '）' && last !== ')') return undefined;
  const m = /[（(]([^（）()]{2,80}(?:负责|牵头|配合|落实)[^（）()]{0,12})[）)]$/u.exec(text);
  return m ? m[1] : undefined;
}

interface BodyState {
  blocks: Block[];
  styles: string[];
  ids: string[];
  paragraphs: Map<string, number>;
  usedIds: Set<string>;
  tables: number;
}

function uniqueId(state: BodyState, id: string): string {
  let unique = id;
  for (let n = 1; state.usedIds.has(unique); n++) unique = `${id}-${String.fromCharCode(97 + n)}`;
  state.usedIds.add(unique);
  return unique;
}

function pushHeading(state: BodyState, numbering: Numbering, title: string, text: string, line: number): void {
  const at = state.styles.indexOf(numbering.style);
  if (at === -1) state.styles.push(numbering.style);
  else while (state.styles.length > at + 1) state.styles.pop();
  const depth = state.styles.length;
  while (state.ids.length > depth - 1) state.ids.pop();
  const parent = state.ids.at(-1);
  const id = uniqueId(state, parent ? `${parent}-${numbering.value}` : `s${numbering.value}`);
  state.ids.push(id);
  const block: HeadingBlock = { id, type: 'heading', depth, number: numbering.label, title, text, line };
  state.blocks.push(block);
}

function pushParagraph(state: BodyState, text: string, line: number): void {
  const parent = state.ids.at(-1) ?? '';
  const n = (state.paragraphs.get(parent) ?? 0) + 1;
  state.paragraphs.set(parent, n);
  const id = uniqueId(state, parent ? `${parent}-p${n}` : `p${n}`);
  const block: ParagraphBlock = { id, type: 'paragraph', text, line };
  const responsibility = findResponsibility(text);
  if (responsibility) block.responsibility = responsibility;
  state.blocks.push(block);
}

function pushTable(state: BodyState, rows: Line[]): void {
  state.tables++;
  const id = uniqueId(state, `t${state.tables}`);
  const table: TableBlock = { id, type: 'table', rows: parseTable(rows.map((r) => r.text)), text: '', line: rows[0]!.no };
  table.text = table.rows.map((row) => row.join('\t')).join('\n');
  state.blocks.push(table);
}

/** Body lines → headings (hierarchy from the numbering), paragraphs, the annex and its table. */
export function parseBody(lines: Line[]): Block[] {
  const state: BodyState = { blocks: [], styles: [], ids: [], paragraphs: new Map(), usedIds: new Set(), tables: 0 };
  const joined = joinBrokenLines(lines);
  for (let i = 0; i < joined.length; i++) {
    const line = joined[i]!;
    if (line.table) {
      const rows = [line];
      while (joined[i + 1]?.table) rows.push(joined[++i]!);
      pushTable(state, rows);
      continue;
    }
    const text = line.text;
    if (isAnnexHeadingLine(text)) {
      // The attachment starts a new hierarchy: `附件：` plus its title line when it has one.
      const title = joined[i + 1];
      const hasTitle = title !== undefined && !title.table && isNameLine(title.text);
      if (hasTitle) i++;
      state.styles = [];
      state.ids = [];
      const id = uniqueId(state, 'annex');
      state.ids.push(id);
      const titleText = hasTitle ? title.text : '';
      state.blocks.push({ id, type: 'heading', depth: 1, number: text, title: titleText, text: text + titleText, line: line.no });
      continue;
    }
    if (isAddresseeLine(text) && state.ids.length === 0 && state.blocks.length <= 2) {
      // 主送 the head did not reach (after an unusual title): still furniture, never a clause.
      state.blocks.push({ ...furniture('addressee', text, line.no), id: uniqueId(state, 'f-addressee') });
      continue;
    }
    if (isAnnexNoteLine(text)) {
      state.blocks.push({ ...furniture('annex-note', text, line.no), id: uniqueId(state, 'f-annex-note') });
      continue;
    }
    const numbering = numberingOf(line);
    const split = numbering ? splitHeading(numbering, text.slice(numbering.raw.length)) : null;
    if (numbering && split) {
      const headingText = text.slice(0, text.length - split.body.length).trim();
      pushHeading(state, numbering, split.title, headingText, line.no);
      if (split.body) pushParagraph(state, split.body, line.no);
    } else {
      pushParagraph(state, text, line.no);
    }
  }
  return state.blocks;
}

/** Give repeated furniture roles distinct ids (`f-date`, `f-date-2`). */
function dedupeFurnitureIds(blocks: Block[]): Block[] {
  const seen = new Map<string, number>();
  return blocks.map((block) => {
    if (block.type !== 'furniture') return block;
    const n = (seen.get(block.id) ?? 0) + 1;
    seen.set(block.id, n);
    return n === 1 ? block : { ...block, id: `${block.id}-${n}` };
  });
}

/** Parse a raw notice into its ordered blocks. */
export function parseNotice(source: string): Block[] {
  const lines = readLines(source);
  const head = takeHead(lines);
  const trailer = takeTrailer(lines, head.at);
  const body = parseBody(lines.slice(head.at, trailer.at));
  return dedupeFurnitureIds([...head.blocks, ...body, ...trailer.blocks]);
}
