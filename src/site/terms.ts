/**
 * Glossary page data, computed once: every occurrence of every term in every notice, grouped per
 * term into forms (with their years), a timeline of notices, and the occurrences with their
 * sentence. Pages, the popover component and `/data/terms.json` read this; none recomputes it.
 */
import { buildMatcher, pushTerms, type TermMatch, type TermMatcher, type TermForm } from '../lib/terms';
import type { Block, Level, Notice, Region } from '../lib/types';
import type { GlossaryEntry } from '../schemas/glossary';
import { checkTermsOccur, glossaryForms, loadGlossary } from '../data/glossary';

/** The notice facts a term page shows next to an occurrence. */
export interface NoticeRef {
  slug: string;
  title: string;
  issuer: string;
  docNumber?: string;
  /** Date signed, ISO; a 政策解读 may have none. */
  date?: string;
  year: number;
  level: Level;
  region: Region;
}

/** One occurrence of a term: where it is, and the sentence around it. */
export interface TermOccurrence {
  notice: string;
  /** Anchor of the clause (`s3-2-p1`, or a table row `t1-r16`). */
  block: string;
  /** The glossary form found (`两客一危`), and its kind. */
  form: string;
  kind: TermForm['kind'];
  /** The sentence in three parts: text before the term, the term as written, text after. */
  before: string;
  match: string;
  after: string;
}

/** One form of a term and where it is used. */
export interface FormUsage {
  form: string;
  kind: TermForm['kind'];
  /** For variants: what the variant is. */
  note?: string;
  years: number[];
  notices: { slug: string; count: number }[];
}

export interface TermData {
  entry: GlossaryEntry;
  /** The definition as plain text (paragraphs separated by blank lines). */
  definitionText: string;
  /** The definition without editorial notes, short enough for a popover. */
  summary: string;
  /** The notice the definition is taken from, when it is a document. */
  sourceNotice?: NoticeRef;
  forms: FormUsage[];
  /** Notices using the term, oldest first, with their occurrence count. */
  timeline: (NoticeRef & { count: number })[];
  /** Occurrences grouped per notice, in timeline order, in text order inside a notice. */
  occurrences: { notice: NoticeRef; items: TermOccurrence[] }[];
  occurrenceCount: number;
  related: { slug: string; term: string }[];
}

/**
 * What the notice pages need of the glossary: the matcher, and what it found in every heading and
 * paragraph of every notice (their term links). The term pages' data (`TermIndex`) is built from
 * it only when a term page asks.
 */
export interface TermMatches {
  matcher: TermMatcher;
  blockMatches: BlockMatches;
  /**
   * Milliseconds spent reading every notice's blocks back from the parse cache, and finding the
   * terms in its headings and paragraphs: what the notice pages' term links cost, which the bench
   * counts in a notice's cost.
   */
  readMs: number;
  scanMs: number;
}

export interface TermIndex extends TermMatches {
  terms: TermData[];
  bySlug: Map<string, TermData>;
}

/**
 * Matches kept compactly for the whole build: per notice scanned, for each of its blocks (by
 * index, as notices read their blocks anew, see `./notices`) where the block's run starts in
 * `runs`, or -1 for a block that is not a heading or paragraph or has no match. A run is the
 * match count and then (start, end, index in the matcher's forms) for each match. As objects
 * they held 37 MB at 3,000 notices all build long; this holds a few MB, most of it off the heap.
 */
export interface BlockMatches {
  at: ReadonlyMap<Notice, Int32Array>;
  runs: Int32Array;
}

const NO_MATCHES: readonly TermMatch[] = Object.freeze([]);

/**
 * The term matches already found in a notice's headings and paragraphs, or undefined when the
 * scan did not look at this notice. A notice page marks the same texts: at 3,000 notices,
 * finding every match twice cost ~0.15 ms a page.
 */
