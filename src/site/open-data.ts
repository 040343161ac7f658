/**
 * The open data's shapes (documented in content/pages/open-data.md): the index of notices, one
 * file per notice, and the glossary terms. Field order is fixed so the files diff cleanly
 * between builds.
 */
import { blockOfAnchor } from '../lib/clauses';
import type { Notice, NoticeMeta } from '../lib/types';
import type { TermData } from './terms';

/** The metadata of a notice, in a fixed field order. */
export function toMetaRecord(n: NoticeMeta): Omit<NoticeMeta, 'source'> & { url: string; data: string; source: string } {
  return {
    slug: n.slug,
    title: n.title,
    issuer: n.issuer,
    ...(n.docNumber ? { docNumber: n.docNumber } : {}),
    ...(n.date ? { date: n.date } : {}),
    ...(n.printDate ? { printDate: n.printDate } : {}),
    year: n.year,
    level: n.level,
    region: n.region,
    kind: n.kind,
    relations: n.relations,
    url: `/notices/${n.slug}/`,
    data: `/data/notices/${n.slug}.json`,
    source: `/sources/${n.slug}.txt`,
  };
}

/** Where a notice's clauses also appear: block id → places, and the short names of those notices. */
export interface AlsoInData {
  places: Map<string, readonly { slug: string; blockId: string }[]>;
  names: Map<string, string>;
}

/**
 * One notice's open-data file: metadata plus the ordered blocks, each block with every other
 * place its clause appears (`alsoIn`, when any; a table's entries name the `row` they are for)
 * and the short names of the notices they are in.
 */
export function toNoticeRecord(n: Notice, also: AlsoInData = { places: new Map(), names: new Map() }) {
  const rows = new Map<string, { row: string; notice: string; block: string }[]>();
  for (const [anchor, places] of also.places) {
    const block = blockOfAnchor(anchor);
    if (block === anchor) continue;
    const list = rows.get(block) ?? [];
    for (const p of places) list.push({ row: anchor, notice: p.slug, block: p.blockId });
    rows.set(block, list);
  }
  const blocks = n.blocks.map((block) => {
    const places = [...(also.places.get(block.id) ?? []).map((p) => ({ notice: p.slug, block: p.blockId })), ...(rows.get(block.id) ?? [])];
    return places.length > 0 ? { ...block, alsoIn: places } : block;
  });
  return { ...toMetaRecord(n), blocks, noticeNames: Object.fromEntries(also.names) };
}

/**
 * One glossary term, as in `/data/terms.json` (every term) and alone in `/data/terms/{slug}.json`,
 * the file its term page links to for the full list of occurrences: at 3,000 notices the whole
 * glossary's file is tens of megabytes.
 */
export function toTermRecord(t: TermData) {
  return {
    slug: t.entry.slug,
    term: t.entry.term,
    reading: t.entry.reading,
    group: t.entry.group,
    url: `/terms/${t.entry.slug}/`,
    definition: t.definitionText,
    source: t.entry.source,
    forms: t.forms.map((f) => ({ form: f.form, kind: f.kind, ...(f.note ? { note: f.note } : {}), years: f.years, notices: f.notices })),
    related: t.entry.related,
    noticeCount: t.timeline.length,
    occurrences: t.occurrences.flatMap(({ items }) => items.map((o) => ({ notice: o.notice, block: o.block, form: o.form }))),
  };
}

/**
 * A JSON download, compact: browsers and `jq` indent it for reading, and at 3,000 notices the
 * notices' JSON was 447 MB indented and is 355 MB compact.
 */
export function jsonResponse(value: unknown): Response {
  return new Response(`${JSON.stringify(value)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
}
