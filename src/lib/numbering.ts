/**
 * Chinese document numbering (一、 → （一） → 1. → （1）, and 第一部分). The hierarchy of a notice
 * comes from these markers, not from the Markdown `#` levels the conversion left behind.
 */

export type NumberStyle = 'part' | 'cn' | 'paren-cn' | 'arabic' | 'paren-arabic';

export interface Numbering {
  style: NumberStyle;
  /** The numeric value (`十二` → 12). */
  value: number;
  /** The marker normalised to full width: `一、`, `（二）`, `3.`, `（4）`, `第一部分`. */
  label: string;
  /** The marker exactly as written, including trailing spaces (`(一) `). */
  raw: string;
}

const CN_DIGITS = new Map([...'零〇一二两三四五六七八九'].map((c, i) => [c, [0, 0, 1, 2, 2, 3, 4, 5, 6, 7, 8, 9][i]!]));

/** `十二` → 12, `二十一` → 21, `一百零三` → 103; NaN when it is not a Chinese numeral. */
export function parseChineseNumeral(text: string): number {
  let total = 0;
  let digit = 0;
  let seen = false;
  // Every numeral character is in the Basic Multilingual Plane: index, no string iterator.
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    const value = CN_DIGITS.get(char);
    if (value !== undefined) {
      digit = value;
      seen = true;
    } else if (char === '十') {
      total += (seen ? digit : 1) * 10;
      digit = 0;
      seen = false;
    } else if (char === '百') {
      total += (seen ? digit : 1) * 100;
      digit = 0;
      seen = false;
    } else {
      return Number.NaN;
    }
  }
  return total + digit;
}

const CN = '[一二三四五六七八九十百零〇]+';

const PART = new RegExp(`^第(${CN})部分[：:]?\\s*`, 'u');
const CHINESE = new RegExp(`^(${CN})[、，,．.]\\s*`, 'u');
const PAREN_CHINESE = new RegExp(`^[（(]\\s*(${CN})\\s*[）)]\\s*`, 'u');
/** What a numbered line can start with: 第, a Chinese or Arabic digit, an opening parenthesis. */
const MARKER_START = /^[第一二三四五六七八九十百零〇（(\d]/u;

/** `第一部分：` */
function matchPart(line: string): Numbering | null {
  const m = PART.exec(line);
  return m ? { style: 'part', value: parseChineseNumeral(m[1]!), label: `第${m[1]}部分`, raw: m[0] } : null;
}

/** `一、` (also the stray `一，` / `一.` of converted text). */
function matchChinese(line: string): Numbering | null {
  const m = CHINESE.exec(line);
  return m ? { style: 'cn', value: parseChineseNumeral(m[1]!), label: `${m[1]}、`, raw: m[0] } : null;
}

/** `（一）` or half-width `(一)`. */
function matchParenChinese(line: string): Numbering | null {
  const m = PAREN_CHINESE.exec(line);
  return m ? { style: 'paren-cn', value: parseChineseNumeral(m[1]!), label: `（${m[1]}）`, raw: m[0] } : null;
}

/** `1.` / `1．` / `1、`, but not a year (`2024 年`) or a decimal (`0.6万`). */
function matchArabic(line: string): Numbering | null {
  const m = /^(\d{1,2})\s*[.．、](?!\d)\s*/u.exec(line);
  return m ? { style: 'arabic', value: Number(m[1]), label: `${m[1]}.`, raw: m[0] } : null;
}

/** `（1）` or `(1)`. */
function matchParenArabic(line: string): Numbering | null {
  const m = /^[（(]\s*(\d{1,2})\s*[）)]\s*/u.exec(line);
  return m ? { style: 'paren-arabic', value: Number(m[1]), label: `（${m[1]}）`, raw: m[0] } : null;
}

/** The numbering marker a line starts with, if any. */
export function matchNumbering(line: string): Numbering | null {
  // Most lines start with none of these: one test instead of five patterns.
  if (!MARKER_START.test(line)) return null;
  return matchPart(line) ?? matchChinese(line) ?? matchParenChinese(line) ?? matchArabic(line) ?? matchParenArabic(line);
}
