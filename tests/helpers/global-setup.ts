/**
 * Vitest global setup of the `site` project: build the site once (as `npm run build` does, into
 * `tmp/site-tests/`), serve it on 127.0.0.1 with the hosting headers, and hand the tests its
 * directory and origin. Every site test reuses this one build.
 *
 * `SITE_DIST=/path/to/dist` skips the build and serves an existing build instead (for iterating
 * on one test file; CI always builds).
 */
import { rm } from 'node:fs/promises';
import type { TestProject } from 'vitest/node';
import { assertChromium } from './browser';
import { buildSite, makeBuildDir } from './build';
import { readSiteHeaders } from './headers';
import { serveStatic } from './server';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The built site under test. */
    distDir: string;
    /** Where it is served, e.g. `http://127.0.0.1:41234` (no trailing slash). */
    siteOrigin: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // Fail before the build, not after it: a missing browser is an error, never a skip.
  assertChromium();
  const reuse = process.env.SITE_DIST;
  const distDir = reuse ?? (await makeBuildDir('main'));
  if (!reuse) {
    const started = performance.now();
    const result = await buildSite({ outDir: distDir });
    const total = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      `[site] built in ${total} s (astro ${(result.astroMs / 1000).toFixed(1)} s, ` +
        `pagefind ${(result.pagefindMs / 1000).toFixed(1)} s) into ${distDir}`,
    );
  }
  const server = await serveStatic(distDir, readSiteHeaders());
  project.provide('distDir', distDir);
  project.provide('siteOrigin', server.origin);
  return async () => {
    await server.close();
    if (!reuse) await rm(distDir, { recursive: true, force: true });
  };
}
