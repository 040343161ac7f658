/**
 * A JSON cache on disk for comparison results, so a large corpus computes each pair once per
 * content change: the compare page, its JSON and its CSV (three routes, rendered in separate
 * passes) read the same file, and a rebuild after a metadata change reuses every pair whose
 * notices' blocks did not change. Keys are content digests (see `src/site/compare.ts`), so a
 * stale entry is never read for changed content; a change to the comparison code must bump
 * `COMPARE_CACHE_VERSION` there. Its atomic JSON file helpers also serve the parse cache
 * (`src/data/parse-cache.ts`).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { decodeUtf8 } from './utf8';

/** Where the cache lives: `COMPARE_CACHE_DIR`, else `node_modules/.cache/anquan-compare`. */
export function compareCacheDir(): string {
  return process.env.COMPARE_CACHE_DIR || join(process.cwd(), 'node_modules', '.cache', 'anquan-compare');
}

/** A short stable digest of some strings (SHA-1, hex). */
export function digest(...parts: string[]): string {
  const hash = createHash('sha1');
  for (const part of parts) hash.update(part).update('\u0000');
  return hash.digest('hex');
}

/** A JSON file's value, or undefined when it is absent or unreadable (the caller recomputes it). */
export function readJsonFile<T>(file: string): T | undefined {
  try {
    return JSON.parse(decodeUtf8(readFileSync(file))) as T;
  } catch {
    return undefined;
  }
}

/** Write a JSON file atomically (temp file, then rename), so a crashed build leaves no half file. */
export function writeJsonFile(file: string, value: unknown): void {
  mkdirSync(dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, JSON.stringify(value));
  renameSync(temp, file);
}

export class JsonDiskCache {
  constructor(readonly dir: string) {}

  private file(key: string): string {
    return join(this.dir, key.slice(0, 2), `${key}.json`);
  }

  /** The cached value, or undefined when absent or unreadable (then it is recomputed). */
  get<T>(key: string): T | undefined {
    return readJsonFile<T>(this.file(key));
  }

  set(key: string, value: unknown): void {
    writeJsonFile(this.file(key), value);
  }

  /** The cached JSON text as stored, unparsed (to splice into a download), or undefined when absent. */
  getText(key: string): string | undefined {
    try {
      return readFileSync(this.file(key), 'utf8');
    } catch {
      return undefined;
    }
  }
}
