// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';

export default defineConfig({
  site: process.env.SITE_URL ?? 'https://anquan-notices.example.org',
  trailingSlash: 'always',
  integrations: [mdx()],
  // No inline <style>/<script>: the site runs under a strict CSP (docs/hosting.md).
  build: { format: 'directory', inlineStylesheets: 'never' },
  vite: { build: { assetsInlineLimit: 0 } },
});
