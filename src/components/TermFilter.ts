/** The glossary index filter: which entries match a query and a group. */

/** What the filter knows about an index entry (from its `data-*` attributes). */
export interface FilterableTerm {
  /** Term, reading and all forms, joined: the text a query is looked up in. */
  haystack: string;
  group: string;
}

/** Fold a query or haystack: no spaces, half-width punctuation, list separators equal. */
export function foldQuery(text: string): string {
  return text
    .replace(/\s+/g, '')
    .replace(/[，,、]/g, '、')
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .toLowerCase();
}

/** An entry matches when it is in the group (or no group is chosen) and contains the query. */
export function matchesFilter(term: FilterableTerm, query: string, group: string): boolean {
  if (group !== '' && term.group !== group) return false;
  const q = foldQuery(query);
  return q === '' || foldQuery(term.haystack).includes(q);
}
