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

export interface TermIndex {
  terms: TermData[];
  bySlug: Map<string, TermData>;
  matcher: TermMatcher;
  /**
   * What `findTerms` found in each heading's and paragraph's text while the index was built, for
   * the notice pages to reuse (see `knownMatches`); blocks with no match are left out.
   */
  blockMatches: BlockMatches;
  /** The notices whose headings and paragraphs `blockMatches` covers. */
  scanned: ReadonlySet<Notice>;
  /**
   * Milliseconds spent finding the terms in every text of every notice: the notice pages' share
   * of building the index (their term links), which the bench counts in a notice's cost.
   */
  scanMs: number;
}

/**
 * Matches kept compactly for the whole build: per heading or paragraph, where its run starts in
 * `runs`, a run being the match count and then (start, end, index in the matcher's forms) for
 * each match (`runs` also holds the table cells' runs, which no block points to). As
 * objects they held 37 MB at 3,000 notices all build long; this holds ~4 MB, and 3.4 MB off the heap.
 */
export interface BlockMatches {
  at: ReadonlyMap<Block, number>;
  runs: Int32Array;
}

const NO_MATCHES: readonly TermMatch[] = Object.freeze([]);

/**
 * The term matches the index already found in a notice's headings and paragraphs, or undefined
 * when the index did not look at this notice. A notice page marks the same texts: at 3,000
 * notices, finding every match twice cost ~0.15 ms a page.
 */
export function knownMatches(index: TermIndex, notice: Notice): ((block: Block) => readonly TermMatch[]) | undefined {
  if (!index.scanned.has(notice)) return undefined;
  const { at, runs } = index.blockMatches;
  const { forms } = index.matcher;
  return (block) => {
    const from = at.get(block);
    if (from === undefined) return NO_MATCHES;
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

/** Compute every term's page data from the glossary and the notices. */
export function buildTermIndex(entries: GlossaryEntry[], notices: Notice[]): TermIndex {
  const forms = glossaryForms(entries);
  const matcher = buildMatcher(forms);
  const kindOf = new Map(forms.map((f) => [`${f.slug}\u0000${f.form}`, f.kind]));
  const refs = new Map(notices.map((n) => [n.slug, refOf(n)]));
  const bySlugOcc = new Map<string, TermOccurrence[]>();
  const at = new Map<Block, number>();
  const runs: number[] = [];

  // First the matches in every text (what the notice pages' term links reuse, timed on its own),
  // then the occurrences the term pages list, in the same order. The scan keeps numbers only:
  // each text's run of matches in `runs`, and for each text with a match, where it is (`hits`:
  // notice, block, text of the block, start of its run). As objects, every match and every text
  // with one lived until the occurrences were made, and the collector copied them (issue #6).
  const scanStarted = performance.now();
  const hits: number[] = [];
  const scanText = (text: string, n: number, b: number, t: number): number => {
    const from = runs.length;
    if (pushTerms(text, matcher, runs) === 0) return -1;
    hits.push(n, b, t, from);
    return from;
  };
  notices.forEach(({ blocks }, n) => {
    for (let b = 0; b < blocks.length; b++) {
      const block = blocks[b]!;
      if (block.type === 'heading' || block.type === 'paragraph') {
        const from = scanText(block.text, n, b, 0);
        if (from >= 0) at.set(block, from);
      } else {
        blockTexts(block).forEach(({ text }, t) => scanText(text, n, b, t));
      }
    }
  });
  const scanMs = performance.now() - scanStarted;
  // A block's texts, made once for all its hits (a table's cells are one hit each).
  let textsOf: Block | undefined;
  let texts: { id: string; text: string }[] = [];
  for (let h = 0; h < hits.length; h += 4) {
    const notice = notices[hits[h]!]!;
    const block = notice.blocks[hits[h + 1]!]!;
    if (block !== textsOf) [textsOf, texts] = [block, blockTexts(block)];
    const { id, text } = texts[hits[h + 2]!]!;
    const from = hits[h + 3]!;
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
  return { terms, bySlug, matcher, blockMatches: { at, runs: Int32Array.from(runs) }, scanned: new Set(notices), scanMs };
}

/** The texts a glossary check looks in: every block of every notice, by notice slug. */
export function noticeTexts(notices: Notice[]): Map<string, string> {
  return new Map(
    notices.map((n) => [n.slug, n.blocks.flatMap((b) => blockTexts(b).map((t) => t.text)).join('\n')]),
  );
}

let index: Promise<TermIndex> | undefined;

/** The glossary index for pages: loaded, checked against the notices, computed once. */
export function getTermIndex(): Promise<TermIndex> {
  index ??= (async () => {
    const { getNotices } = await import('./notices');
    const notices = await getNotices();
    const entries = loadGlossary();
    // The glossary is checked against the real library only: a generated corpus (CORPUS_DIR,
    // for benchmarks) has other notices, and the glossary always comes from content/glossary/.
    if (!process.env.CORPUS_DIR) {
      checkSources(entries, notices);
      checkTermsOccur(entries, noticeTexts(notices));
    }
    const index = buildTermIndex(entries, notices);
    // The bench reads this line: finding the terms is part of what a notice page costs.
    console.log(`[terms] ${notices.length} notices scanned for glossary terms in ${Math.round(index.scanMs)} ms`);
    return index;
  })();
  return index;
}
