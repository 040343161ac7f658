/**
 * Lighthouse (mobile, its default simulated throttling) on the largest notice page and the
 * largest compare page of a built site, served on 127.0.0.1 with the hosting headers; prints the
 * four category scores and every scored audit below 100.
 *
 *   npm run build && npm run lighthouse              # measures dist/
 *   npm run lighthouse -- --build                    # builds into tmp/site-tests/ first
 *   npm run lighthouse -- --page /notices/kelan-2023/ --page /compare/kelan-2023/yicheng-2023/
 *   npm run lighthouse -- --assert                   # exit 1 below perf 95, a11y 100, bp 95, SEO 95
 *
 * Chromium comes from CHROME_PATH (default /usr/bin/chromium). This is a measurement, not part of
 * `npm test`: Lighthouse's performance score varies with the machine's load.
 */
import { existsSync, statSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { buildSite, makeBuildDir, REPO_ROOT } from '../tests/helpers/build';
import { listPages, pagePath } from '../tests/helpers/dist';
import { readSiteHeaders } from '../tests/helpers/headers';
import { serveStatic } from '../tests/helpers/server';

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
/** The scores the issue asks for (0–100). */
const TARGETS: Record<(typeof CATEGORIES)[number], number> = {
  performance: 95,
  accessibility: 100,
  'best-practices': 95,
  seo: 95,
};

const { values } = parseArgs({
  options: {
    build: { type: 'boolean', default: false },
    dist: { type: 'string', default: join(REPO_ROOT, 'dist') },
    page: { type: 'string', multiple: true },
    assert: { type: 'boolean', default: false },
  },
});

/** The largest notice page and the largest compare page of the build: the hardest to load. */
function pickPages(distDir: string): string[] {
  const pages = listPages(distDir);
  const largest = (pattern: RegExp): string | undefined =>
    pages
      .filter((file) => pattern.test(file))
      .sort((x, y) => statSync(join(distDir, y)).size - statSync(join(distDir, x)).size)[0];
  const notice = largest(/^notices\/[^/]+\/index\.html$/);
  const compare = largest(/^compare\/[^/]+\/[^/]+\/index\.html$/);
  const missing = [!notice && 'a notice page (notices/<slug>/)', !compare && 'a compare page (compare/<a>/<b>/)'];
  if (missing.some(Boolean)) {
    throw new Error(`${distDir} has no ${missing.filter(Boolean).join(' and no ')}. Build the whole site first.`);
  }
  return [pagePath(notice!), pagePath(compare!)];
}

async function main(): Promise<number> {
  let workDir: string | undefined;
  let distDir = values.dist!;
  if (values.build) {
    workDir = await makeBuildDir('lighthouse');
    distDir = workDir;
    console.log(`Building into ${distDir} …`);
    await buildSite({ outDir: distDir });
  } else if (!existsSync(join(distDir, 'index.html'))) {
    throw new Error(`${distDir} has no index.html: run \`npm run build\` first, or pass --build.`);
  }

  const server = await serveStatic(distDir, readSiteHeaders());
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  let failed = false;
  try {
    for (const path of values.page ?? pickPages(distDir)) {
      const result = await lighthouse(`${server.origin}${path}`, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: [...CATEGORIES],
      });
      if (!result) throw new Error(`Lighthouse returned no result for ${path}.`);
      const scores = CATEGORIES.map((id) => {
        const score = Math.round((result.lhr.categories[id]?.score ?? 0) * 100);
        if (score < TARGETS[id]) failed = true;
        return `${id} ${score}${score < TARGETS[id] ? ` (< ${TARGETS[id]})` : ''}`;
      });
      console.log(`${path}\n  ${scores.join(' · ')}`);
      for (const id of CATEGORIES) {
        const category = result.lhr.categories[id];
        for (const ref of category?.auditRefs ?? []) {
          const audit = result.lhr.audits[ref.id];
          if (ref.weight > 0 && audit && audit.score !== null && audit.score < 1) {
            console.log(`    ${id}: ${audit.id} ${Math.round(audit.score * 100)} — ${audit.title}${audit.displayValue ? ` (${audit.displayValue})` : ''}`);
          }
        }
      }
    }
  } finally {
    chrome.kill();
    await server.close();
    if (workDir) await rm(workDir, { recursive: true, force: true });
  }
  return values.assert && failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