export function knownMatches(index: TermMatches, notice: Notice): ((blockIndex: number) => readonly TermMatch[]) | undefined {
  const { runs } = index.blockMatches;
  const at = index.blockMatches.at.get(notice);
  if (!at) return undefined;
  const { forms } = index.matcher;
  return (blockIndex) => {
    const from = at[blockIndex] ?? -1;
    if (from < 0) return NO_MATCHES;
    const matches: TermMatch[] = [];
    for (let k = from + 1; k < from + 1 + 3 * runs[from]!; k += 3) {
      const { form, slug } = forms[runs[k + 2]!]!;
      matches.push({ start: runs[k]!, end: runs[k + 1]!, form, slug });
    }
    return matches;
  };
}

/** The most context shown on each side of a term, in characters. */
const CONTEXT = 60;

/** Sentence ends: 。！？； and their half-width forms, and line breaks inside table cells. */
const SENTENCE_ENDS = new Set([...'。！？；!?;\n'].map((ch) => ch.charCodeAt(0)));

/**
 * Whether the UTF-16 unit at `at` ends a sentence (false past either end). By code, not by
 * `text[at]`: each Chinese character read that way is a new string, and the index reads up to
 * 120 of them around each of ~250,000 occurrences at 3,000 notices (~1 GB, issue #6).
 */
function endsSentenceAt(text: string, at: number): boolean {
  return SENTENCE_ENDS.has(text.charCodeAt(at));
}

/** Cut `text` around [start, end) to the enclosing sentence, at most CONTEXT chars each side. */
export function sentenceAround(text: string, start: number, end: number): { before: string; match: string; after: string } {
  let from = start;
  while (from > 0 && start - from < CONTEXT && !endsSentenceAt(text, from - 1)) from--;
  let to = end;
  while (to < text.length && to - end < CONTEXT && !endsSentenceAt(text, to)) to++;
  if (to < text.length && endsSentenceAt(text, to) && text.charCodeAt(to) !== 0x0a) to++;
  const before = (from > 0 && !endsSentenceAt(text, from - 1) ? '…' : '') + text.slice(from, start);
  // … only where the sentence goes on: not after its end mark, nor before a line break.
  const after = text.slice(end, to) + (to < text.length && !endsSentenceAt(text, to - 1) && !endsSentenceAt(text, to) ? '…' : '');
  return { before, match: text.slice(start, end), after };
}

/** The searchable pieces of a block, each with the anchor a reader should land on. */
export function blockTexts(block: Block): { id: string; text: string }[] {
  if (block.type === 'furniture') return [];
  if (block.type !== 'table') return [{ id: block.id, text: block.text }];
  // Table rows (header excluded), cell by cell so the context stays inside one cell.
  return block.rows.slice(1).flatMap((row) => {
    const number = row[0]?.trim() ?? '';
    const id = /^\d+$/.test(number) ? `${block.id}-r${number}` : block.id;
    return row.map((cell) => ({ id, text: cell }));
  });
}

/** A title in 书名号, with any 书名号 inside it turned into 〈〉: 《〈…通知〉政策解读》. */
export function bookTitle(title: string): string {
  return `《${title.replace(/《/g, '〈').replace(/》/g, '〉')}》`;
}

/** Plain text of an MDX definition: no emphasis marks, list markers kept as text. */
export function plainDefinition(body: string): string {
  return body
    .split(/\n{2,}/)
    .map((p) => p.replace(/\*\*(.+?)\*\*/g, '$1').replace(/\[(.+?)\]\([^)]*\)/g, '$1').replace(/^\s*-\s+/gm, '').trim())
    .filter(Boolean)
    .join('\n\n');
}

/** The definition without editorial notes (paragraphs starting 编者注), lines joined. */
export function summarize(body: string): string {
  return plainDefinition(body)
    .split('\n\n')
    .filter((p) => !p.startsWith('编者注'))
    .join('\n');
}

function refOf(n: Notice): NoticeRef {
  const { slug, title, issuer, docNumber, date, year, level, region } = n;
  return { slug, title, issuer, ...(docNumber ? { docNumber } : {}), ...(date ? { date } : {}), year, level, region };
}

