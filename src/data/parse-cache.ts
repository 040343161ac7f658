/**
 * Parsed notice bodies on disk, next to the content layer's store.
 *
 * The content layer keeps only each notice's metadata, a digest and where its parsed blocks
 * are: Astro bundles its whole store into the server build as one module, and with the blocks in
 * it a 3,000-notice corpus made a 114 MB module and a 4.8 GB build. The blocks live in pack files,
 * `<cacheDir>/anquan-parsed/<name>.pack`: each build that parses anything appends what it parsed
 * to one new pack, and each store entry names its stretch of a pack (`ParsedRef`). The digest
 * covers the notice's files, the parser's own source and the pack layout, so a changed parser
 * never serves a stale parse and an unchanged notice is never parsed twice.
 *
 * One file per build, not per notice: at 3,000 notices, a file each (write to a temporary name,
 * rename) cost ~0.5 ms a notice in system calls on a cold build, and opening each again ~0.2 ms
 * on a rebuild.
 */
import { createHash, randomUUID } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { Block, FurnitureRole, ParagraphBlock } from '../lib/types';

/** The files whose code decides what a parse gives: a change to any of them re-parses everything. */
export const PARSER_FILES = [
  'src/lib/parse.ts',
  'src/lib/numbering.ts',
  'src/lib/furniture.ts',
  'src/lib/table.ts',
  'src/lib/text.ts',
  'src/lib/types.ts',
  'src/data/notices.ts',
  'src/data/plain-yaml.ts',
  'src/data/utf8.ts',
  'src/schemas/notice.ts',
];

/** How packs are laid out; part of every notice's digest, so a new layout re-parses everything. */
const PACK_FORMAT = 'pack-2: v8-serialized [digest, strings, numbers] records (see encodeBlocks)';

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
    .update(PACK_FORMAT)
    .update('\u0000')
    .update(parser)
    .update('\u0000')
    .update(metaText)
    .update('\u0000')
    .update(seedBytes ?? new Uint8Array())
    .digest('hex');
}

/**
 * A notice's blocks as two flat arrays, one of strings and one of numbers, each block's fields
 * in a fixed order by type. `v8.serialize` writes every object with its keys, and a notice has
 * a hundred or more blocks: at 3,000 generated notices a pack record took ~104 µs to write
 * against ~159 as objects, and ~100 µs to read back and decode against 190–260.
 *
 * `decodeBlocks` builds each block with the parser's own key order, so what the pages and the
 * open data get from a cached parse is the same, down to the JSON, as a fresh one. A field added
 * to a block type must be added here too: the types make a missing required field a compile
 * error, and tests/data/parse-cache.test.ts round-trips every block of the seeds and of a
 * generated corpus, JSON against JSON.
 */
export function encodeBlocks(blocks: readonly Block[]): { strings: string[]; numbers: number[] } {
  const strings: string[] = [];
  const numbers: number[] = [blocks.length];
  for (const b of blocks) {
    strings.push(b.type, b.id, b.text);
    numbers.push(b.line);
    switch (b.type) {
      case 'heading':
        strings.push(b.number, b.title);
        numbers.push(b.depth);
        break;
      case 'paragraph':
        // 0: no responsibility note; 1: one, next in the strings.
        numbers.push(b.responsibility === undefined ? 0 : 1);
        if (b.responsibility !== undefined) strings.push(b.responsibility);
        break;
      case 'furniture':
        strings.push(b.role);
        break;
      case 'table':
        numbers.push(b.rows.length);
        for (const row of b.rows) {
          numbers.push(row.length);
          for (const cell of row) strings.push(cell);
        }
        break;
    }
  }
  return { strings, numbers };
}

/** The blocks `encodeBlocks` wrote; throws on arrays it did not write. */
export function decodeBlocks(strings: readonly string[], numbers: readonly number[]): Block[] {
  let s = 0;
  let n = 0;
  const text = (): string => {
    const value = strings[s++];
    if (typeof value !== 'string') throw new Error('parse cache: record ends early');
    return value;
  };
  const number = (): number => {
    const value = numbers[n++];
    if (typeof value !== 'number') throw new Error('parse cache: record ends early');
    return value;
  };
  const count = number();
  const blocks: Block[] = [];
  for (let i = 0; i < count; i++) {
    const type = text();
    const id = text();
    const body = text();
    const line = number();
    if (type === 'heading') {
      const label = text();
      const title = text();
      blocks.push({ id, type, depth: number(), number: label, title, text: body, line });
    } else if (type === 'paragraph') {
      const block: ParagraphBlock = { id, type, text: body, line };
      if (number() === 1) block.responsibility = text();
      blocks.push(block);
    } else if (type === 'furniture') {
      blocks.push({ id, type, role: text() as FurnitureRole, text: body, line });
    } else if (type === 'table') {
      const rows: string[][] = [];
      for (let r = number(); r > 0; r--) {
        const row: string[] = [];
        for (let c = number(); c > 0; c--) row.push(text());
        rows.push(row);
      }
      blocks.push({ id, type, rows, text: body, line });
    } else {
      throw new Error(`parse cache: unknown block type ${JSON.stringify(type)}`);
    }
  }
  if (s !== strings.length || n !== numbers.length) throw new Error('parse cache: record longer than its blocks');
  return blocks;
}

/** Where one notice's parsed blocks are kept: a stretch of a pack file, and the digest they were parsed under. */
export interface ParsedRef {
  file: string;
  offset: number;
  length: number;
  digest: string;
}

