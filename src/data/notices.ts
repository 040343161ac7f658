/**
 * Node-side reading of the notice library: `content/notices/<slug>.yaml` metadata plus
 * `seeds/<file>.txt` raw text. Every problem is reported with the file, the line, and the fix;
 * all problems are collected and reported together so one build run shows them all.
 */
import { isUtf8 } from 'node:buffer';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import type { ZodIssue } from 'zod';
import { parseNotice } from '../lib/parse';
import { readPlainYaml } from './plain-yaml';
import { decodeUtf8 } from './utf8';
import type { Notice, NoticeMeta } from '../lib/types';
import { isValidSlug, noticeMetaSchema } from '../schemas/notice';

/** A problem in the content that must stop the build; `message` says where and how to fix it. */
export class ContentError extends Error {
  constructor(readonly problems: string[]) {
    super(`${problems.length === 1 ? 'A content file needs fixing' : `${problems.length} content problems need fixing`}:\n- ${problems.join('\n- ')}`);
    this.name = 'ContentError';
  }
}

/** Where the content lives: the real content, or `CORPUS_DIR` (a generated corpus). */
export function contentRoot(): string {
  return process.env.CORPUS_DIR || process.cwd();
}

function display(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel.startsWith('..') ? file : rel;
}

/** The byte offset of the first byte that breaks UTF-8, or -1. */
export function findInvalidUtf8(bytes: Uint8Array): number {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return -1;
  } catch {
    // Fall through to find where.
  }
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    const size = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (size === 0 || i + size > bytes.length) return i;
    for (let k = 1; k < size; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return i;
    if (size > 1) {
      const cp = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(i, i + size)).codePointAt(0)!;
      const isReplacementChar = bytes[i] === 0xef && bytes[i + 1] === 0xbf && bytes[i + 2] === 0xbd;
      if (cp === 0xfffd && !isReplacementChar) return i;
    }
    i += size;
  }
  return -1;
}

/** Decode a seed as UTF-8, or describe where and why it is not. */
export function decodeSeed(bytes: Uint8Array, file: string): { text: string } | { problem: string } {
  // `isUtf8` validates as strictly as a fatal TextDecoder, several times faster; the slow
  // search for the offending byte runs only on a bad file.
  const bad = isUtf8(bytes) ? -1 : findInvalidUtf8(bytes);
  if (bad !== -1) {
    const line = bytes.subarray(0, bad).reduce((n, b) => (b === 0x0a ? n + 1 : n), 1);
    const hex = bytes[bad]!.toString(16).toUpperCase().padStart(2, '0');
    return {
      problem: `${display(file)}:${line}: the file is not UTF-8 (byte 0x${hex} at offset ${bad}). Fix: convert it, e.g. \`iconv -f GB18030 -t UTF-8\`, and save it again.`,
    };
  }
  const text = decodeUtf8(bytes).replace(/^\uFEFF/, '');
  if (text.trim() === '') return { problem: `${display(file)}: the file is empty. Fix: put the notice's full text in it.` };
  return { text };
}

const FIELD_EXAMPLES: Record<string, string> = {
  title: 'title: 关于做好2023年安全生产工作的通知',
  issuer: 'issuer: 岢岚县人民政府',
  date: 'date: 2023-03-29',
  year: 'year: 2023',
  level: 'level: county',
  region: 'region: { province: 山西省, city: 忻州市, county: 岢岚县 }',
  'region.province': 'region: { province: 山西省 }',
  kind: 'kind: notice',
  source: 'source: kelan-2023.txt',
};

function describeIssue(issue: ZodIssue): { field: string; message: string; fix: string } {
  const field = issue.path.join('.');
  if (issue.code === 'invalid_type' && issue.received === 'undefined') {
    const example = FIELD_EXAMPLES[field];
    return { field, message: 'is missing', fix: example ? `add it, e.g. \`${example}\`` : `add "${field}"` };
  }
  if (issue.code === 'invalid_enum_value') {
    return { field, message: `is "${String(issue.received)}"`, fix: `use one of: ${issue.options.join(', ')}` };
  }
  if (issue.code === 'unrecognized_keys') {
    return { field: [...issue.path, issue.keys[0]].join('.'), message: 'is not a known field', fix: 'remove it or correct its spelling' };
  }
  if (issue.code === 'invalid_type') {
    return { field, message: `should be ${issue.expected}, not ${issue.received}`, fix: FIELD_EXAMPLES[field] ? `write it like \`${FIELD_EXAMPLES[field]}\`` : `give a ${issue.expected}` };
  }
  return { field, message: 'is not valid', fix: `make it ${issue.message}` };
}

