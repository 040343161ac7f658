/**
 * `/data/terms.json`: `{ version, terms }`, every term with its forms (years, notices), definition
 * text, source and occurrences (notice, block id, form). Stable field names: people script
 * against them. Each term is also published alone (`/data/terms/{slug}.json`).
 */
import type { APIRoute } from 'astro';
import { getTermIndex } from '../../site/terms';
import { jsonResponse, toTermRecord } from '../../site/open-data';

export const GET: APIRoute = async () => {
  const { terms } = await getTermIndex();
  return jsonResponse({ version: 1, terms: terms.map(toTermRecord) });
};
