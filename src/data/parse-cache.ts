/**
 * Parsed notice bodies on disk, next to the content layer's store.
 *
 * The content layer keeps only each notice's metadata and a digest: Astro bundles its whole
 * store into the server build as one module, and with the blocks in it a 3,000-notice corpus
 * made a 114 MB module and a 4.8 GB build. The blocks live in `<cacheDir>/anquan-parsed/
 * <digest>.json` instead, keyed by the digest of the notice's files and of the parser's own
 * source, so a changed parser never serves a stale parse and an unchanged notice is never parsed
 * twice.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Block } from '../lib/types';
import { readJsonFile, writeJsonFile } from './compare-cache';

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

/** Where one digest's blocks are kept. */
export function parsedFile(cacheDir: string, digest: string): string {
  return join(cacheDir, 'anquan-parsed', `${digest}.json`);
}

/** The cached blocks, or undefined when the file is missing or unreadable. */
export function readParsed(file: string): Block[] | undefined {
  return readJsonFile<Block[]>(file);
}

/** Write blocks atomically: a crashed build leaves no half file. */
export function writeParsed(file: string, blocks: Block[]): void {
  writeJsonFile(file, blocks);
}
