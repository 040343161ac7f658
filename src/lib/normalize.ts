/**
 * Normalisation for comparison: the key two clauses are compared on, never what is shown.
 * Each step is a named function so it can be tested alone; `normalizeForMatch` chains them.
 *
 *   text → toHalfWidth → stripMarkdown → stripNumbering → localise → keepLettersAndDigits
 */
import type { Region } from './types';

/** What a localised place or self-reference turns into; kept by `keepLettersAndDigits`. */
export const PLACE = '◇';

/** The 34 provincial-level names, full and short, so 山西省/山东省 compare equal. */
const PROVINCES = [
  '北京', '天津', '上海', '重庆', '河北', '山西', '辽宁', '吉林', '黑龙江', '江苏', '浙江', '安徽',
  '福建', '江西', '山东', '河南', '湖北', '湖南', '广东', '海南', '四川', '贵州', '云南', '陕西',
  '甘肃', '青海', '台湾', '内蒙古', '广西', '西藏', '宁夏', '新疆', '香港', '澳门',
];

/**
 * NFKC folds full-width ASCII (`，` `（` `１`) to half width; the CJK marks it leaves alone
 * (`。` `、` `“”`) are removed later by `keepLettersAndDigits` anyway.
 */
export function toHalfWidth(text: string): string {
  // Full-width ASCII (，（１ＰＤＴ) and the ideographic space are folded here, each to the one
  // character NFKC gives; any other character NFKC would change sends the whole text to `normalize`.
  let out = '';
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (NFKC_STABLE[code] === 1) continue;
    let folded: number;
    if (code >= 0xff01 && code <= 0xff5e) folded = code - 0xfee0;
    else if (code === 0x3000) folded = 0x20;
    else return text.normalize('NFKC');
    out += text.slice(run, i) + String.fromCharCode(folded);
    run = i + 1;
  }
  return run === 0 ? text : out + text.slice(run);
}

/**
 * Characters NFKC leaves alone and that never compose with the one before: ASCII, the CJK
 * unified ideographs, and the CJK marks the notices use. A clause made of these and full-width
 * ASCII never reaches `normalize`, which cost ~0.3 ms a notice when splitting it into clauses.
 */
const NFKC_STABLE = (() => {
  const table = new Uint8Array(0x10000);
  for (let c = 0; c < 0x80; c++) table[c] = 1;
  table.fill(1, 0x4e00, 0xa000);
  for (const ch of '。、“”‘’《》〈〉「」『』【】〔〕—·〇') if (ch.normalize('NFKC') === ch) table[ch.charCodeAt(0)] = 1;
  return table;
})();