/** The folder of the pack files under a cache directory. */
export function packDir(cacheDir: string): string {
  return join(cacheDir, 'anquan-parsed');
}

/**
 * Blocks parsed in this build, for the pages to take instead of reading them back: the loader
 * runs in the build's own process, but its modules are not the pages' (Vite loads the content
 * config; the pages are the built server bundle), so the hand-over is a process global. A
 * rebuild finds nothing here and reads the packs.
 */
const PARSED_NOW = Symbol.for('anquan-notices.parsed-this-build');

function parsedNow(): Map<string, Block[]> {
  const g = globalThis as { [PARSED_NOW]?: Map<string, Block[]> };
  return (g[PARSED_NOW] ??= new Map());
}

const refKey = (ref: ParsedRef) => `${ref.file}@${ref.offset}`;

/** Keep blocks the loader just parsed for this build's pages (see `takeParsed`). */
export function keepParsed(ref: ParsedRef, blocks: Block[]): void {
  parsedNow().set(refKey(ref), blocks);
}

/** The blocks of a reference: parsed in this build (handed over once), else read from its pack. */
export function takeParsed(ref: ParsedRef): Block[] | undefined {
  const now = parsedNow();
  const blocks = now.get(refKey(ref));
  if (blocks) {
    now.delete(refKey(ref));
    return blocks;
  }
  return readParsed(ref);
}

/** Packs open for reading, by file: a rebuild reads every notice, one stretch at a time. */
const openPacks = new Map<string, number>();

/**
 * The cached blocks, or undefined when the pack is missing, too short, or holds something else
 * there (the record names the digest it was parsed under, and it must be the reference's).
 */
export function readParsed(ref: ParsedRef): Block[] | undefined {
  try {
    let fd = openPacks.get(ref.file);
    if (fd === undefined) openPacks.set(ref.file, (fd = openSync(ref.file, 'r')));
    const bytes = Buffer.allocUnsafe(ref.length);
    if (readSync(fd, bytes, 0, ref.length, ref.offset) !== ref.length) return undefined;
    const record = deserialize(bytes) as unknown;
    if (!Array.isArray(record) || record[0] !== ref.digest || !Array.isArray(record[1]) || !Array.isArray(record[2])) return undefined;
    return decodeBlocks(record[1] as string[], record[2] as number[]);
  } catch {
    return undefined;
  }
}

/** Close the packs `readParsed` opened (once every notice has been read). */
export function closePacks(): void {
  for (const fd of openPacks.values()) closeSync(fd);
  openPacks.clear();
}

/** How much a pack writer holds before it writes: one system call per megabyte, not per notice. */
const PACK_WRITE_BYTES = 1 << 20;

/**
 * Appends parsed notices to one new pack. It is written under a temporary name and renamed by
 * `close()`: a build that stops half way leaves no pack its store could point into (a reference
 * to a missing pack is parsed again). Records are written a megabyte at a time; a reference is
 * only read once its build has finished loading, after `close()`.
 */
export class PackWriter {
  readonly file: string;
  private readonly dir: string;
  private readonly temp: string;
  private fd: number | undefined;
  private offset = 0;
  private pending: Buffer[] = [];
  private pendingBytes = 0;

  constructor(cacheDir: string) {
    this.dir = packDir(cacheDir);
    this.file = join(this.dir, `${Date.now().toString(36)}-${randomUUID().slice(0, 8)}.pack`);
    this.temp = `${this.file}.tmp`;
  }

  /** Append one notice's blocks; returns where they are. */
  add(digest: string, blocks: Block[]): ParsedRef {
    if (this.fd === undefined) {
      mkdirSync(this.dir, { recursive: true });
      this.fd = openSync(this.temp, 'w');
    }
    const { strings, numbers } = encodeBlocks(blocks);
    const bytes = serialize([digest, strings, numbers]);
    this.pending.push(bytes);
    this.pendingBytes += bytes.length;
    if (this.pendingBytes >= PACK_WRITE_BYTES) this.flush();
    const ref = { file: this.file, offset: this.offset, length: bytes.length, digest };
    this.offset += bytes.length;
    return ref;
  }

  private flush(): void {
    if (this.fd === undefined || this.pendingBytes === 0) return;
    const bytes = this.pending.length === 1 ? this.pending[0]! : Buffer.concat(this.pending, this.pendingBytes);
    for (let done = 0; done < bytes.length; ) done += writeSync(this.fd, bytes, done, bytes.length - done);
    this.pending = [];
    this.pendingBytes = 0;
  }

  /** Finish the pack (nothing is written when nothing was added). */
  close(): void {
    if (this.fd === undefined) return;
    this.flush();
    closeSync(this.fd);
    this.fd = undefined;
    renameSync(this.temp, this.file);
  }
}

/** A temporary pack this old belongs to a build that stopped, not to one still running. */
const STALE_TEMP_MS = 24 * 60 * 60 * 1000;

/**
 * Delete what no store entry points to any more: packs every notice of which was parsed again
 * or removed, and the one-file-per-notice cache of earlier builds. Temporary files are left to
 * their own build unless a day old.
 */
export function dropUnusedPacks(cacheDir: string, used: ReadonlySet<string>): number {
  const dir = packDir(cacheDir);
  if (!existsSync(dir)) return 0;
  let dropped = 0;
  for (const name of readdirSync(dir)) {
    const file = join(dir, name);
    if (used.has(file) || (name.endsWith('.tmp') && Date.now() - statSync(file).mtimeMs < STALE_TEMP_MS)) continue;
    rmSync(file, { force: true });
    dropped++;
  }
  return dropped;
}
