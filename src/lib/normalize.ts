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
  return text.normalize('NFKC');
}

/** `**bold**`, heading hashes, rules and stray backslashes from the Markdown the seeds carry. */
export function stripMarkdown(text: string): string {
  return text
    .replace(/^\s*#{1,6}\s*/gm, '')
    .replace(/\*\*|__/g, '')
    .replace(/^\s*-{3,}\s*$/gm, '')
    .replace(/<\/?p>/g, '');
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

/** Removes one or more numbering prefixes (`（二）1.` → ``), so renumbering is not a change. */
export function stripNumbering(text: string): string {
  const pattern = numberingPrefixPattern();
  let out = text;
  for (let i = 0; i < 3; i++) {
    const next = out.replace(pattern, '');
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

/** Escapes a literal for use inside a RegExp. */
function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const pattern_cache = new Map<string, RegExp>();

/**
 * One alternation of every place name, longest first so 山西省 wins over 山西. Cached per list,
 * because the same pair of notices asks for it for every clause.
 */
function placePattern(places: readonly string[]): RegExp {
  const key = places.join('|');
  let re = pattern_cache.get(key);
  if (!re) {
    const provinceNames = PROVINCES.flatMap((p) => [`${p}省`, `${p}市`, `${p}自治区`, p]);
    const all = [...new Set([...places, ...provinceNames])].sort((x, y) => y.length - x.length);
    re = new RegExp(all.map(escapeRegExp).join('|'), 'g');
    pattern_cache.set(key, re);
  }
  return re;
}

/**
 * A self-reference to the issuing level: 我县 全区 本市 县安委会 区政府 县级 …; the level word
 * becomes the placeholder, so 我县 ≡ 我区 and 县安委会 ≡ 区安委会.
 */
export function selfReferencePattern(): RegExp {
  return /(?<=[我全本各])[县区市省州旗]|[县区市省](?=(?:人民)?政府|委|党|安委|安办|安委办|直|属|级|财政|应急|有关)/g;
}

/** Where in `text` a place name or a self-reference sits, as sorted, disjoint [start, end) spans. */
export function findLocalSpans(text: string, places: readonly string[] = []): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  for (const re of [placePattern(places), selfReferencePattern()]) {
    re.lastIndex = 0;
    for (const m of text.matchAll(re)) spans.push([m.index, m.index + m[0].length]);
  }
  spans.sort((x, y) => x[0] - y[0] || y[1] - x[1]);
  const out: Array<[number, number]> = [];
  for (const span of spans) {
    const last = out[out.length - 1];
    if (last && span[0] < last[1]) continue;
    out.push(span);
  }
  return out;
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
  return text.replace(/[^\p{L}\p{N}◇]+/gu, '').toLowerCase();
}

/** The comparison key of a clause. Two clauses with equal keys are kept verbatim. */
export function normalizeForMatch(text: string, places: readonly string[] = []): string {
  return keepLettersAndDigits(localise(stripNumbering(stripMarkdown(toHalfWidth(text))), places));
}

/** The comparison form of one diff token: same steps, minus numbering (a token is never a prefix). */
export function normalizeToken(token: string, places: readonly string[] = []): string {
  return keepLettersAndDigits(localise(toHalfWidth(token), places));
}
