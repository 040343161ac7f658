/**
 * `/data/terms.json`: `{ version, terms }`, every term with its forms (years, notices), definition
 * text, source and occurrences (notice, block id, form). Stable field names: people script
 * against them.
 */
import type { APIRoute } from 'astro';
import { getTermIndex } from '../../site/terms';

export const GET: APIRoute = async () => {
  const { terms } = await getTermIndex();
  const data = {
    version: 1,
    terms: terms.map((t) => ({
      slug: t.entry.slug,
      term: t.entry.term,
      reading: t.entry.reading,
      group: t.entry.group,
      url: `/terms/${t.entry.slug}/`,
      definition: t.definitionText,
      source: t.entry.source,
      forms: t.forms.map((f) => ({ form: f.form, kind: f.kind, ...(f.note ? { note: f.note } : {}), years: f.years, notices: f.notices })),
      related: t.entry.related,
      noticeCount: t.timeline.length,
      occurrences: t.occurrences.flatMap(({ items }) => items.map((o) => ({ notice: o.notice, block: o.block, form: o.form }))),
    })),
  };
  return new Response(JSON.stringify(data, null, 2) + '\n', { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
