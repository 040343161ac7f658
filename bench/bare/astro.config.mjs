// The bare baseline of `npm run bench`: the same corpus files, each rendered as <pre> with no
// parsing, glossary or comparison, so the bench can price our per-notice processing.
import { defineConfig } from 'astro/config';

export default defineConfig({
  trailingSlash: 'always',
  build: { format: 'directory' },
  cacheDir: process.env.BENCH_CACHE_DIR || './node_modules/.astro',
});
