/**
 * `tsx bench/search-index-memory.ts SITE [--cli]`: peak memory (process tree RSS) and time of
 * indexing a built site's search pages, written to a temporary folder (the site is only read).
 * Default: the site's indexer (scripts/search-index.ts, pre-segmented text); `--cli`: the plain
 * `pagefind` CLI with pagefind.yml (Pagefind's own Chinese segmentation), for comparison.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatBytes, formatMs, run } from './measure.ts';

const [site, flag] = process.argv.slice(2);
if (!site) throw new Error('usage: tsx bench/search-index-memory.ts SITE [--cli]');
const work = mkdtempSync(join(tmpdir(), 'search-index-'));
const out = join(work, 'pagefind');
const bin = join(process.cwd(), 'node_modules', '.bin');
const [command, args] =
  flag === '--cli'
    ? [join(bin, 'pagefind'), ['--site', site, '--output-path', out]]
    : [join(bin, 'tsx'), ['scripts/search-index.ts', '--site', site, '--output', out]];
try {
  const r = await run(command, args, { cwd: process.cwd() });
  if (r.code !== 0) throw new Error(`exited with ${r.code}:\n${r.tail}`);
  console.log(`${flag === '--cli' ? 'pagefind CLI' : 'scripts/search-index.ts'}: peak ${formatBytes(r.peakRss)}, ${formatMs(r.ms)} wall, ${r.cpuS.toFixed(0)} s CPU`);
  console.log(r.tail.split('\n').filter((l) => /Indexed \d+ pages|pages indexed/.test(l)).join('\n'));
} finally {
  rmSync(work, { recursive: true, force: true });
}
