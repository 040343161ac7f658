/**
 * Exact matching for search. Pagefind matches words, not strings: a page with the query's words
 * in another order or apart is a candidate too. These helpers decide which results really
 * contain the query, cut an excerpt around it, and pick the section to open. Pagefind's text is
 * pre-segmented (words separated by spaces, src/lib/presegment.ts): `desegment` undoes that.
 */
import { desegment } from './presegment';

/** The query as typed, without surrounding quotes and white space. */
export function normaliseQuery(query: string): string {
  return query.trim().replace(/^["'“”‘’「」]+|["'“”‘’「」]+$/gu, '').trim();
}

/** Text with all white space removed (Pagefind's content inserts spaces between words). */
export function squeeze(text: string): string {
  return text.replace(/\s+/gu, '');
}

/** Whether `content` contains `query` exactly, ignoring the spaces segmentation adds. */
export function containsExact(content: string, query: string): boolean {
  const q = desegment(query.trim());
  return q !== '' && desegment(content).includes(q);
}

/** An excerpt of `content` around the first exact occurrence of `query`, segmentation undone. */
export function excerptAround(content: string, query: string, radius = 40): { before: string; match: string; after: string } | null {
  const text = desegment(content);
  const q = desegment(query.trim());
  const at = text.indexOf(q);
  if (q === '' || at === -1) return null;
  const from = Math.max(0, at - radius);
  const to = Math.min(text.length, at + q.length + radius);
  return {
    before: (from > 0 ? '…' : '') + text.slice(from, at),
    match: text.slice(at, at + q.length),
    after: text.slice(at + q.length, to) + (to < text.length ? '…' : ''),
  };
}

/** Strip the `<mark>` tags Pagefind puts in excerpts, to compare their text. */
export function stripTags(html: string): string {
  return html.replace(/<[^>]*>/gu, '').replace(/&lt;/gu, '<').replace(/&gt;/gu, '>').replace(/&quot;/gu, '"').replace(/&#39;/gu, "'").replace(/&amp;/gu, '&');
}

export interface SubResult {
  url: string;
  excerpt: string;
}

/**
 * The URL to open for a result: the first section whose excerpt contains the query; else the
 * section whose excerpt has the most of the query's `words` (Pagefind's excerpt is the window
 * with the most matches, which need not be the one holding the exact phrase), with a text
 * fragment (`#s4-16:~:text=`) that makes the browser scroll to the first exact occurrence.
 * Without a section, the page with the text fragment.
 */
export function pickResultUrl(pageUrl: string, subResults: SubResult[], query: string, words: string[] = []): string {
  const q = squeeze(query);
  const sections = subResults.filter((s) => s.url.includes('#'));
  const exact = sections.find((s) => squeeze(stripTags(s.excerpt)).includes(q));
  if (exact) return exact.url;
  const directive = `:~:text=${encodeURIComponent(query)}`;
  const score = (s: SubResult) => {
    const text = squeeze(stripTags(s.excerpt));
    return words.filter((w) => text.includes(squeeze(w))).length;
  };
  const best = sections.reduce<SubResult | undefined>((top, s) => (top === undefined || score(s) > score(top) ? s : top), undefined);
  if (best && score(best) > 0) return `${best.url}${directive}`;
  return `${pageUrl.split('#')[0]}#${directive}`;
}
