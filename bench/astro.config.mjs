// The site's own config with the bench's cache directory, so the bench's content-layer cache
// (reused by the incremental build) is never shared with, or cleared by, other builds of the repo.
//
// BENCH_ONLY=notices builds the notice pages alone: the same loader and the same page
// (src/pages/notices/[slug].astro, injected as the only route), with bench/notices-src as the
// source folder (it holds only the content config). The bench prices a notice page against the
// bare page (bench/bare) with both built the same way, in builds of their own.
import { fileURLToPath } from 'node:url';
import site from '../astro.config.mjs';

const noticeRoute = {
  name: 'bench-notice-route',
  hooks: {
    /** @param {{ injectRoute: (route: { pattern: string; entrypoint: string }) => void }} options */
    'astro:config:setup': ({ injectRoute }) => {
      injectRoute({ pattern: '/notices/[slug]', entrypoint: fileURLToPath(new URL('../src/pages/notices/[slug].astro', import.meta.url)) });
    },
  },
};

export default {
  ...site,
  cacheDir: process.env.BENCH_CACHE_DIR || site.cacheDir,
  ...(process.env.BENCH_ONLY === 'notices' ? { srcDir: './bench/notices-src', integrations: [...(site.integrations ?? []), noticeRoute] } : {}),
};
