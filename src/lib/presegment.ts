/**
 * Pre-segmented full-text search. Pagefind's own Chinese segmentation (Pagefind Extended) needs
 * ~4 GB to index 1,000 notices; indexing text that is already cut into words, as a language
 * that splits on white space, needs ~2.5× less. The words are the project's tokenizer's
 * (src/lib/tokenize.ts: glossary forms and number phrases whole, `Intl.Segmenter` for the rest),
 * at build time over the pages (scripts/search-index.ts) and in the browser over the query, so
 * both sides cut the same way.
 */
import type { TermMatcher } from './terms';
import { tokenize } from './tokenize';

/**
 * The language the index is written in (Pagefind's `forceLanguage`): a code Pagefind neither
 * segments (zh, ja, th) nor stems, so the query's words are looked up as given. `und` is BCP 47's
 * "undetermined".
 */
export const INDEX_LANGUAGE = 'und';

/**
 * The index is written in bundles of at most this many pages: Pagefind's memory grows with the
 * pages of one index (~1.9 GB for 1,000 notice pages, most of it while writing the files), so a
 * bundle's size, not the library's, bounds it. The first bundle is `pagefind/`, the others
 * `pagefind-2/`, `pagefind-3/` …, merged by the search page (Pagefind's `mergeIndex`).
 */
export const PAGES_PER_SHARD = 1000;

/** The file in `pagefind/` that names the other bundles: `{ "merge": ["pagefind-2", …] }`. */
export const SHARDS_FILE = 'shards.json';

export interface SearchShards {
  /** Folders of the site root holding the bundles after the first. */
  merge: string[];
}

const WHITESPACE = /^\s+$/u;

/** `text` as words separated by single spaces (its own white space dropped). */
export function presegment(text: string, matcher?: TermMatcher): string {
  return tokenize(text, matcher)
    .filter((t) => !WHITESPACE.test(t))
    .join(' ');
}

const LATIN_OR_DIGIT = /[\p{Script=Latin}\p{Nd}]/u;

/**
 * Undo `presegment` for reading and comparing: white space is kept (as one space) only between
 * two Latin letters or digits, where it separates words; anywhere else (between Chinese
 * characters, around punctuation) it is dropped, as the notices' own parser drops it.
 */
export function desegment(text: string): string {
  return text.replace(/\s+/gu, (_, at: number, all: string) => {
    const before = all[at - 1];
    const after = all[at + _.length];
    return before && after && LATIN_OR_DIGIT.test(before) && LATIN_OR_DIGIT.test(after) ? ' ' : '';
  });
}

/** Elements whose text is not page text. */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title']);
/** Elements that have no end tag. */
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

/** A start or end tag, with its attributes (quoted values may hold `>`), or a comment. */
const TAG = /<!--[\s\S]*?-->|<!doctype[^>]*>|<(\/?)([a-zA-Z][\w:-]*)((?:\s+[^\s"'=<>`/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*(\/?)>/giu;
const ENTITY = /(&(?:#\d+|#x[\da-f]+|[a-z][a-z\d]*);)/iu;

/**
 * Whether an element's text must reach Pagefind as written: what it ignores anyway
 * (`data-pagefind-ignore`), and the elements whose text is a filter, meta or sort value
 * (`data-pagefind-meta="title"`, not `data-pagefind-meta="type:term"` or `"image[src]"`, whose
 * value is in the attribute).
 */
function keepsText(attributes: string): boolean {
  if (/\sdata-pagefind-ignore\b/iu.test(attributes)) return true;
  for (const m of attributes.matchAll(/\sdata-pagefind-(?:filter|meta|sort)\s*=\s*(?:"([^"]*)"|'([^']*)')/giu)) {
    const value = m[1] ?? m[2] ?? '';
    if (value.split(',').some((entry) => !entry.includes(':') && !entry.includes('['))) return true;
  }
  return false;
}

const HEADING = /^h[1-6]$/u;
const ID_ATTRIBUTE = /\sid\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+)/iu;

/** A start tag without its `id` attribute. */
function withoutId(tag: string): string {
  return tag.replace(ID_ATTRIBUTE, '');
}

/**
 * An HTML page with its text pre-segmented for the index: every text node (outside scripts,
 * styles and the elements of `keepsText`) becomes its words separated by spaces, with a space on
 * each side so that words never run together across tags (`落实<a>三管三必须</a>工作`).
 * Markup, attributes and character references (`&lt;`) are left exactly as they are, except
 * `id`s, which only headings keep: Pagefind stores every element with an id as an anchor with
 * its whole text (a notice's ~120 paragraphs doubled its fragment and its indexing memory), and
 * results open at sections, which are headings.
 */
export function presegmentHtml(html: string, matcher?: TermMatcher): string {
  let out = '';
  let last = 0;
  /** Open elements: name, and whether its text is kept as written. */
  const open: { name: string; keep: boolean }[] = [];
  let raw: string | null = null;
  const text = (from: number, to: number) => {
    const chunk = html.slice(from, to);
    if (raw !== null || open.some((e) => e.keep) || chunk.trim() === '') return chunk;
    const parts = chunk.split(ENTITY).map((part, i) => (i % 2 === 1 ? part : presegment(part, matcher)));
    return ` ${parts.filter(Boolean).join(' ')} `;
  };
  for (const m of html.matchAll(TAG)) {
    const [tag, closing, rawName, attributes = '', selfClosing] = m;
    const at = m.index;
    const name = rawName?.toLowerCase();
    if (raw !== null && !(closing && name === raw)) continue;
    out += text(last, at) + (name && !closing && !HEADING.test(name) ? withoutId(tag) : tag);
    last = at + tag.length;
    if (!name) continue;
    if (closing) {
      raw = null;
      const i = open.map((e) => e.name).lastIndexOf(name);
      if (i !== -1) open.length = i;
    } else if (RAW_TEXT.has(name)) {
      raw = name;
    } else if (!VOID.has(name) && !selfClosing) {
      open.push({ name, keep: keepsText(attributes) });
    }
  }
  return out + text(last, html.length);
}
