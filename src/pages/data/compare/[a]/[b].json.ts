import type { APIRoute, GetStaticPaths } from 'astro';
import { getCompareData } from '../../../../site/compare';
import type { SelectedPair } from '../../../../lib/related';

export const getStaticPaths = (async () => (await getCompareData()).pairs.map((pair) => ({ params: { a: pair.a, b: pair.b }, props: { pair } }))) satisfies GetStaticPaths;

/**
 * `/data/compare/<a>/<b>.json`: the aligned rows (block ids, class, score, word diff ops) and
 * the summary of one pre-rendered comparison. A is the older notice.
 */
export const GET: APIRoute = async ({ props }) => {
  const body = (await getCompareData()).download((props as { pair: SelectedPair }).pair, 'json');
  return new Response(body, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
