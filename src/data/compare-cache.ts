/**
 * A cache on disk for comparison results, so a large corpus computes each pair once per content
 * change: the compare page, its JSON and its CSV (three routes, rendered in separate passes) read
 * the same entry (the JSON route its JSON bytes, the other two its structured-clone copy), and a
 * rebuild after a metadata change reuses every pair whose notices' blocks did not change. Keys are content digests (see `src/site/compare.ts`), so a
 * stale entry is never read for changed content; a change to the comparison code must bump
 * `COMPARE_CACHE_VERSION` there. Its atomic JSON file helpers also serve the parse cache
 * (`src/data/parse-cache.ts`).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
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
  writeAtomically(file, JSON.stringify(value));
}

function writeAtomically(file: string, data: string | Uint8Array): void {
  mkdirSync(dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, data);
  renameSync(temp, file);
}

/**
 * Values on disk by key, as JSON (`<key>.json`); a value read back whole by pages can also be kept
 * as V8's structured-clone bytes (`<key>.v8`), which `v8.deserialize` turns back into objects in
 * half the time of `JSON.parse` and without first decoding the text into one string: for a large
 * comparison that string is a few hundred kilobytes of fresh memory each time it is read.
 */
export class JsonDiskCache {
  constructor(readonly dir: string) {}

  private file(key: string, ext = 'json'): string {
    return join(this.dir, key.slice(0, 2), `${key}.${ext}`);
  }

  /** The cached value, or undefined when absent or unreadable (then it is recomputed). */
  get<T>(key: string): T | undefined {
    return readJsonFile<T>(this.file(key));
  }

  set(key: string, value: unknown): void {
    writeJsonFile(this.file(key), value);
  }

  /** The cached JSON as stored, undecoded (to splice into a download), or undefined when absent. */
  getBytes(key: string): Buffer | undefined {
    try {
      return readFileSync(this.file(key));
    } catch {
      return undefined;
    }
  }

  /** The value kept by `setStructured`, or undefined when absent or unreadable (then it is recomputed). */
  getStructured<T>(key: string): T | undefined {
    try {
      return deserialize(readFileSync(this.file(key, 'v8'))) as T;
    } catch {
      return undefined;
    }
  }

  /** Keep `value` as structured-clone bytes too, for `getStructured`. */
  setStructured(key: string, value: unknown): void {
    writeAtomically(this.file(key, 'v8'), serialize(value));
  }
}
