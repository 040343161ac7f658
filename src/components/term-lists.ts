/**
 * How much of a term's notice list its page shows. On a national corpus a common slogan is in
 * thousands of notices: listed whole, its page ran to 12–15 MB. The page keeps the earliest
 * adopters and the most recent notices; the full lists stay in `/data/terms.json` and in the
 * slogan search.
 */

/** Notices whose occurrences (sentences) the page lists: the most recent ones. */
export const OCCURRENCE_NOTICES = 30;
/** Timeline entries kept from the start (earliest adopters) and from the end (most recent). */
export const TIMELINE_HEAD = 10;
export const TIMELINE_TAIL = 30;

/** The last `keep` items, and how many were left out before them. */
export function latest<T>(items: readonly T[], keep = OCCURRENCE_NOTICES): { shown: T[]; omitted: number } {
  const omitted = Math.max(0, items.length - keep);
  return { shown: items.slice(omitted), omitted };
}

/** The first `head` and last `tail` items, and how many were left out between them. */
export function headAndTail<T>(items: readonly T[], head = TIMELINE_HEAD, tail = TIMELINE_TAIL): { head: T[]; tail: T[]; omitted: number } {
  if (items.length <= head + tail) return { head: [...items], tail: [], omitted: 0 };
  return { head: items.slice(0, head), tail: items.slice(items.length - tail), omitted: items.length - head - tail };
}
