/**
 * The curated metadata of one notice: `content/notices/<slug>.yaml`. The slug is the file name.
 * This schema is the documentation of the metadata; the loader reports violations with the file,
 * the field, its line and a fix.
 */
import { z } from 'zod';

/** Whether `text` is a real calendar date written YYYY-MM-DD. */
function isIsoDate(text: string): boolean {
  const date = new Date(`${text}T00:00:00Z`);
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}

const isoDate = z.string().refine(isIsoDate, 'a real date written YYYY-MM-DD, e.g. 2023-03-29');

export const relationSchema = z
  .object({
    /** `interprets` (a 政策解读 of that document) or `cites` (refers to it). */
    type: z.enum(['interprets', 'cites']),
    /** 文号 of the related document (`晋政发〔2024〕1号`). */
    docNumber: z.string().min(1).optional(),
    /** Title of the related document. */
    title: z.string().min(1).optional(),
    /** Slug of the related notice when it is in this library. */
    slug: z.string().min(1).optional(),
  })
  .strict()
  .refine((r) => r.docNumber || r.title || r.slug, 'a relation needs a docNumber, a title or a slug');

export const noticeMetaSchema = z
  .object({
    /** Title without the issuer (`关于做好2023年安全生产工作的通知`). */
    title: z.string().min(1),
    /** Issuing body (`岢岚县人民政府`). */
    issuer: z.string().min(1),
    /** 文号 (`岢政发〔2023〕1号`); omitted for documents that have none, such as a 政策解读. */
    docNumber: z.string().min(1).optional(),
    /** Date signed, YYYY-MM-DD; omitted when the document gives none (some 政策解读). */
    date: isoDate.optional(),
    /** Date printed (印发), YYYY-MM-DD, when the document gives one. */
    printDate: isoDate.optional(),
    /** The work year the notice is about (`2023`). */
    year: z.number().int().min(1949).max(2100),
    /** Level of the issuer: province, city, or county (county-level includes districts, 区). */
    level: z.enum(['province', 'city', 'county']),
    /** Where the issuer governs. */
    region: z
      .object({
        /** 省 (`山西省`). */
        province: z.string().min(1),
        /** 市 (`忻州市`), for city and county issuers. */
        city: z.string().min(1).optional(),
        /** 县/区 (`岢岚县`), for county issuers. */
        county: z.string().min(1).optional(),
      })
      .strict(),
    /** notice (通知), opinion (意见) or interpretation (政策解读). */
    kind: z.enum(['notice', 'opinion', 'interpretation']),
    /** The raw text's file name inside `seeds/` (`kelan-2023.txt`). */
    source: z.string().regex(/^[^/\\]+\.txt$/, 'a .txt file name inside seeds/, without a folder'),
    /** Documents this one interprets or cites. */
    relations: z.array(relationSchema).default([]),
  })
  .strict();

export type NoticeMetaInput = z.input<typeof noticeMetaSchema>;

/** A slug: lower-case ASCII words joined by hyphens, as used in URLs. */
export function isValidSlug(slug: string): boolean {
  return /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug);
}
