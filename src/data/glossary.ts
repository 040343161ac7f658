/**
 * Node side of the glossary: read `content/glossary/*.mdx`, validate the frontmatter, and check
 * the glossary against the notices. Every error names the file, the field (with its line) and
 * the fix, because the build stops on it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { parseDocument } from 'yaml';
import type { ZodIssue } from 'zod';
import { glossaryEntrySchema, glossaryGroups, type GlossaryEntry } from '../schemas/glossary';
import { findTerms, buildMatcher, foldText, type TermForm } from '../lib/terms';

export type { GlossaryEntry } from '../schemas/glossary';

export const defaultGlossaryDir = 'content/glossary';

/** `---` on a line of its own: opens and closes the frontmatter. */
function isFrontmatterFence(line: string): boolean {
  return /^---\s*$/.test(line);
}

/** Split an MDX file into its YAML frontmatter and its body. */
function splitFrontmatter(raw: string, file: string): { yaml: string; body: string; yamlLine: number } {
  const lines = raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n');
  if (!isFrontmatterFence(lines[0] ?? '')) {
    throw new Error(`${file}:1: the entry must start with a YAML frontmatter block: put "---" on the first line.`);
  }
  const close = lines.findIndex((l, i) => i > 0 && isFrontmatterFence(l));
  if (close < 0) {
    throw new Error(`${file}:1: the frontmatter is never closed: add a line "---" after the last field.`);
  }
  return { yaml: lines.slice(1, close).join('\n'), body: lines.slice(close + 1).join('\n').trim(), yamlLine: 2 };
}

/** What to do about one schema problem, in words an editor can follow. */
function fixFor(issue: ZodIssue): string {
  const field = issue.path.join('.');
  if (issue.code === 'invalid_type' && issue.received === 'undefined') return `add "${field}:" to the frontmatter`;
  if (issue.code === 'invalid_enum_value') return `use one of: ${glossaryGroups.join(', ')}`;
  if (issue.code === 'invalid_union_discriminator') {
    return 'write "kind: document" with "notice" and "block", or "kind: editorial"';
  }
  if (issue.code === 'invalid_string' && issue.validation === 'regex') {
    return 'use lower-case ASCII pinyin joined by hyphens, e.g. san-guan-san-bixu';
  }
  if (issue.code === 'too_small') return `write a value for "${field}" or remove the field`;
  return 'correct the value';
}

/** Read and validate one entry file. */
export function parseGlossaryEntry(raw: string, file: string): GlossaryEntry {
  const { yaml, body, yamlLine } = splitFrontmatter(raw, file);
  const doc = parseDocument(yaml, { prettyErrors: false });
  if (doc.errors.length > 0) {
    const err = doc.errors[0]!;
    const line = yamlLine + (err.linePos?.[0]?.line ?? 1) - 1;
    throw new Error(`${file}:${line}: the frontmatter is not valid YAML (${err.code}): fix the syntax on that line.`);
  }
  const fileSlug = basename(file).replace(/\.mdx$/, '');
  const result = glossaryEntrySchema.safeParse(doc.toJS() ?? {});
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const node = doc.getIn(issue.path, true) as { range?: [number, number, number] } | undefined;
    const offset = node?.range?.[0];
    const line = offset === undefined ? yamlLine : yamlLine + yaml.slice(0, offset).split('\n').length - 1;
    const field = issue.path.join('.') || '(frontmatter)';
    throw new Error(`${file}:${line}: field "${field}": ${issue.message}. Fix: ${fixFor(issue)}.`);
  }
  const data = result.data;
  if (data.slug !== undefined && data.slug !== fileSlug) {
    throw new Error(
      `${file}: field "slug": "${data.slug}" differs from the file name. Fix: remove "slug" or rename the file to ${data.slug}.mdx.`,
    );
  }
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(fileSlug)) {
    throw new Error(`${file}: the file name is not a valid slug. Fix: rename it in lower-case ASCII pinyin joined by hyphens, e.g. san-guan-san-bixu.mdx.`);
  }
  if (body === '') {
    throw new Error(`${file}: the entry has no definition. Fix: write the definition below the frontmatter.`);
  }
  return { ...data, slug: fileSlug, body, file };
}

/** Read every `*.mdx` entry in `dir`, sorted by slug, and check that no form is claimed twice. */
export function loadGlossary(dir: string = defaultGlossaryDir): GlossaryEntry[] {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.mdx'))
    .sort();
  const entries = files.map((f) => {
    const path = join(dir, f);
    const rel = relative(process.cwd(), path);
    const shown = rel === '' || rel.startsWith('..') ? path : rel;
    return parseGlossaryEntry(readFileSync(path, 'utf8'), shown);
  });
  checkGlossary(entries);
  return entries;
}

/** Every form the matcher should look for: the term, its aliases, its variants. */
export function glossaryForms(entries: GlossaryEntry[]): TermForm[] {
  return entries.flatMap((e) => [
    { form: e.term, slug: e.slug, kind: 'term' as const },
    ...e.aliases.map((form) => ({ form, slug: e.slug, kind: 'alias' as const })),
    ...e.variants.map((v) => ({ form: v.form, slug: e.slug, kind: 'variant' as const })),
  ]);
}

/**
 * Cross-entry checks: no form claimed by two entries (punctuation folded), and every `related`
 * slug exists.
 */
export function checkGlossary(entries: GlossaryEntry[]): void {
  const owner = new Map<string, GlossaryEntry>();
  for (const e of entries) {
    for (const { form } of glossaryForms([e])) {
      const key = foldText(form);
      const prior = owner.get(key);
      if (prior && prior.slug !== e.slug) {
        throw new Error(
          `${e.file}: the form "${form}" is already claimed by ${prior.file}. Fix: a form can belong to one term only; remove it from one of the two entries.`,
        );
      }
      owner.set(key, e);
    }
  }
  const slugs = new Set(entries.map((e) => e.slug));
  for (const e of entries) {
    for (const r of e.related) {
      if (!slugs.has(r)) {
        throw new Error(`${e.file}: field "related": no glossary entry "${r}". Fix: use the file name of an existing entry, or remove it.`);
      }
    }
  }
}

/**
 * Fail when an entry's term and all its forms occur in none of `texts` (the notice texts, by
 * notice slug): such an entry names something the library never says.
 */
export function checkTermsOccur(entries: GlossaryEntry[], texts: Map<string, string>): void {
  const matcher = buildMatcher(glossaryForms(entries));
  const used = new Set<string>();
  for (const text of texts.values()) for (const m of findTerms(text, matcher)) used.add(m.slug);
  for (const e of entries) {
    if (used.has(e.slug)) continue;
    const forms = glossaryForms([e]).map((f) => `"${f.form}"`).join(', ');
    throw new Error(
      `${e.file}: the term "${e.term}" occurs in no notice (looked for ${forms}). Fix: copy the exact spelling from a notice into "term", "aliases" or "variants", or delete the entry.`,
    );
  }
}
