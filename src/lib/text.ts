/**
 * Small text helpers shared by the parser and the fidelity check. Each recogniser is one named
 * function so a pattern is defined once.
 */

const CJK = /^[\p{Script=Han}\u3000-\u303f\uff00-\uffef“”‘’、，。；：！？《》（）【】]$/u;
const ANY_SPACE = /[ \t\u00a0\u3000]/;
const SPACES = /[ \t\u00a0\u3000]+/g;

/** Whether the character (code point) starting at `at` is Chinese text or punctuation. */
function cjkAt(text: string, at: number): boolean {
  const cp = text.codePointAt(at);
  return cp !== undefined && CJK.test(String.fromCodePoint(cp));
}

/** Whether the character (code point) ending just before `at` is Chinese text or punctuation. */
function cjkBefore(text: string, at: number): boolean {
  if (at <= 0) return false;
  const low = text.charCodeAt(at - 1);
  const start = low >= 0xdc00 && low <= 0xdfff && at >= 2 && (text.charCodeAt(at - 2) & 0xfc00) === 0xd800 ? at - 2 : at - 1;
  return cjkAt(text, start);
}

/**
 * What is left of one run of spaces, `text[start, end)`, once the spaces next to Chinese are
 * removed. The same result as `(?<=[CJK])[spaces]+|[spaces]+(?=[CJK])` replaced by nothing
 * (U+3000 is both a space and CJK), walked over the run only instead of tried at every position.
 */
function keptSpaces(text: string, start: number, end: number): string {
  let kept = '';
  let at = start;
  while (at < end) {
    // After Chinese: the rest of the run goes.
    if (cjkBefore(text, at)) return kept;
    // Before Chinese: the longest stretch from here that Chinese (or an ideographic space) follows goes.
    let to = end;
    if (!cjkAt(text, end)) {
      to = at;
      for (let k = end - 1; k > at; k--) {
        if (text[k] === '\u3000') {
          to = k;
          break;
        }
      }
    }
    if (to > at) {
      at = to;
      continue;
    }
    kept += text[at];
    at++;
  }
  return kept;
}

/** Strip a leading byte-order mark and turn CRLF / CR line endings into LF. */
export function normaliseNewlines(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

/**
 * Remove spaces that conversion left next to Chinese characters (`2024 年`, `管理水 平`,
 * `应急 PDT 窄带`): Chinese text has no word spaces, so they carry no meaning.
 */
export function tidySpaces(text: string): string {
  // Most lines have no such space at all.
  if (!ANY_SPACE.test(text)) return text.trim();
  return text
    .replace(SPACES, (run: string, at: number) => keptSpaces(text, at, at + run.length))
    .replace(/[ \t\u00a0]{2,}/g, ' ')
    .trim();
}

/** A Markdown heading prefix (`## `), which in the seeds is conversion noise, not structure. */
export function stripMarkdownHeading(line: string): { text: string; markdownLevel: number } {
  const match = /^(#{1,6})\s+/.exec(line);
  return match ? { text: line.slice(match[0].length), markdownLevel: match[1]!.length } : { text: line, markdownLevel: 0 };
}

/** Remove Markdown bold markers (`**…**`). */
export function stripBold(line: string): string {
  return line.replace(/\*\*/g, '');
}

/** A Markdown horizontal rule (`---`), used by the conversion between document parts. */
export function isRule(line: string): boolean {
  return /^\s*(-{3,}|\*{3,}|_{3,})\s*$/.test(line);
}

/** A table row of the attachment: the conversion kept its cells tab-separated. */
export function isTableLine(line: string): boolean {
  return line.includes('\t');
}

/** Every character that is not white space, for the "never lose text" checks. */
export function visibleCharacters(text: string): string {
  return text.replace(/\s+/gu, '');
}

/**
 * Whether every character of `needle` occurs in `haystack` in the same order (a subsequence).
 * Returns the index in `needle` of the first character that could not be found, or -1.
 */
export function findMissingInOrder(needle: string, haystack: string): number {
  let at = 0;
  const chars = Array.from(needle);
  for (let i = 0; i < chars.length; i++) {
    const found = haystack.indexOf(chars[i]!, at);
    if (found === -1) return i;
    at = found + chars[i]!.length;
  }
  return -1;
}