/** Check that each document source names a notice and a block that exist. */
export function checkSources(entries: GlossaryEntry[], notices: Notice[]): void {
  for (const e of entries) {
    if (e.source.kind !== 'document') continue;
    const { notice: slug, block } = e.source;
    const notice = notices.find((n) => n.slug === slug);
    if (!notice) {
      throw new Error(`${e.file}: field "source.notice": no notice "${slug}". Fix: use the slug of a notice in content/notices/, or write "kind: editorial".`);
    }
    if (!notice.blocks.some((b) => b.id === block)) {
      throw new Error(`${e.file}: field "source.block": notice "${slug}" has no block "${block}". Fix: copy the clause anchor from the notice page (e.g. s4-5).`);
    }
  }
}

/**
 * Find the glossary's terms in every heading and paragraph of every notice, the notice pages'
 * term links. Each notice's blocks are read once, and nothing of them is kept but numbers: each
 * text's run of matches in `runs`, and where it starts (`at`).
 */
export function findBlockMatches(entries: GlossaryEntry[], notices: Notice[]): TermMatches {
  const matcher = buildMatcher(glossaryForms(entries));
  const at = new Map<Notice, Int32Array>();
  const runs: number[] = [];
  let readMs = 0;
  let scanMs = 0;
  for (const notice of notices) {
    const reading = performance.now();
    const { blocks } = notice;
    const scanning = performance.now();
    readMs += scanning - reading;
    const starts = new Int32Array(blocks.length).fill(-1);
    for (let b = 0; b < blocks.length; b++) {
      const block = blocks[b]!;
      if (block.type !== 'heading' && block.type !== 'paragraph') continue;
      const from = runs.length;
      if (pushTerms(block.text, matcher, runs) > 0) starts[b] = from;
    }
    at.set(notice, starts);
    scanMs += performance.now() - scanning;
  }
  return { matcher, blockMatches: { at, runs: Int32Array.from(runs) }, readMs, scanMs };
}

/**
 * Compute every term's page data from the glossary and the notices, with the matches
 * `findBlockMatches` found (looked for again when not given).
 */
export function buildTermIndex(entries: GlossaryEntry[], notices: Notice[], matches = findBlockMatches(entries, notices)): TermIndex {
  const { matcher } = matches;
  const { runs } = matches.blockMatches;
  const kindOf = new Map(glossaryForms(entries).map((f) => [`${f.slug}\u0000${f.form}`, f.kind]));
  const refs = new Map(notices.map((n) => [n.slug, refOf(n)]));
  const bySlugOcc = new Map<string, TermOccurrence[]>();
  // Each occurrence in text order, notice by notice. The headings' and paragraphs' matches are
  // the scan's; a table's cells, which the notice pages mark as they render them, are looked at
  // here, cell by cell so the context stays inside one cell. Each notice's blocks are read again.
  const cellRuns: number[] = [];
  const addOccurrences = (notice: Notice, id: string, text: string, from: number, runs: ArrayLike<number>) => {
    for (let k = from + 1; k < from + 1 + 3 * runs[from]!; k += 3) {
      const { form, slug } = matcher.forms[runs[k + 2]!]!;
      const list = bySlugOcc.get(slug) ?? [];
      list.push({
        notice: notice.slug,
        block: id,
        form,
        kind: kindOf.get(`${slug}\u0000${form}`) ?? 'term',
        ...sentenceAround(text, runs[k]!, runs[k + 1]!),
      });
      bySlugOcc.set(slug, list);
    }
  };
  for (const notice of notices) {
    const starts = matches.blockMatches.at.get(notice);
    notice.blocks.forEach((block, b) => {
      const from = starts && (block.type === 'heading' || block.type === 'paragraph') ? starts[b]! : undefined;
      if (from !== undefined) {
        if (from >= 0) addOccurrences(notice, block.id, block.text, from, runs);
        return;
      }
      // A table's cells (and every text of a notice the scan did not look at) are looked at now.
      for (const { id, text } of blockTexts(block)) {
        cellRuns.length = 0;
        if (pushTerms(text, matcher, cellRuns) > 0) addOccurrences(notice, id, text, 0, cellRuns);
      }
    });
  }

  const byDate = (a: NoticeRef, b: NoticeRef) =>
    a.year - b.year || (a.date ?? '').localeCompare(b.date ?? '') || a.slug.localeCompare(b.slug);
  const terms = entries.map((entry): TermData => {
    const occ = bySlugOcc.get(entry.slug) ?? [];
    // Each notice's occurrences, in the order found, in one pass: filtering `occ` once per notice
    // grew with the square of the corpus (20 s of CPU at 3,000 notices, issue #6).
    const byNotice = new Map<string, TermOccurrence[]>();
    for (const o of occ) {
      const list = byNotice.get(o.notice);
      if (list) list.push(o);
      else byNotice.set(o.notice, [o]);
    }
    const timeline = [...byNotice].map(([s, items]) => ({ ...refs.get(s)!, count: items.length })).sort(byDate);
    const usage = (form: string, kind: TermForm['kind'], note?: string): FormUsage => {
      const counts = new Map<string, number>();
      for (const o of occ) if (o.form === form) counts.set(o.notice, (counts.get(o.notice) ?? 0) + 1);
      const slugs = timeline.map((t) => t.slug).filter((s) => counts.has(s));
      return {
        form,
        kind,
        ...(note ? { note } : {}),
        years: [...new Set(slugs.map((s) => refs.get(s)!.year))].sort(),
        notices: slugs.map((s) => ({ slug: s, count: counts.get(s)! })),
      };
    };
    return {
      entry,
      definitionText: plainDefinition(entry.body),
      summary: summarize(entry.body),
      ...(entry.source.kind === 'document' && refs.get(entry.source.notice)
        ? { sourceNotice: refs.get(entry.source.notice)! }
        : {}),
      forms: [
        usage(entry.term, 'term'),
        ...entry.aliases.map((a) => usage(a, 'alias')),
        ...entry.variants.map((v) => usage(v.form, 'variant', v.note)),
      ],
      timeline,
      occurrences: timeline.map((t) => ({ notice: refs.get(t.slug)!, items: byNotice.get(t.slug)! })),
      occurrenceCount: occ.length,
      related: [],
    };
  });
  const bySlug = new Map(terms.map((t) => [t.entry.slug, t]));
  for (const t of terms) {
    t.related = t.entry.related.map((slug) => ({ slug, term: bySlug.get(slug)!.entry.term }));
  }
  return { ...matches, terms, bySlug };
}

