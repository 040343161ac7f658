// The site's own config with the bench's cache directory, so the bench's content-layer cache
// (reused by the incremental build) is never shared with, or cleared by, other builds of the repo.
import site from '../astro.config.mjs';

export default {
  ...site,
  cacheDir: process.env.BENCH_CACHE_DIR || site.cacheDir,
};
