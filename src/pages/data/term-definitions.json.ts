/**
 * `/data/term-definitions.json`: each glossary term's short definition, for the popover on notice
 * pages (`src/scripts/term-popover.ts`): `{ version, terms: { <slug>: { term, reading, summary } } }`,
 * summary as lines, reading empty when it says nothing the summary does not. One file the browser
 * caches for every page: as inline templates the same definitions were ~13 KB of each of 3,000
 * notice pages (issue #6).
 */
import type { APIRoute } from 'astro';
import { popoverEntries } from '../../components/TermDefinitions';
import { jsonResponse } from '../../site/open-data';
import { getTermIndex } from '../../site/terms';

export const GET: APIRoute = async () => {
  const index = await getTermIndex();
  const entries = popoverEntries(index, [...index.bySlug.keys()]);
  const terms = Object.fromEntries(entries.map(({ slug, ...entry }) => [slug, entry]));
  return jsonResponse({ version: 1, terms });
};
