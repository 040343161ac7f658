/**
 * `/data/terms/{slug}.json`: `{ version, term }`, one term's record exactly as in
 * `/data/terms.json`, with every occurrence. The term page links here for the full list.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getTermIndex, type TermData } from '../../../site/terms';
import { jsonResponse, toTermRecord } from '../../../site/open-data';

export const getStaticPaths = (async () => {
  const { terms } = await getTermIndex();
  return terms.map((term) => ({ params: { slug: term.entry.slug }, props: { term } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ term: TermData }> = ({ props }) => jsonResponse({ version: 1, term: toTermRecord(props.term) });
