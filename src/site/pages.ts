/**
 * Page data for every notice page, computed once for the whole build.
 */
import { buildNoticePage, type NoticePage } from './notice-page';
import { getNotices } from './notices';
import { getTermIndex } from './terms';

let pages: Promise<Map<string, NoticePage>> | undefined;

/** Every notice page's data, by slug. */
export function getNoticePages(): Promise<Map<string, NoticePage>> {
  pages ??= (async () => {
    const [notices, terms] = await Promise.all([getNotices(), getTermIndex()]);
    return new Map(notices.map((n) => [n.slug, buildNoticePage(n, terms.matcher)]));
  })();
  return pages;
}
