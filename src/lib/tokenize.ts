/**
 * The one tokenizer shared by search and comparison.
 *
 * The stock `Intl.Segmenter('zh')` knows no policy slogans: it cuts 两客一危一货 into six
 * single characters and 2025年6月底前 into 2025|年|6|月底|前, so a word diff would report a
 * changed slogan or date as a scatter of one-character edits. The steps, in order:
 *  1. glossary forms (leftmost-longest, via the matcher) stay whole tokens;
 *  2. number phrases stay whole: a date with its parts and a trailing 前/后/起
 *     (`2025年6月底前`), a number with its magnitude and measure word (`130座`, `1次`,
 *     `0.6万人`, `2—3个`, `100%`), a Chinese numeral with a measure (`一次`), and frequencies
 *     (`每半年`, `每季度`);
 *  3. the rest goes to `Intl.Segmenter('zh', { granularity: 'word' })`;
 *  4. every punctuation character is its own token, and so is every run of whitespace.
 * Concatenating the tokens always gives back the input exactly.
 */
import { findTerms, type TermMatcher } from './terms';

const MEASURE =
  '(?:个|座|次|项|名|人|家|处|所|条|批|类|级|层|户|辆|台|套|份|起|倍|元|吨|米|公里|千米|小时|分钟|周年|天|日|周|月|年|%|％|MHz|G)';
const MAGNITUDE = '(?:万|亿|千|百)';
const DATE_PART = '(?:底|初|末|中旬|上旬|下旬)?(?:前|后|起|以前|以后|以来)?';
const ARABIC_NUMBER = String.raw`\d+(?:\.\d+)?`;

/**
 * A number phrase at the start of `text`: date (`2025年6月底前`, `2024 年`), number with
 * range, magnitude and measure (`0.6万人`, `1—2项`, `130座`), Chinese numeral with a measure
 * (`一次`), or frequency (`每半年`). Returns its length, 0 when there is none.
 */
export function matchNumberPhrase(text: string): number {
  const m = numberPhrasePattern.exec(text);
  return m ? m[0].length : 0;
}

const numberPhrasePattern = new RegExp(
  '^(?:' +
    [
      // Date: year, optional month and day, optional part of month and 前/后.
      String.raw`\d{4} ?年(?:\d{1,2} ?月(?:\d{1,2} ?日)?)?` + DATE_PART,
      String.raw`\d{1,2} ?月(?:\d{1,2} ?日)?` + DATE_PART,
      // Number, optional range, magnitude and measure.
      `${ARABIC_NUMBER}(?:[—–~～-]${ARABIC_NUMBER})?(?: ?(?:${MAGNITUDE}${MEASURE}?|${MEASURE}))?`,
      // Chinese numeral with a measure word: 一次, 两项, 十个.
      `[一二两三四五六七八九十百千]+(?:次|项|个|座|名|家|处|批|类|级)`,
      // Frequency.
      '每(?:半年|季度|年|季|月|旬|周|日|天|班)',
    ].join('|') +
    ')',
);

/** Punctuation and symbols that are never part of a word (full and half width). */
function isPunctuation(ch: string): boolean {
  return punctuationPattern.test(ch) && ch !== '%' && ch !== '％';
}
const punctuationPattern = /^[\p{P}\p{S}]$/u;

function isWhitespace(ch: string): boolean {
  return whitespacePattern.test(ch);
}
const whitespacePattern = /^\s$/u;

/**
 * Split text that holds no glossary term and no number phrase into words and separators.
 * Separators are cut out first and only the runs between them go to the segmenter: it never
 * joins across punctuation anyway, and ICU word segmentation slows down sharply on long runs.
 */
function segmentWords(text: string, out: string[]): void {
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (isWhitespace(ch)) {
      let j = i + 1;
      while (j < text.length && isWhitespace(text[j]!)) j++;
      out.push(text.slice(i, j));
      i = j;
    } else if (isPunctuation(ch)) {
      out.push(ch);
      i++;
    } else {
      let j = i + 1;
      while (j < text.length && !isWhitespace(text[j]!) && !isPunctuation(text[j]!)) j++;
      segmentRun(text.slice(i, j), out);
      i = j;
    }
  }
}

let segmenter: Intl.Segmenter | undefined;

/** Words of a run that holds no separator, by `Intl.Segmenter`. */
function segmentRun(run: string, out: string[]): void {
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  for (const { segment } of segmenter.segment(run)) out.push(segment);
}

/** Tokenize text that holds no glossary term: number phrases whole, the rest by the segmenter. */
function tokenizePlain(text: string, out: string[]): void {
  let pending = 0;
  let i = 0;
  while (i < text.length) {
    const len = startsNumberPhrase(text, i) ? matchNumberPhrase(text.slice(i, i + 24)) : 0;
    if (len > 0) {
      if (i > pending) segmentWords(text.slice(pending, i), out);
      out.push(text.slice(i, i + len));
      i += len;
      pending = i;
    } else {
      i++;
    }
  }
  if (pending < text.length) segmentWords(text.slice(pending), out);
}

/** A number phrase may start here: a digit not inside a longer number, a numeral, or 每. */
function startsNumberPhrase(text: string, i: number): boolean {
  const ch = text[i]!;
  const before = text[i - 1];
  if (/[0-9]/.test(ch)) return before === undefined || !/[0-9.A-Za-z]/.test(before);
  return /[一二两三四五六七八九十百千每]/.test(ch);
}

/**
 * Split `text` into tokens. With a matcher, glossary forms are single tokens.
 * `tokenize(t, m).join('') === t` for every input.
 */
export function tokenize(text: string, matcher?: TermMatcher): string[] {
  const out: string[] = [];
  let from = 0;
  for (const m of matcher ? findTerms(text, matcher) : []) {
    if (m.start > from) tokenizePlain(text.slice(from, m.start), out);
    out.push(text.slice(m.start, m.end));
    from = m.end;
  }
  if (from < text.length) tokenizePlain(text.slice(from), out);
  return out;
}
