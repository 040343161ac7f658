/**
 * Page data for notice pages. What every page shares ("also in" over the selected pairs, the
 * term matcher) is computed once per build; each page's own data is built when that page is
 * rendered and then dropped, so a large corpus never holds every page's segments at once.
 */
import { buildNoticePage, type NoticePage } from './notice-page';
import { getAlsoInIndex, getAlsoInPlaces, shortName } from './compare';
import { getNotices } from './notices';
import { getTermMatches, knownMatches, type TermMatches } from './terms';
import type { TermMatcher } from '../lib/terms';
import type { Notice } from '../lib/types';

interface Shared {
  bySlug: Map<string, Notice>;
  /** Each notice's short name, for the "also in" lists of the notices' JSON. */
  names: Map<string, string>;
  matcher: TermMatcher;
  terms: TermMatches;
  /** Notice slug → block id → how many other notices hold the clause. */
  alsoIn: Map<string, Map<string, number>>;
}

let shared: Promise<Shared> | undefined;

function getShared(): Promise<Shared> {
  shared ??= (async () => {
    const [notices, terms, index] = await Promise.all([getNotices(), getTermMatches(), getAlsoInIndex()]);
    return {
      bySlug: new Map(notices.map((n) => [n.slug, n])),
      names: new Map(notices.map((n) => [n.slug, shortName(n)])),
      matcher: terms.matcher,
      terms,
      alsoIn: index.counts,
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
  const { bySlug, matcher, terms, alsoIn } = await getShared();
  const notice = bySlug.get(slug);
  if (!notice) return undefined;
  return buildNoticePage(notice, matcher, alsoIn.get(slug), knownMatches(terms, notice));
}

/**
 * Every place each clause of a notice also appears (block id → places), and the
 * short names of the notices named, for the notice's JSON.
 */
export async function getNoticeAlsoIn(slug: string): Promise<{ places: Map<string, { slug: string; blockId: string }[]>; names: Map<string, string> }> {
  const [{ names }, places] = await Promise.all([getShared(), getAlsoInPlaces(slug)]);
  const named = new Map<string, string>();
  for (const list of places.values()) for (const p of list) if (!named.has(p.slug)) named.set(p.slug, names.get(p.slug)!);
  return { places, names: named };
}
