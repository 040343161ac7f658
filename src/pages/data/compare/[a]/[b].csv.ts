import type { APIRoute, GetStaticPaths } from 'astro';
import { getCompareData } from '../../../../site/compare';
import type { SelectedPair } from '../../../../lib/related';

export const getStaticPaths = (async () => (await getCompareData()).pairs.map((pair) => ({ params: { a: pair.a, b: pair.b }, props: { pair } }))) satisfies GetStaticPaths;

/** `/data/compare/<a>/<b>.csv`: the same rows for spreadsheets (UTF-8 with BOM, so Excel reads the Chinese). */
export const GET: APIRoute = async ({ props }) => {
  const body = (await getCompareData()).download((props as { pair: SelectedPair }).pair, 'csv');
  return new Response(body, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
