/**
 * Two builds from the same input are identical, file for file and byte for byte: a second
 * build (astro + pagefind, as `npm run build`) is compared with the one the other site tests use.
 * The second keeps its comparisons in an empty disk cache (`COMPARE_CACHE_DIR`), as a large
 * corpus does, so the cached path (JSON downloads spliced from the stored bytes) must give the
 * same site. (Comparisons read back from disk: tests/data/compare-cache.test.ts.)
 */
import { rm } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { buildSite, makeBuildDir } from '../helpers/build';
import { listFiles } from '../helpers/dist';

const firstDir = inject('distDir');
let secondDir: string | undefined;

beforeAll(async () => {
  secondDir = await makeBuildDir('rebuild');
  await buildSite({ outDir: secondDir, compareCacheDir: join(secondDir, '..', `${basename(secondDir)}-compare-cache`) });
});
afterAll(async () => {
  if (secondDir) {
    await rm(secondDir, { recursive: true, force: true });
    await rm(join(secondDir, '..', `${basename(secondDir)}-compare-cache`), { recursive: true, force: true });
  }
});

describe('deterministic build', () => {
  test('the second build kept its comparisons on disk', () => {
    const cache = listFiles(join(secondDir!, '..', `${basename(secondDir!)}-compare-cache`));
    const pairs = listFiles(join(firstDir, 'data', 'compare')).filter((f) => f.endsWith('.csv')).length;
    expect(pairs).toBeGreaterThan(0);
    // Per pair: the "also in" links, the summary and the comparison, and the comparison's
    // structured-clone copy that the page and CSV read.
    expect(cache.filter((f) => f.endsWith('.json'))).toHaveLength(3 * pairs);
    expect(cache.filter((f) => f.endsWith('.v8'))).toHaveLength(pairs);
  });

  test('a second build has the same files', () => {
    expect(listFiles(secondDir!)).toEqual(listFiles(firstDir));
  });

  test('and every file has the same bytes', () => {
    const differing = listFiles(firstDir).filter((file) => {
      let second: Buffer;
      try {
        second = readFileSync(join(secondDir!, file));
      } catch {
        return false; // a missing file is reported by the test above
      }
      return !readFileSync(join(firstDir, file)).equals(second);
    });
    expect(differing).toEqual([]);
  });
});
