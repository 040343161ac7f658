/**
 * The one order of notices in lists (browse, search): newest first. Apart from `notices.ts`,
 * which reads the content collection, so that pure code and unit tests can use it.
 */
import type { Notice } from '../lib/types';

/** Newest first; notices without a date sort by year, then by slug. */
export function compareNotices(a: Pick<Notice, 'year' | 'date' | 'slug'>, b: Pick<Notice, 'year' | 'date' | 'slug'>): number {
  return b.year - a.year || (b.date ?? '').localeCompare(a.date ?? '') || a.slug.localeCompare(b.slug);
}
