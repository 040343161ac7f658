/**
 * Page data for notice pages. What every page shares ("also in" over the selected pairs, the
 * term matcher) is computed once per build; each page's own data is built when that page is
 * rendered and then dropped, so a large corpus never holds every page's segments at once.
 */
import { buildNoticePage, nameAlsoIn, type AlsoIn, type NoticePage } from './notice-page';
import { getAlsoIn, shortName } from './compare';
import { getNotices } from './notices';
import { getTermIndex } from './terms';
import type { TermMatcher } from '../lib/terms';
import type { Notice } from '../lib/types';

interface Shared {
  bySlug: Map<string, Notice>;
  /** Each notice's short name, for "also in" labels (a page names hundreds of clauses). */
  names: Map<string, string>;
  matcher: TermMatcher;
  alsoIn: Awaited<ReturnType<typeof getAlsoIn>>;
}

let shared: Promise<Shared> | undefined;

function getShared(): Promise<Shared> {
  shared ??= (async () => {
    const [notices, terms, alsoIn] = await Promise.all([getNotices(), getTermIndex(), getAlsoIn()]);
    return {
      bySlug: new Map(notices.map((n) => [n.slug, n])),
      names: new Map(notices.map((n) => [n.slug, shortName(n)])),
      matcher: terms.matcher,
      alsoIn,
    };
  })();
  return shared;
}

/** Compute what all notice pages share ("also in" aligns every selected pair) before the first page. */
export async function prepareNoticePages(): Promise<void> {
  await getShared();
}

/** Slugs of every notice page, newest first. */
export async function getNoticeSlugs(): Promise<string[]> {
  return (await getNotices()).map((n) => n.slug);
}

/** One notice page's data (undefined for an unknown slug). */
export async function getNoticePage(slug: string): Promise<NoticePage | undefined> {
  const { bySlug, names, matcher, alsoIn } = await getShared();
  const notice = bySlug.get(slug);
  if (!notice) return undefined;
  const named = new Map<string, AlsoIn[]>();
  for (const [blockId, others] of alsoIn.get(slug) ?? []) {
    named.set(
      blockId,
      nameAlsoIn(others, (other) => names.get(other)!),
    );
  }
  return buildNoticePage(notice, matcher, named);
}
