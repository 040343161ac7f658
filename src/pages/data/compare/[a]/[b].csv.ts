import type { APIRoute, GetStaticPaths } from 'astro';
import { comparisonCsv, getCompareData } from '../../../../site/compare';

export const getStaticPaths = (async () => (await getCompareData()).pairs.map((pair) => ({ params: { a: pair.a, b: pair.b } }))) satisfies GetStaticPaths;

/** `/data/compare/<a>/<b>.csv`: the same rows for spreadsheets (UTF-8 with BOM, so Excel reads the Chinese). */
export const GET: APIRoute = async ({ params }) => {
  const comparison = (await getCompareData()).comparison(params.a!, params.b!);
  return new Response(`\uFEFF${comparisonCsv(comparison)}`, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