/** Parse and validate one metadata file. */
export function parseMeta(text: string, file: string): { meta: Omit<NoticeMeta, 'slug'>; sourceLine: number } | { problems: string[] } {
  const yaml = text.replace(/^\uFEFF/, '');
  // Most files are plain `key: value` lines, read without the YAML library. Anything else, and
  // any file that fails validation, goes through `yaml`, which can say on what line.
  const plain = readPlainYaml(yaml);
  const valid = plain ? noticeMetaSchema.safeParse(plain.data) : undefined;
  if (plain && valid?.success) return { meta: valid.data, sourceLine: plain.lines.get('source') ?? 1 };
  const lineCounter = new LineCounter();
  const doc = parseDocument(yaml, { lineCounter, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      problems: doc.errors.map((e) => {
        const line = lineCounter.linePos(e.pos[0]).line;
        return `${display(file)}:${line}: the YAML cannot be read (${e.message.split('\n')[0]}). Fix: correct the syntax on that line.`;
      }),
    };
  }
  const lineOf = (path: (string | number)[]): number => {
    for (let p = path; p.length > 0; p = p.slice(0, -1)) {
      const node = doc.getIn(p, true) as { range?: [number, number, number] } | undefined;
      if (node?.range) return lineCounter.linePos(node.range[0]).line;
    }
    return 1;
  };
  const result = noticeMetaSchema.safeParse(doc.toJS() ?? {});
  if (!result.success) {
    return {
      problems: result.error.issues.map((issue) => {
        const { field, message, fix } = describeIssue(issue);
        return `${display(file)}:${lineOf(issue.path)}: field "${field}" ${message}. Fix: ${fix}.`;
      }),
    };
  }
  return { meta: result.data, sourceLine: lineOf(['source']) };
}

/** One notice's files, read but not yet parsed (what a cache digest is computed from). */
export interface NoticeFiles {
  slug: string;
  metaFile: string;
  metaText: string;
  seedFile: string;
  seedBytes: Uint8Array | null;
}

/** A file's bytes, or null when there is no such file. */
function readIfPresent(file: string): Uint8Array | null {
  try {
    return readFileSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** One notice's metadata file, read, and where its seed is. */
export type NoticeListing = Omit<NoticeFiles, 'seedBytes'>;

/**
 * List the metadata files under `root`, each read, with the seed file it names (not yet read:
 * a large corpus is read one seed at a time, see `withSeed`).
 */
export function listNoticeFiles(root = contentRoot()): { files: NoticeListing[]; problems: string[] } {
  const metaDir = join(root, 'content', 'notices');
  const seedDir = join(root, 'seeds');
  const problems: string[] = [];
  if (!existsSync(metaDir)) return { files: [], problems: [`${display(metaDir)}: the folder is missing. Fix: create it and add one <slug>.yaml per notice.`] };
  const names = readdirSync(metaDir)
    .filter((n) => /\.ya?ml$/.test(n))
    .sort();
  const bySlug = new Map<string, string>();
  const files: NoticeListing[] = [];
  for (const name of names) {
    const slug = name.replace(/\.ya?ml$/, '');
    const metaFile = join(metaDir, name);
    if (!isValidSlug(slug)) {
      problems.push(`${display(metaFile)}: "${slug}" cannot be a slug. Fix: rename the file to lower-case letters, digits and hyphens, e.g. kelan-2023.yaml.`);
      continue;
    }
    const other = bySlug.get(slug);
    if (other) {
      problems.push(`${display(metaFile)}: the slug "${slug}" is already used by ${display(other)}. Fix: rename one of the two files.`);
      continue;
    }
    bySlug.set(slug, metaFile);
    const metaText = readFileSync(metaFile, 'utf8');
    const source = /^source:\s*["']?([^"'\n]+?)["']?\s*$/m.exec(metaText)?.[1] ?? `${slug}.txt`;
    files.push({ slug, metaFile, metaText, seedFile: join(seedDir, source) });
  }
  return { files, problems };
}

/** A listed notice with its seed's bytes read (null when the seed file is missing). */
export function withSeed(listing: NoticeListing): NoticeFiles {
  return { ...listing, seedBytes: readIfPresent(listing.seedFile) };
}

/** List the metadata files under `root` and read each with its seed. */
export function readNoticeFiles(root = contentRoot()): { files: NoticeFiles[]; problems: string[] } {
  const { files, problems } = listNoticeFiles(root);
  return { files: files.map(withSeed), problems };
}

/** Validate and parse one notice from its files. */
export function buildNotice(files: NoticeFiles): { notice: Notice } | { problems: string[] } {
  const parsed = parseMeta(files.metaText, files.metaFile);
  if ('problems' in parsed) return parsed;
  if (files.seedBytes === null) {
    return {
      problems: [
        `${display(files.metaFile)}:${parsed.sourceLine}: field "source" names ${display(files.seedFile)}, which does not exist. Fix: add the raw text there or correct "source".`,
      ],
    };
  }
  const seed = decodeSeed(files.seedBytes, files.seedFile);
  if ('problem' in seed) return { problems: [seed.problem] };
  return { notice: { slug: files.slug, ...parsed.meta, blocks: parseNotice(seed.text) } };
}

/** Every notice under `root`, sorted by slug; throws one ContentError listing every problem. */
export function loadNotices(root = contentRoot()): Notice[] {
  const { files, problems } = readNoticeFiles(root);
  const notices: Notice[] = [];
  const sources = new Map<string, string>();
  for (const f of files) {
    const used = sources.get(f.seedFile);
    if (used) problems.push(`${display(f.metaFile)}: ${display(f.seedFile)} is already the source of ${used}. Fix: give each notice its own seed file.`);
    sources.set(f.seedFile, f.slug);
    const result = buildNotice(f);
    if ('problems' in result) problems.push(...result.problems);
    else notices.push(result.notice);
  }
  if (problems.length > 0) throw new ContentError(problems);
  return notices;
}
