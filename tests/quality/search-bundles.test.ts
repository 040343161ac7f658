/**
 * A large site's search index is written in bundles (scripts/search-index.ts), each by a Pagefind
 * process of its own, and the search page merges them. The real site fits one bundle, so this indexes the
 * built site again in bundles of a few pages (SEARCH_SHARD_PAGES) and checks that together they
 * hold every searchable page once, that `shards.json` names every other bundle, and that no
 * Pagefind process outlives the script.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, inject, test } from 'vitest';
import { INDEX_LANGUAGE, SHARDS_FILE } from '../../src/lib/presegment';
import { REPO_ROOT } from '../helpers/build';
import { listPages } from '../helpers/dist';

const distDir = inject('distDir');
const work = mkdtempSync(join(REPO_ROOT, 'tmp', 'search-bundles-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Pages Pagefind counted in the bundle at `dir`. */
function pageCount(dir: string): number {
  const entry = JSON.parse(readFileSync(join(dir, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
  return entry.languages[INDEX_LANGUAGE]!.page_count;
}

/** Pagefind processes alive on this machine, from /proc. */
function pagefindProcesses(): string[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((name) => {
      try {
        return readFileSync(`/proc/${name}/comm`, 'utf8').startsWith('pagefind');
      } catch {
        return false; // ended meanwhile
      }
    });
}

function indexSite(output: string, pagesPerBundle: number): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(join(REPO_ROOT, 'node_modules', '.bin', 'tsx'), ['scripts/search-index.ts', '--site', distDir, '--output', output], {
      cwd: REPO_ROOT,
      env: { ...process.env, SEARCH_SHARD_PAGES: String(pagesPerBundle) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let text = '';
    child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (text += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output: text }));
  });
}

test('bundles hold every searchable page once, and shards.json names them all', { timeout: 240_000 }, async () => {
  const searchable = listPages(distDir).filter((file) => /^(notices|terms)\//.test(file));
  expect(searchable.length).toBeGreaterThan(20);
  const perBundle = Math.ceil(searchable.length / 3);
  const output = join(work, 'pagefind');
  const result = await indexSite(output, perBundle);
  expect(result.code, result.output).toBe(0);
  expect(result.output).toContain(`${searchable.length} pages indexed`);
  // Every bundle's Pagefind process has exited and been reaped by the script, so whoever times
  // it (the bench, /usr/bin/time) counts them all.
  expect(pagefindProcesses()).toEqual([]);

  const bundles = readdirSync(work).filter((name) => /^pagefind(-\d+)?$/.test(name)).sort();
  expect(bundles).toEqual(['pagefind', 'pagefind-2', 'pagefind-3']);
  const shards = JSON.parse(readFileSync(join(output, SHARDS_FILE), 'utf8')) as { merge: string[] };
  expect(shards.merge).toEqual(['pagefind-2', 'pagefind-3']);
  const counts = bundles.map((name) => pageCount(join(work, name)));
  for (const count of counts) expect(count).toBeGreaterThan(0);
  // The site's own index, one bundle of the same pages, counts as many (the pages without
  // data-pagefind-body, such as the glossary's index, are in neither).
  const whole = pageCount(join(distDir, 'pagefind'));
  expect(whole).toBeGreaterThan(20);
  expect(counts.reduce((a, b) => a + b, 0)).toBe(whole);

  // Indexing again into fewer bundles leaves none of the earlier ones to be merged by mistake.
  const again = await indexSite(output, searchable.length);
  expect(again.code, again.output).toBe(0);
  expect(readdirSync(work).filter((name) => /^pagefind(-\d+)?$/.test(name))).toEqual(['pagefind']);
  expect(JSON.parse(readFileSync(join(output, SHARDS_FILE), 'utf8'))).toEqual({ merge: [] });
  expect(existsSync(join(work, 'pagefind-2'))).toBe(false);
});
