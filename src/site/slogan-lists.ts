/**
 * The precomputed slogan result lists (see src/lib/slogan-search.ts), computed once per build:
 * for each glossary form, every notice whose text contains it exactly, newest first, each with
 * the anchor and the sentence of its first occurrence. The search page embeds the form index;
 * `/data/search/{id}/{page}.json` serves the chunks.
 */
import { displayTitle } from '../components/notice-format';
import { ui } from '../i18n';
import { SLOGAN_CHUNK_SIZE, type SloganForm, type SloganHit } from '../lib/slogan-search';
import type { Notice } from '../lib/types';
import { compareNotices } from './notice-order';
import { blockTexts, getTermIndex, sentenceAround } from './terms';

export interface SloganLists {
  forms: SloganForm[];
  /** Form id → its chunks, in order. */
  chunks: Map<string, SloganHit[][]>;
}

/** Where a form first occurs: the anchor to open and the sentence around it. */
export interface FirstOccurrence {
  block: string;
  before: string;
  match: string;
  after: string;
}

/**
 * The first occurrence of `form` in a notice, by exact text: body blocks in reading order (table
 * rows cell by cell, anchored at the row), then the furniture (title, 文号, 抄送 …). Null when
 * no block contains it.
 */
export function findFirstOccurrence(notice: Notice, form: string): FirstOccurrence | null {
  const pieces = [
    ...notice.blocks.flatMap((b) => blockTexts(b)),
    ...notice.blocks.filter((b) => b.type === 'furniture').map((b) => ({ id: b.id, text: b.text })),
    // A table's header row is no search piece of blockTexts: the table itself is the anchor.
    ...notice.blocks.flatMap((b) => (b.type === 'table' ? (b.rows[0] ?? []).map((text) => ({ id: b.id, text })) : [])),
  ];
  for (const { id, text } of pieces) {
    const at = text.indexOf(form);
    if (at !== -1) return { block: id, ...sentenceAround(text, at, at + form.length) };
  }
  return null;
}

/** The text a reader sees in a notice: every block, every table cell. */
function noticeText(notice: Notice): string {
  return notice.blocks.map((b) => (b.type === 'table' ? b.rows.flat().join('\n') : b.text)).join('\n');
}

/** A notice as a result of a slogan search for `form`. */
function toHit(notice: Notice, form: string, base: string): SloganHit {
  const page = `${base}notices/${notice.slug}/`;
  const found = findFirstOccurrence(notice, form);
  const { region } = notice;
  return {
    url: found ? `${page}#${found.block}` : page,
    title: displayTitle(notice),
    issuer: notice.issuer,
    ...(notice.docNumber ? { docNumber: notice.docNumber } : {}),
    year: notice.year,
    level: ui.level[notice.level],
    kind: ui.kind[notice.kind],
    province: region.province,
    ...(region.city ? { city: region.city } : {}),
    ...(region.county ? { county: region.county } : {}),
    before: found?.before ?? '',
    match: found?.match ?? form,
    after: found?.after ?? '',
  };
}

/**
 * Build every form's list. `forms` are the glossary forms with their term's slug, in glossary
 * order; a form's id is its term's slug and its place among that term's forms (`san-wei-0` is
 * the term itself). Matching is exact and by substring, so 两客一危 also lists the notices that
 * write 两客一危一货: the same rule as the term pages' plain text search.
 */
export function buildSloganLists(
  notices: readonly Notice[],
  forms: readonly { form: string; term: string }[],
  { base = '/', chunkSize = SLOGAN_CHUNK_SIZE }: { base?: string; chunkSize?: number } = {},
): SloganLists {
  const hitsOf = forms.map((): SloganHit[] => []);
  // One pass over the notices, so only one notice's text is held at a time.
  for (const notice of [...notices].sort(compareNotices)) {
    const text = noticeText(notice);
    forms.forEach(({ form }, f) => {
      if (text.includes(form)) hitsOf[f]!.push(toHit(notice, form, base));
    });
  }
  const perTerm = new Map<string, number>();
  const chunks = new Map<string, SloganHit[][]>();
  const index: SloganForm[] = forms.map(({ form, term }, f) => {
    const n = perTerm.get(term) ?? 0;
    perTerm.set(term, n + 1);
    const id = `${term}-${n}`;
    const hits = hitsOf[f]!;
    const pages: SloganHit[][] = [];
    for (let i = 0; i < hits.length; i += chunkSize) pages.push(hits.slice(i, i + chunkSize));
    chunks.set(id, pages);
    return { form, id, term, count: hits.length, chunks: pages.length };
  });
  return { forms: index, chunks };
}

let lists: Promise<SloganLists> | undefined;

/** The slogan lists of the site's notices and glossary, computed once per build. */
export function getSloganLists(base: string): Promise<SloganLists> {
  lists ??= (async () => {
    // Imported here, not at the top: `notices.ts` reads the content collection (astro:content),
    // which only exists inside an Astro build, and the builder above is unit-tested without one.
    const { getNotices } = await import('./notices');
    const [notices, { terms }] = await Promise.all([getNotices(), getTermIndex()]);
    const forms = terms.flatMap((t) => t.forms.map((f) => ({ form: f.form, term: t.entry.slug })));
    return buildSloganLists(notices, forms, { base });
  })();
  return lists;
}
