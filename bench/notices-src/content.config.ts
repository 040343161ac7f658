// The site's content collections, for the bench's notice-only build (bench/astro.config.mjs).
export { collections } from '../../src/content.config';