/** `**bold**`, heading hashes, rules and stray backslashes from the Markdown the seeds carry. */
export function stripMarkdown(text: string): string {
  // Each pattern needs its character: most clauses hold none of them, and skip all four.
  let out = text;
  if (out.includes('#')) out = out.replace(/^\s*#{1,6}\s*/gm, '');
  if (out.includes('*') || out.includes('_')) out = out.replace(/\*\*|__/g, '');
  if (out.includes('-')) out = out.replace(/^\s*-{3,}\s*$/gm, '');
  if (out.includes('<')) out = out.replace(/<\/?p>/g, '');
  return out;
}

/** Numbers of Chinese numbering: 一 … 九十九 and Arabic digits. */
const NUMERAL = '[一二三四五六七八九十百零〇0-9]+';

/**
 * A numbering prefix at the start of a clause: 一、 （三） (3) 3. 3、 第一部分： 一是 ① 1)
 * Run after `toHalfWidth`, so （）．are already ( ) and `.`.
 */
export function numberingPrefixPattern(): RegExp {
  return new RegExp(
    `^\\s*(?:第${NUMERAL}(?:部分|章|节|条|款)\\s*[:：]?|\\(${NUMERAL}\\)|${NUMERAL}\\s*[、.)]|${NUMERAL}是|[①-⑳])\\s*`,
  );
}

/** The pattern `stripNumbering` uses, compiled once (it is not global: `replace` keeps no state). */
const NUMBERING_PREFIX = numberingPrefixPattern();

/** Removes one or more numbering prefixes (`（二）1.` → ``), so renumbering is not a change. */
export function stripNumbering(text: string): string {
  let out = text;
  for (let i = 0; i < 3; i++) {
    const next = out.replace(NUMBERING_PREFIX, '');
    if (next === out) break;
    out = next;
  }
  return out;
}

/** Place names a notice's own region contributes: 岢岚县 and 岢岚, 忻州市 and 忻州, 山西省 and 山西. */
export function placeNamesOf(region: Region | undefined): string[] {
  if (!region) return [];
  const names: string[] = [];
  for (const full of [region.province, region.city, region.county]) {
    if (!full) continue;
    names.push(full);
    const short = full.replace(/(?:省|市|县|区|自治区|自治州|自治县|特别行政区)$/, '');
    if (short.length >= 2 && short !== full) names.push(short);
  }
  return names;
}

/** Place names by their first character, longest first: what `findLocalSpans` looks for. */
type PlaceNames = Map<number, string[]>;

const placeNamesByKey = new Map<string, PlaceNames>();
const placeNamesByList = new WeakMap<readonly string[], PlaceNames>();

/**
 * Per UTF-16 code unit, what `findLocalSpans` must look at there (most characters: nothing).
 * `STARTS_PLACE` collects the first characters of every place name ever asked for.
 */
const CHAR_FLAGS = new Uint8Array(0x10000);
const STARTS_PLACE = 1;
/*
 * A self-reference to the issuing level: 我县 全区 本市 县安委会 区政府 县级 …; the level word
 * becomes the placeholder, so 我县 ≡ 我区 and 县安委会 ≡ 区安委会. A level word (县区市省州旗)
 * right after 我全本各, or one of 县区市省 right before one of `BODY_AFTER`.
 */
const SELF_LEVEL = 2;
const BODY_LEVEL = 4;
const SELF_BEFORE = 8;
for (const c of '县区市省州旗') CHAR_FLAGS[c.charCodeAt(0)]! |= SELF_LEVEL;
for (const c of '县区市省') CHAR_FLAGS[c.charCodeAt(0)]! |= BODY_LEVEL;
for (const c of '我全本各') CHAR_FLAGS[c.charCodeAt(0)]! |= SELF_BEFORE;
const BODY_AFTER = ['人民政府', '政府', '委', '党', '安委', '安办', '安委办', '直', '属', '级', '财政', '应急', '有关'];

/**
 * Every place name (the given ones and every province, full and short) by first character,
 * longest first so 山西省 wins over 山西. Cached per list, because the same notice asks for it
 * for every clause: by the array itself, then by its names.
 */
function placeNames(places: readonly string[]): PlaceNames {
  let names = placeNamesByList.get(places);
  if (names) return names;
  const key = places.join('|');
  names = placeNamesByKey.get(key);
  if (!names) {
    const provinceNames = PROVINCES.flatMap((p) => [`${p}省`, `${p}市`, `${p}自治区`, p]);
    names = new Map();
    for (const name of [...new Set([...places, ...provinceNames])].sort((x, y) => y.length - x.length)) {
      if (name === '') continue;
      const first = name.charCodeAt(0);
      CHAR_FLAGS[first]! |= STARTS_PLACE;
      const list = names.get(first);
      if (list) list.push(name);
      else names.set(first, [name]);
    }
    placeNamesByKey.set(key, names);
  }
  placeNamesByList.set(places, names);
  return names;
}

/**
 * Where in `text` a place name or a self-reference sits, as sorted, disjoint [start, end) spans.
 * Found by character code: as two regular expressions (an alternation of the place names,
 * longest first, and one for self-references) they were a third of the time it took to split a
 * notice into clauses. tests/lib/normalize.test.ts keeps those expressions and checks that both
 * ways agree on every line of the seeds and of a generated corpus.
 */
export function findLocalSpans(text: string, places: readonly string[] = []): Array<[number, number]> {
  const names = placeNames(places);
  const out: Array<[number, number]> = [];
  // One pass: place names resume after the name they matched, self-references are looked for
  // at every character. Spans come out sorted by start, a place name before a self-reference at
  // the same start (names are at least two characters), and one that starts inside the last
  // span kept is dropped, as sorting the two lists together and dropping overlaps did.
  let end = 0;
  let placesFrom = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const flags = CHAR_FLAGS[code]!;
    if (flags === 0) continue;
    if (flags & STARTS_PLACE && i >= placesFrom) {
      const list = names.get(code);
      if (list) {
        for (const name of list) {
          if (!text.startsWith(name, i)) continue;
          placesFrom = i + name.length;
          if (i >= end) out.push([i, (end = placesFrom)]);
          break;
        }
      }
    }
    if (flags & SELF_LEVEL && i >= end && ((i > 0 && CHAR_FLAGS[text.charCodeAt(i - 1)]! & SELF_BEFORE) || (flags & BODY_LEVEL && followsBody(text, i + 1)))) {
      out.push([i, (end = i + 1)]);
    }
  }
  return out;
}