/** The texts a glossary check looks in: every block of every notice, by notice slug. */
export function noticeTexts(notices: Notice[]): Map<string, string> {
  return new Map(
    notices.map((n) => [n.slug, n.blocks.flatMap((b) => blockTexts(b).map((t) => t.text)).join('\n')]),
  );
}

let scan: Promise<{ entries: GlossaryEntry[]; notices: Notice[]; matches: TermMatches }> | undefined;

/** The glossary loaded, checked against the notices, and found in them: computed once. */
function getScan(): Promise<{ entries: GlossaryEntry[]; notices: Notice[]; matches: TermMatches }> {
  scan ??= (async () => {
    const { getNotices } = await import('./notices');
    const notices = await getNotices();
    const entries = loadGlossary();
    // The glossary is checked against the real library only: a generated corpus (CORPUS_DIR,
    // for benchmarks) has other notices, and the glossary always comes from content/glossary/.
    if (!process.env.CORPUS_DIR) {
      checkSources(entries, notices);
      checkTermsOccur(entries, noticeTexts(notices));
    }
    const found = findBlockMatches(entries, notices);
    // The bench reads this line: reading the notices back and finding their terms is part of what
    // a notice page costs.
    console.log(`[terms] ${notices.length} notices read in ${Math.round(found.readMs)} ms and scanned for glossary terms in ${Math.round(found.scanMs)} ms`);
    return { entries, notices, matches: found };
  })();
  return scan;
}

/** The matcher and every heading's and paragraph's matches, for the notice pages: computed once. */
export async function getTermMatches(): Promise<TermMatches> {
  return (await getScan()).matches;
}

let index: Promise<TermIndex> | undefined;

/** The glossary's page data: computed once, when the first page needing it asks. */
export function getTermIndex(): Promise<TermIndex> {
  index ??= getScan().then(({ entries, notices, matches }) => buildTermIndex(entries, notices, matches));
  return index;
}
