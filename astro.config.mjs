// @ts-check
import { readdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';

/**
 * Astro 5 leaves its content-layer modules (`content-assets.mjs`, `content-modules.mjs`,
 * `manifest_*.mjs`) at the top of a static build's output: server code, not site files.
 */
const removeServerLeftovers = {
  name: 'remove-server-leftovers',
  hooks: {
    /** @param {{ dir: URL }} options */
    'astro:build:done': ({ dir }) => {
      const out = fileURLToPath(dir);
      for (const name of readdirSync(out)) if (name.endsWith('.mjs')) rmSync(`${out}/${name}`);
    },
  },
};

export default defineConfig({
  site: process.env.SITE_URL ?? 'https://anquan-notices.example.org',
  trailingSlash: 'always',
  integrations: [mdx(), removeServerLeftovers],
  // No inline <style>/<script>: the site runs under a strict CSP (docs/hosting.md).
  build: { format: 'directory', inlineStylesheets: 'never' },
  vite: { build: { assetsInlineLimit: 0 } },
});