/** Whether one of the words a level's body is named by (政府, 安委 …) starts at `at`. */
function followsBody(text: string, at: number): boolean {
  for (const word of BODY_AFTER) if (text.startsWith(word, at)) return true;
  return false;
}

/**
 * Replaces place names (the given ones and every province) and self-references with `PLACE`,
 * so a county's copy of a clause matches the original wherever it was issued.
 */
export function localise(text: string, places: readonly string[] = []): string {
  let out = '';
  let at = 0;
  for (const [start, end] of findLocalSpans(text, places)) {
    out += text.slice(at, start) + PLACE;
    at = end;
  }
  return out + text.slice(at);
}

/** Drops punctuation, spaces and symbols: only letters, digits and the placeholder remain. */
export function keepLettersAndDigits(text: string): string {
  // The kept runs are copied as they are, and only a key holding a letter outside a–z and the
  // CJK ideographs is lower-cased: the same key as `text.replace(/[^\p{L}\p{N}◇]+/gu, '')
  // .toLowerCase()`, without the Unicode regular expression and case mapping over every clause.
  let out = '';
  let run = 0;
  let cased = false;
  for (let i = 0; i < text.length; ) {
    const code = text.charCodeAt(i);
    let width = 1;
    let kept: boolean;
    if ((code >= 0x4e00 && code < 0xa000) || (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39)) kept = true;
    else if (code >= 0xd800 && code < 0xdc00 && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      width = 2;
      kept = LETTER_OR_DIGIT.test(text.slice(i, i + 2));
      cased ||= kept;
    } else {
      kept = keepsCode(code);
      cased ||= kept && code !== 0x25c7;
    }
    if (!kept) {
      if (i > run) out += text.slice(run, i);
      run = i + width;
    }
    i += width;
  }
  if (run === 0) out = text;
  else if (run < text.length) out += text.slice(run);
  return cased ? out.toLowerCase() : out;
}

const LETTER_OR_DIGIT = /^[\p{L}\p{N}◇]$/u;

/** Per UTF-16 code unit: 0 not yet looked up, 1 kept (a letter, a digit or `PLACE`), 2 dropped. */
const keeps = new Uint8Array(0x10000);

function keepsCode(code: number): boolean {
  let k = keeps[code]!;
  if (k === 0) keeps[code] = k = LETTER_OR_DIGIT.test(String.fromCharCode(code)) ? 1 : 2;
  return k === 1;
}

/** The comparison key of a clause. Two clauses with equal keys are kept verbatim. */
export function normalizeForMatch(text: string, places: readonly string[] = []): string {
  return keepLettersAndDigits(localise(stripNumbering(stripMarkdown(toHalfWidth(text))), places));
}

/** The comparison form of one diff token: same steps, minus numbering (a token is never a prefix). */
export function normalizeToken(token: string, places: readonly string[] = []): string {
  return keepLettersAndDigits(localise(toHalfWidth(token), places));
}
