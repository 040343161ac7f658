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
 */
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import * as pagefind from 'pagefind';
import { glossaryForms, loadGlossary } from '../src/data/glossary.ts';
import { INDEX_LANGUAGE, presegmentHtml } from '../src/lib/presegment.ts';
import { buildMatcher } from '../src/lib/terms.ts';

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
  const pages = files.length;
  rmSync(output, { recursive: true, force: true });
  const written = await index.writeFiles({ outputPath: output });
  if (written.errors.length) fail(`writing ${output}: ${written.errors.join('; ')}`);
  await pagefind.close();
  console.log(`search-index: ${pages} pages indexed (language "${INDEX_LANGUAGE}", pre-segmented) into ${relative(process.cwd(), output) || output} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

await main();
