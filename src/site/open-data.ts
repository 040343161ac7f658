/**
 * The open data's shapes (documented in README): the index of notices and one file per notice.
 * Field order is fixed so the files diff cleanly between builds.
 */
import type { Notice, NoticeMeta } from '../lib/types';

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

/** One notice's open-data file: metadata plus the ordered blocks. */
export function toNoticeRecord(n: Notice) {
  return { ...toMetaRecord(n), blocks: n.blocks };
}

export function jsonResponse(value: unknown): Response {
  return new Response(`${JSON.stringify(value, null, 1)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
}
