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
 *
 * The pages read a notice's blocks from its pack when they need them (`readParsed`), a cold
 * build's as much as a rebuild's; nothing holds every notice's blocks. At 3,000 notices those
 * blocks were ~210 MB of heap, and on the machines this is built on every megabyte a process
 * touches for the first time costs ~3 ms (a page fault is ~12 µs): holding them cost ~0.25 ms a
 * notice, reading a record back costs ~0.03 ms (issue #6).
 */
import { createHash, randomUUID } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { Block, FurnitureRole, Notice, NoticeMeta, ParagraphBlock } from '../lib/types';

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
const PACK_FORMAT = 'pack-3: binary records of encodeBlocks strings and numbers (see writeRecord)';

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
 * in a fixed order by type: a record holds no keys (see `writeRecord`), and a notice has a
 * hundred or more blocks.
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

/** Marks the start of a record (`PK3\u0001`): a reference into anything else reads as nothing. */
const RECORD_MAGIC = 0x01334b50;

/** A record's fixed part: the magic, then the digest's length, string count, number count and text length. */
const RECORD_HEAD = 20;

/**
 * Write one notice's blocks as a record at `at` in `out`, or, when they do not fit there, write
 * nothing and return the size they need as a negative number. Little endian:
 *
 *   u32 RECORD_MAGIC · u32 digest bytes D · u32 strings S · u32 numbers N · u32 text units T
 *   D bytes: the digest (ASCII) · S × u32: each string's length · N × i32: the numbers
 *   T × u16: the strings end to end, UTF-16
 *
 * `v8.serialize` of the same strings and numbers took ~0.1 ms a notice to write and ~0.06 to
 * read back at 3,000 notices, each string a value of its own, and a new buffer for every record.
 * Here a notice's strings are joined and copied as one, into the writer's buffer, and read back
 * as one string that the blocks' texts are slices of.
 */
export function writeRecord(out: Buffer, at: number, digest: string, blocks: readonly Block[]): number {
  const { strings, numbers } = encodeBlocks(blocks);
  const text = strings.join('');
  const digestBytes = Buffer.byteLength(digest, 'latin1');
  const size = RECORD_HEAD + digestBytes + 4 * (strings.length + numbers.length) + 2 * text.length;
  if (at + size > out.length) return -size;
  let p = out.writeUInt32LE(RECORD_MAGIC, at);
  p = out.writeUInt32LE(digestBytes, p);
  p = out.writeUInt32LE(strings.length, p);
  p = out.writeUInt32LE(numbers.length, p);
  p = out.writeUInt32LE(text.length, p);
  p += out.write(digest, p, 'latin1');
  for (const string of strings) p = out.writeUInt32LE(string.length, p);
  for (const number of numbers) p = out.writeInt32LE(number, p);
  out.write(text, p, 'utf16le');
  return size;
}

/**
 * The blocks of the record `bytes` holds (exactly one record), or undefined when it is not one
 * written under `digest`: another layout, another digest, cut short or too long.
 */
export function readRecord(bytes: Buffer, digest: string): Block[] | undefined {
  if (bytes.length < RECORD_HEAD || bytes.readUInt32LE(0) !== RECORD_MAGIC) return undefined;
  const digestBytes = bytes.readUInt32LE(4);
  const count = bytes.readUInt32LE(8);
  const numberCount = bytes.readUInt32LE(12);
  const units = bytes.readUInt32LE(16);
  if (bytes.length !== RECORD_HEAD + digestBytes + 4 * (count + numberCount) + 2 * units) return undefined;
  let p = RECORD_HEAD + digestBytes;
  if (bytes.toString('latin1', RECORD_HEAD, p) !== digest) return undefined;
  const lengths = p;
  p += 4 * count;
  const numbers = new Array<number>(numberCount);
  for (let i = 0; i < numberCount; i++, p += 4) numbers[i] = bytes.readInt32LE(p);
  const text = bytes.toString('utf16le', p, p + 2 * units);
  const strings = new Array<string>(count);
  let from = 0;
  for (let i = 0; i < count; i++) {
    const to = from + bytes.readUInt32LE(lengths + 4 * i);
    if (to > units) return undefined;
    strings[i] = text.slice(from, to);
    from = to;
  }
  if (from !== units) return undefined;
  try {
    return decodeBlocks(strings, numbers);
  } catch {
    return undefined;
  }
}

/** Packs open for reading, by file. Pack names are never reused, so an open one stays right. */
const openPacks = new Map<string, number>();

/** The buffer records are read into, grown to the longest record read so far. */
let readBuffer = Buffer.allocUnsafeSlow(1 << 16);

/**
 * The cached blocks, or undefined when the pack is missing, too short, or holds something else
 * there (the record names the digest it was parsed under, and it must be the reference's). Each
 * call reads the record again and makes new blocks.
 */
export function readParsed(ref: ParsedRef): Block[] | undefined {
  try {
    let fd = openPacks.get(ref.file);
    if (fd === undefined) openPacks.set(ref.file, (fd = openSync(ref.file, 'r')));
    if (ref.length > readBuffer.length) readBuffer = Buffer.allocUnsafeSlow(Math.max(ref.length, 2 * readBuffer.length));
    if (readSync(fd, readBuffer, 0, ref.length, ref.offset) !== ref.length) return undefined;
    return readRecord(readBuffer.subarray(0, ref.length), ref.digest);
  } catch {
    return undefined;
  }
}

/** Close the packs `readParsed` opened. */
export function closePacks(): void {
  for (const fd of openPacks.values()) closeSync(fd);
  openPacks.clear();
}

/**
 * The notice whose blocks were read last, which keeps them: a page or a list asks for them
 * several times in a row. Kept longer, blocks outlive the young generation's collections and are
 * copied to the old one: building the notice pages at 3,000 notices took 1.32–1.35 ms a page with
 * the last notice kept, 1.45–1.49 with the last 2, and 1.62–1.70 with the last 8.
 */
let lastRead: { notice: Notice; blocks: Block[] } | undefined;

/**
 * A notice whose `blocks` are read from its pack record when asked for (keys in the order of
 * `{ ...meta, blocks }`). The notice asked for last keeps them, so code asking again in a row gets
 * the same array; later, a notice reads its blocks anew. When its record cannot be read,
 * `parseAgain` gives the blocks, and the notice keeps them.
 */
export function withParsedBlocks(meta: NoticeMeta, ref: ParsedRef, parseAgain: () => Block[]): Notice {
  const notice = { ...meta } as Notice;
  const blocksOf = (): Block[] => {
    if (lastRead?.notice === notice) return lastRead.blocks;
    const blocks = readParsed(ref);
    if (!blocks) {
      const again = parseAgain();
      Object.defineProperty(notice, 'blocks', { value: again, enumerable: true });
      return again;
    }
    lastRead = { notice, blocks };
    return blocks;
  };
  return Object.defineProperty(notice, 'blocks', { enumerable: true, configurable: true, get: blocksOf });
}

/** How much a pack writer holds before it writes: one system call per megabyte, not per notice. */
const PACK_WRITE_BYTES = 1 << 20;

/**
 * Appends parsed notices to one new pack. It is written under a temporary name and renamed by
 * `close()`: a build that stops half way leaves no pack its store could point into (a reference
 * to a missing pack is parsed again). Records are written into one buffer, reused, and the
 * buffer a megabyte at a time; a reference is only read once its build has finished loading,
 * after `close()`.
 */
export class PackWriter {
  readonly file: string;
  private readonly dir: string;
  private readonly temp: string;
  private fd: number | undefined;
  private offset = 0;
  private buffer: Buffer | undefined;
  private used = 0;

  constructor(cacheDir: string) {
    this.dir = packDir(cacheDir);
    this.file = join(this.dir, `${Date.now().toString(36)}-${randomUUID().slice(0, 8)}.pack`);
    this.temp = `${this.file}.tmp`;
  }

  /** Append one notice's blocks; returns where they are. */
  add(digest: string, blocks: readonly Block[]): ParsedRef {
    if (this.fd === undefined) {
      mkdirSync(this.dir, { recursive: true });
      this.fd = openSync(this.temp, 'w');
    }
    this.buffer ??= Buffer.allocUnsafeSlow(PACK_WRITE_BYTES);
    let size = writeRecord(this.buffer, this.used, digest, blocks);
    if (size < 0) {
      this.flush();
      // A notice larger than the buffer gets a buffer of its own size.
      if (-size > this.buffer.length) this.buffer = Buffer.allocUnsafeSlow(-size);
      size = writeRecord(this.buffer, 0, digest, blocks);
    }
    this.used += size;
    const ref = { file: this.file, offset: this.offset, length: size, digest };
    this.offset += size;
    return ref;
  }

  private flush(): void {
    if (this.fd === undefined || this.buffer === undefined) return;
    for (let done = 0; done < this.used; ) done += writeSync(this.fd, this.buffer, done, this.used - done);
    this.used = 0;
  }

  /** Finish the pack (nothing is written when nothing was added). */
  close(): void {
    if (this.fd === undefined) return;
    this.flush();
    closeSync(this.fd);
    this.fd = undefined;
    this.buffer = undefined;
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
