import type { APIRoute, GetStaticPaths } from 'astro';
import { getCompareData } from '../../../../site/compare';
import type { SelectedPair } from '../../../../lib/related';

export const getStaticPaths = (async () => (await getCompareData()).pairs.map((pair) => ({ params: { a: pair.a, b: pair.b }, props: { pair } }))) satisfies GetStaticPaths;

/**
 * `/data/compare/<a>/<b>.json`: the aligned rows (block ids, class, score, word diff ops) and
 * the summary of one pre-rendered comparison. A is the older notice.
 */
export const GET: APIRoute = async ({ params, props }) => {
  const data = await getCompareData();
  const comparison = data.comparison(params.a!, params.b!);
  const { pair } = props as { pair: SelectedPair };
  // Compact, unlike the per-notice files: a large pair's rows run to hundreds of kilobytes.
  const body = JSON.stringify({ version: 1, reasons: pair.reasons, similarity: pair.similarity, ...comparison });
  return new Response(`${body}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
