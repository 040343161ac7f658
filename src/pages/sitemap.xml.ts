import type { APIRoute } from 'astro';
import { getNotices } from '../site/notices';
import { getTermIndex } from '../site/terms';

/** `/sitemap.xml`: every page a reader may land on. */
export const GET: APIRoute = async ({ site }) => {
  const notices = await getNotices();
  const { terms } = await getTermIndex();
  const paths = ['/', '/terms/', '/compare/', '/search/', '/data/', ...notices.map((n) => `/notices/${n.slug}/`), ...terms.map((t) => `/terms/${t.entry.slug}/`)];
  const urls = paths.map((p) => `  <url><loc>${new URL(p, site).href}</loc></url>`).join('\n');
  return new Response(`<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls}\n</urlset>\n`, {
    headers: { 'Content-Type': 'application/xml; charset=utf-8' },
  });
};
