/**
 * A JSON cache on disk for comparison results, so a large corpus computes each pair once per
 * content change: the compare page, its JSON and its CSV (three routes, rendered in separate
 * passes) read the same file, and a rebuild after a metadata change reuses every pair whose
 * notices' blocks did not change. Keys are content digests (see `src/site/compare.ts`), so a
 * stale entry is never read for changed content; a change to the comparison code must bump
 * `COMPARE_CACHE_VERSION` there.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

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

export class JsonDiskCache {
  constructor(readonly dir: string) {}

  private file(key: string): string {
    return join(this.dir, key.slice(0, 2), `${key}.json`);
  }

  /** The cached value, or undefined when absent or unreadable (then it is recomputed). */
  get<T>(key: string): T | undefined {
    try {
      return JSON.parse(readFileSync(this.file(key), 'utf8')) as T;
    } catch {
      return undefined;
    }
  }

  /** Writes atomically (temp file, then rename), so a crashed build leaves no half file. */
  set(key: string, value: unknown): void {
    const file = this.file(key);
    mkdirSync(join(this.dir, key.slice(0, 2)), { recursive: true });
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, JSON.stringify(value));
    renameSync(temp, file);
  }
}
