/**
 * A glossary entry: `content/glossary/<slug>.mdx`. The frontmatter follows this schema; the MDX
 * body is the definition. Where a form appears (years, notices, counts) is computed from the
 * notices at build time, never written here.
 */
import { z } from 'zod';

/** The groups of the glossary index, in display order. */
export const glossaryGroups = [
  '责任体系',
  '风险与隐患',
  '监管执法',
  '行业领域',
  '事故与追责',
  '宣传教育培训',
  '应急与救援',
  '理念与目标',
] as const;

export type GlossaryGroup = (typeof glossaryGroups)[number];

/** A slug is readable ASCII pinyin: lower case, digits, single hyphens (`san-guan-san-bixu`). */
export const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const sourceSchema = z.discriminatedUnion('kind', [
  z.object({
    /** The definition is quoted or summarised from a notice in the library. */
    kind: z.literal('document'),
    /** Slug of that notice (`hongtong-2024-jiedu`). */
    notice: z.string().regex(slugPattern),
    /** Block id of the defining clause in that notice (`s4-5`). */
    block: z.string().min(1),
  }),
  z.object({
    /** The definition is written by the editors from the term's use in the notices. */
    kind: z.literal('editorial'),
  }),
]);

const variantSchema = z.object({
  /** The variant spelling exactly as a notice writes it (list punctuation `、`/`，` may differ). */
  form: z.string().min(1),
  /** What the variant is: older or newer wording, spelled-out form, split form… */
  note: z.string().min(1),
});

export const glossaryEntrySchema = z.object({
  /** The canonical form, as it appears in the notices (`三管三必须`). */
  term: z.string().min(1),
  /** The URL slug; defaults to the file name, and must equal it when given. */
  slug: z.string().regex(slugPattern).optional(),
  /** The full spelled-out reading (`管行业必须管安全、管业务必须管安全、管生产经营必须管安全`). */
  reading: z.string().min(1),
  /** The group the index files the term under. */
  group: z.enum(glossaryGroups),
  /** Other exact spellings of the same term that count as the term itself (`三违行为`). */
  aliases: z.array(z.string().min(1)).default([]),
  /** Older, newer, split or spelled-out forms, each with a note saying what it is. */
  variants: z.array(variantSchema).default([]),
  /** Where the definition comes from. */
  source: sourceSchema,
  /** Slugs of related entries, shown as links on the term page. */
  related: z.array(z.string().regex(slugPattern)).default([]),
});

export type GlossaryFrontmatter = z.infer<typeof glossaryEntrySchema>;
export type GlossarySource = z.infer<typeof sourceSchema>;

/** A validated entry: frontmatter with its slug filled in, plus the raw MDX body. */
export interface GlossaryEntry extends GlossaryFrontmatter {
  slug: string;
  /** The MDX body (the definition), as written. */
  body: string;
  /** Path of the entry file, relative to the project root, for error messages. */
  file: string;
}
