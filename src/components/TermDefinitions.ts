/** The popover's definitions (`/data/term-definitions.json`): which terms, in a stable order. */
import type { TermIndex } from '../site/terms';

export interface PopoverEntry {
  slug: string;
  term: string;
  reading: string;
  /** The definition's lines, without editorial notes. */
  summary: string[];
}

/** The popover entries for `slugs`: known slugs only, each once, sorted for stable output. */
export function popoverEntries(index: TermIndex, slugs: string[]): PopoverEntry[] {
  return [...new Set(slugs)]
    .sort()
    .flatMap((slug) => {
      const t = index.bySlug.get(slug);
      if (!t) return [];
      const reading = t.entry.reading === t.summary ? '' : t.entry.reading;
      return [{ slug, term: t.entry.term, reading, summary: t.summary.split('\n') }];
    });
}
