import type { APIRoute } from 'astro';
import { getNotices } from '../site/notices';
import { getTermIndex } from '../site/terms';
import { getCompareData } from '../site/compare';
import { pairsPageCount, pairsPageHref } from '../site/pair-pages';
import { PAGE_SIZE } from '../site/browse';

/** `/sitemap.xml`: every page a reader may land on. */
export const GET: APIRoute = async ({ site }) => {
  const notices = await getNotices();
  const { terms } = await getTermIndex();
  const { pairs } = await getCompareData();
  const browsePages = Array.from({ length: Math.max(0, Math.ceil(notices.length / PAGE_SIZE) - 1) }, (_, i) => `/page/${i + 2}/`);
  const pairPages = Array.from({ length: pairsPageCount(pairs.length) - 1 }, (_, i) => pairsPageHref('/', i + 2));
  const paths = [
    '/',
    ...browsePages,
    '/terms/',
    '/compare/',
    ...pairPages,
    '/search/',
    '/data/',
    ...notices.map((n) => `/notices/${n.slug}/`),
    ...terms.map((t) => `/terms/${t.entry.slug}/`),
    ...pairs.map((p) => `/compare/${p.a}/${p.b}/`),
  ];
  const urls = paths.map((p) => `  <url><loc>${new URL(p, site).href}</loc></url>`).join('\n');
  return new Response(`<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls}\n</urlset>\n`, {
    headers: { 'Content-Type': 'application/xml; charset=utf-8' },
  });
};
