/**
 * Two builds from the same input are identical, file for file and byte for byte: a second
 * build (astro + pagefind, as `npm run build`) is compared with the one the other site tests use.
 */
import { rm } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { buildSite, makeBuildDir } from '../helpers/build';
import { listFiles } from '../helpers/dist';

const firstDir = inject('distDir');
let secondDir: string | undefined;

beforeAll(async () => {
  secondDir = await makeBuildDir('rebuild');
  await buildSite({ outDir: secondDir });
});
afterAll(async () => {
  if (secondDir) await rm(secondDir, { recursive: true, force: true });
});

describe('deterministic build', () => {
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
