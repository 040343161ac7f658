/**
 * Page data for every notice page, computed once for the whole build.
 */
import { buildNoticePage, type AlsoIn, type NoticePage } from './notice-page';
import { getAlsoIn, shortName } from './compare';
import { getNotices } from './notices';
import { getTermIndex } from './terms';

let pages: Promise<Map<string, NoticePage>> | undefined;

/** Every notice page's data, by slug. */
export function getNoticePages(): Promise<Map<string, NoticePage>> {
  pages ??= (async () => {
    const [notices, terms] = await Promise.all([getNotices(), getTermIndex()]);
    const bySlug = new Map(notices.map((n) => [n.slug, n]));
    const alsoIn = getAlsoIn(notices);
    return new Map(
      notices.map((n) => {
        const named = new Map<string, AlsoIn[]>();
        for (const [blockId, others] of alsoIn.get(n.slug) ?? []) {
          named.set(
            blockId,
            others.map((o) => ({ ...o, title: shortName(bySlug.get(o.slug)!) })),
          );
        }
        return [n.slug, buildNoticePage(n, terms.matcher, named)];
      }),
    );
  })();
  return pages;
}
