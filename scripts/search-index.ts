/**
 * `tsx scripts/search-index.ts [--site dist] [--output DIR]`: the Pagefind index of a built site
 * (the second half of `npm run build`), written to `<site>/pagefind/` (the search page loads it
 * from there; `--output` elsewhere is for measuring).
 *
 * Only the pages readers search are indexed: notice and term pages (their <main> carries
 * data-pagefind-body). Pagefind would otherwise parse every HTML file, the ~4 compare pages per
 * notice included (on 300 notices: 4.9 GB and 3 min instead of 1.4 GB and 24 s).
 *
 * Each page's text is pre-segmented with the project's tokenizer (src/lib/presegment.ts) and
 * indexed as a language Pagefind splits on white space (INDEX_LANGUAGE), through Pagefind's Node
 * API: its own Chinese segmentation needs ~4 MB per notice page, which does not fit 3,000
 * notices in 4 GB. The search page segments the query with the same tokenizer.
 *
 * Pagefind's memory still grows with the pages of one index, most of it while writing the files:
 * the pages are indexed in bundles of at most PAGES_PER_SHARD, each in a Pagefind process of its
 * own, `pagefind/` first, then `pagefind-2/` …; `pagefind/shards.json` names the others and the
 * search page merges them.
 */
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import * as pagefind from 'pagefind';
import { glossaryForms, loadGlossary } from '../src/data/glossary.ts';
import { INDEX_LANGUAGE, PAGES_PER_SHARD, SHARDS_FILE, presegmentHtml, type SearchShards } from '../src/lib/presegment.ts';
import { buildMatcher, type TermMatcher } from '../src/lib/terms.ts';

/** Pages sent to Pagefind before waiting for the oldest to be indexed. */
const IN_FLIGHT = 8;

/** Folders of the built site holding the searchable pages. */
const SEARCHABLE = ['notices', 'terms'];

/** Every `.html` file under `dir`, as paths relative to `site`. */
function htmlFiles(site: string, dir: string): string[] {
  let entries;
  try {
    entries = readdirSync(join(site, dir), { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return htmlFiles(site, path);
    return e.name.endsWith('.html') ? [path] : [];
  });
}

/** The URL Pagefind would give the file: `notices/x/index.html` → `/notices/x/`. */
function urlOf(file: string): string {
  return `/${file.split('\\').join('/').replace(/(^|\/)index\.html$/, '$1')}`;
}

function fail(message: string): never {
  console.error(`search-index: ${message}`);
  process.exit(1);
}

/** Split `files` into `k` runs of nearly equal length, in order. */
function splitEvenly<T>(items: T[], k: number): T[][] {
  const size = Math.ceil(items.length / k);
  return Array.from({ length: k }, (_, i) => items.slice(i * size, (i + 1) * size)).filter((part) => part.length > 0);
}

/** Index `files` of `site` into one Pagefind bundle at `output`, in a Pagefind process of its own. */
async function writeBundle(site: string, files: string[], output: string, matcher: TermMatcher): Promise<void> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: INDEX_LANGUAGE });
  if (!index) fail(`Pagefind could not create an index: ${errors.join('; ')}`);
  // Segmenting (here) and indexing (Pagefind's process) overlap: a few pages are in flight at once.
  const inFlight = new Set<Promise<void>>();
  for (const file of files) {
    const html = readFileSync(join(site, file), 'utf8');
    const added = index.addHTMLFile({ url: urlOf(file), content: presegmentHtml(html, matcher) }).then(({ errors: e }) => {
      if (e.length) fail(`${relative(process.cwd(), join(site, file))}: ${e.join('; ')}`);
    });
    inFlight.add(added);
    void added.finally(() => inFlight.delete(added));
    if (inFlight.size >= IN_FLIGHT) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);
  const written = await index.writeFiles({ outputPath: output });
  if (written.errors.length) fail(`writing ${output}: ${written.errors.join('; ')}`);
  // Closing stops Pagefind's process: the next bundle starts from an empty one, so the memory
  // peak is one bundle's, whatever the number of bundles.
  await pagefind.close();
  await pagefindGone();
}

/** Pagefind processes whose parent is this one, from /proc (none where there is no /proc). */
function pagefindPids(): number[] {
  let names: string[];
  try {
    names = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return [];
  }
  return names.filter((name) => {
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const command = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      return command.startsWith('pagefind') && Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === process.pid;
    } catch {
      return false; // ended meanwhile
    }
  }).map(Number);
}

/**
 * Wait until Pagefind's process, stopped by `pagefind.close()` (which only signals it), has
 * exited and been reaped: its memory is free before the next bundle's starts, and its CPU time
 * reaches whoever times this script. Without this the last bundle's Pagefind outlived this
 * process, and `/usr/bin/time` (the bench's CPU figures) never counted it: ~23 s at 3,000
 * notices, a whole bundle's indexing, which made the index look as if it grew faster than the site.
 */
async function pagefindGone(timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (pagefindPids().length > 0) {
    if (Date.now() > until) fail(`Pagefind's process ${pagefindPids().join(', ')} did not exit within ${timeoutMs / 1000} s of being closed.`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const option = (name: string): string | undefined => {
    const at = argv.indexOf(`--${name}`);
    return at >= 0 ? (argv[at + 1] ?? fail(`--${name} needs a directory`)) : undefined;
  };
  const site = resolve(option('site') ?? 'dist');
  const output = resolve(option('output') ?? join(site, 'pagefind'));
  const started = performance.now();
  const matcher = buildMatcher(glossaryForms(loadGlossary()));
  const files = SEARCHABLE.flatMap((dir) => htmlFiles(site, dir)).sort();
  if (files.length === 0) fail(`no HTML under ${SEARCHABLE.map((d) => join(site, d)).join(', ')}: run astro build first.`);

  // SEARCH_SHARD_PAGES overrides the bundle size (to try the merged search on a small site).
  const perBundle = Number(process.env.SEARCH_SHARD_PAGES) || PAGES_PER_SHARD;
  const bundles = splitEvenly(files, Math.ceil(files.length / perBundle));
  const outputs = bundles.map((_, k) => (k === 0 ? output : `${output}-${k + 1}`));
  // Bundles of an earlier, larger build must not be merged into this one.
  const parent = dirname(output);
  const name = basename(output);
  const isBundle = (entry: string) => entry === name || (entry.startsWith(`${name}-`) && /^\d+$/.test(entry.slice(name.length + 1)));
  for (const entry of readdirSync(parent)) if (isBundle(entry)) rmSync(join(parent, entry), { recursive: true, force: true });

  for (const [k, part] of bundles.entries()) await writeBundle(site, part, outputs[k]!, matcher);
  const shards: SearchShards = { merge: outputs.slice(1).map((o) => basename(o)) };
  writeFileSync(join(output, SHARDS_FILE), `${JSON.stringify(shards)}\n`);
  console.log(
    `search-index: ${files.length} pages indexed (language "${INDEX_LANGUAGE}", pre-segmented) into ` +
      `${bundles.length} bundle(s) at ${relative(process.cwd(), output) || output} in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
}

await main();
