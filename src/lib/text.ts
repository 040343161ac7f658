/**
 * Small text helpers shared by the parser and the fidelity check. Each recogniser is one named
 * function so a pattern is defined once.
 */

const CJK = /^[\p{Script=Han}\u3000-\u303f\uff00-\uffef“”‘’、，。；：！？《》（）【】]$/u;
const ANY_SPACE = /[ \t\u00a0\u3000]/;
const SPACES = /[ \t\u00a0\u3000]+/g;
const SPACE_PAIRS_ALL = /[ \t\u00a0]{2,}/g;

/** Whether the character (code point) starting at `at` is Chinese text or punctuation. */
function cjkAt(text: string, at: number): boolean {
  const cp = text.codePointAt(at);
  if (cp === undefined || cp < 0x80) return false;
  // The common ideographs (U+4E00–U+9FFF, all of them Han) without building a string to test.
  if (cp >= 0x4e00 && cp <= 0x9fff) return true;
  return CJK.test(String.fromCodePoint(cp));
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
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  // Most seeds end their lines with LF alone: one scan instead of a replace.
  return body.includes('\r') ? body.replace(/\r\n?/g, '\n') : body;
}

/**
 * Remove spaces that conversion left next to Chinese characters (`2024 年`, `管理水 平`,
 * `应急 PDT 窄带`): Chinese text has no word spaces, so they carry no meaning.
 */
export function tidySpaces(text: string): string {
  // Most lines have no such space at all.
  if (!ANY_SPACE.test(text)) return text.trim();
  // Run by run, as `text.replace(SPACES, run => keptSpaces(…))` would, without a callback per
  // run (about a line in four has a space, most often one after a number: `1. 加强`).
  let out = '';
  let from = 0;
  // Runs are separated by other characters, so two spaces can only stand together inside what one run kept.
  let pairs = false;
  SPACES.lastIndex = 0;
  for (let run = SPACES.exec(text); run !== null; run = SPACES.exec(text)) {
    const end = run.index + run[0].length;
    const kept = keptSpaces(text, run.index, end);
    if (kept.length > 1) pairs = true;
    out += text.slice(from, run.index) + kept;
    from = end;
  }
  out += text.slice(from);
  return (pairs ? out.replace(SPACE_PAIRS_ALL, ' ') : out).trim();
}

/** A Markdown heading prefix (`## `), which in the seeds is conversion noise, not structure. */
export function stripMarkdownHeading(line: string): { text: string; markdownLevel: number } {
  const match = line.charCodeAt(0) === 0x23 /* # */ ? /^(#{1,6})\s+/.exec(line) : null;
  return match ? { text: line.slice(match[0].length), markdownLevel: match[1]!.length } : { text: line, markdownLevel: 0 };
}

/** Remove Markdown bold markers (`**…**`). */
export function stripBold(line: string): string {
  return line.includes('**') ? line.replace(/\*\*/g, '') : line;
}

/** A Markdown horizontal rule (`---`), used by the conversion between document parts. */
export function isRule(line: string): boolean {
  // `trimStart` removes what `\s` matches: a rule's first visible character is one of its three.
  const first = line.trimStart().charCodeAt(0);
  if (first !== 0x2d && first !== 0x2a && first !== 0x5f) return false;
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
