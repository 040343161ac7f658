/**
 * Exact matching for search. Pagefind tokenises Chinese into single characters, so an unquoted
 * query matches pages that merely contain the same characters somewhere; these helpers decide
 * which results really contain the query, cut an excerpt around it, and pick the section to open.
 */

/** The query as typed, without surrounding quotes and white space. */
export function normaliseQuery(query: string): string {
  return query.trim().replace(/^["'“”‘’「」]+|["'“”‘’「」]+$/gu, '').trim();
}

/** Text with all white space removed (Pagefind's content inserts spaces between words). */
export function squeeze(text: string): string {
  return text.replace(/\s+/gu, '');
}

/** Whether `content` contains `query` exactly, ignoring white space. */
export function containsExact(content: string, query: string): boolean {
  const q = squeeze(query);
  return q !== '' && squeeze(content).includes(q);
}

/** An excerpt of `content` around the first exact occurrence of `query`, white space removed. */
export function excerptAround(content: string, query: string, radius = 40): { before: string; match: string; after: string } | null {
  const text = squeeze(content);
  const q = squeeze(query);
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
 * The URL to open for a result: the first section whose excerpt contains the query, else a
 * text fragment (`#:~:text=`) that makes the browser scroll to the first occurrence.
 */
export function pickResultUrl(pageUrl: string, subResults: SubResult[], query: string): string {
  const q = squeeze(query);
  const section = subResults.find((s) => s.url.includes('#') && squeeze(stripTags(s.excerpt)).includes(q));
  if (section) return section.url;
  return `${pageUrl.split('#')[0]}#:~:text=${encodeURIComponent(query)}`;
}
