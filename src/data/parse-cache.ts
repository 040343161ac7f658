/**
 * Parsed notice bodies on disk, next to the content layer's store.
 *
 * The content layer keeps only each notice's metadata and a digest: Astro bundles its whole
 * store into the server build as one module, and with the blocks in it a 3,000-notice corpus
 * made a 114 MB module and a 4.8 GB build. The blocks live in `<cacheDir>/anquan-parsed/
 * <digest>.v8` instead, keyed by the digest of the notice's files and of the parser's own
 * source, so a changed parser never serves a stale parse and an unchanged notice is never parsed
 * twice.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { Block } from '../lib/types';

/** The files whose code decides what a parse gives: a change to any of them re-parses everything. */
export const PARSER_FILES = [
  'src/lib/parse.ts',
  'src/lib/numbering.ts',
  'src/lib/furniture.ts',
  'src/lib/table.ts',
  'src/lib/text.ts',
  'src/lib/types.ts',
  'src/data/notices.ts',
  'src/schemas/notice.ts',
];

/** Digest of the parser's source under `root` (a missing file counts as empty). */
export function parserDigest(root: string): string {
  const hash = createHash('sha1');
  for (const file of PARSER_FILES) {
    const path = join(root, file);
    hash.update(file).update('\u0000');
    if (existsSync(path)) hash.update(readFileSync(path));
    hash.update('\u0000');
  }
  return hash.digest('hex');
}

/**
 * Digest of one notice's files under a parser digest: what its cached parse is keyed by. Hashed
 * as bytes: the content layer's `generateDigest` takes a string, and a notice's files as one
 * string (base64 seed, CJK metadata) cost ~1 ms to encode per notice.
 */
export function noticeFilesDigest(parser: string, metaText: string, seedBytes: Uint8Array | null): string {
  return createHash('sha1')
    .update(parser)
    .update('\u0000')
    .update(metaText)
    .update('\u0000')
    .update(seedBytes ?? new Uint8Array())
    .digest('hex');
}

/**
 * Blocks parsed in this build, by cache file, for the pages to take instead of reading the file
 * back: the loader runs in the build's own process, but its modules are not the pages' (Vite
 * loads the content config; the pages are the built server bundle), so the hand-over is a
 * process global. A rebuild finds nothing here and reads the files.
 */
const PARSED_NOW = Symbol.for('anquan-notices.parsed-this-build');

function parsedNow(): Map<string, Block[]> {
  const g = globalThis as { [PARSED_NOW]?: Map<string, Block[]> };
  return (g[PARSED_NOW] ??= new Map());
}

/** Keep blocks the loader just parsed for this build's pages (see `takeParsed`). */
export function keepParsed(file: string, blocks: Block[]): void {
  parsedNow().set(file, blocks);
}

/** The blocks of a cache file: parsed in this build (handed over once), else read from disk. */
export function takeParsed(file: string): Block[] | undefined {
  const now = parsedNow();
  const blocks = now.get(file);
  if (blocks) {
    now.delete(file);
    return blocks;
  }
  return readParsed(file);
}

/** Where one digest's blocks are kept. */
export function parsedFile(cacheDir: string, digest: string): string {
  return join(cacheDir, 'anquan-parsed', `${digest}.v8`);
}

/**
 * The cached blocks, or undefined when the file is missing or unreadable. Kept in V8's
 * serialization format, not JSON: a rebuild reads every notice back, and this reads in under
 * half the time (0.14 against 0.33 ms a notice, 44 against 120 KB).
 */
export function readParsed(file: string): Block[] | undefined {
  try {
    const blocks: unknown = deserialize(readFileSync(file));
    return Array.isArray(blocks) ? (blocks as Block[]) : undefined;
  } catch {
    return undefined;
  }
}

/** Write blocks atomically (temp file, then rename): a crashed build leaves no half file. */
export function writeParsed(file: string, blocks: Block[]): void {
  mkdirSync(dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, serialize(blocks));
  renameSync(temp, file);
}
