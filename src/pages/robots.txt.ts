import type { APIRoute } from 'astro';

/** `/robots.txt`: everything may be crawled; where the sitemap is. */
export const GET: APIRoute = ({ site }) => new Response(`User-agent: *\nAllow: /\n\nSitemap: ${new URL('/sitemap.xml', site).href}\n`);
