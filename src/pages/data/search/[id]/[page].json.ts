import type { APIRoute, GetStaticPaths } from 'astro';
import type { SloganHit } from '../../../../lib/slogan-search';
import { jsonResponse } from '../../../../site/open-data';
import { getSloganLists } from '../../../../site/slogan-lists';

export const getStaticPaths = (async () => {
  const { forms, chunks } = await getSloganLists(import.meta.env.BASE_URL);
  return forms.flatMap(({ id, form }) =>
    (chunks.get(id) ?? []).map((hits, i) => ({ params: { id, page: String(i + 1) }, props: { form, hits } })),
  );
}) satisfies GetStaticPaths;

/**
 * `/data/search/{id}/{page}.json`: one chunk of a glossary form's slogan search results (the
 * notices containing it, newest first). The form index is embedded in the search page.
 */
export const GET: APIRoute<{ form: string; hits: SloganHit[] }> = ({ props }) => jsonResponse({ version: 1, form: props.form, notices: props.hits });
