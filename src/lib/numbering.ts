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

const CN_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** `十二` → 12, `二十一` → 21, `一百零三` → 103; NaN when it is not a Chinese numeral. */
export function parseChineseNumeral(text: string): number {
  let total = 0;
  let digit = 0;
  let seen = false;
  for (const char of text) {
    if (char in CN_DIGITS) {
      digit = CN_DIGITS[char]!;
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

/** `第一部分：` */
function matchPart(line: string): Numbering | null {
  const m = new RegExp(`^第(${CN})部分[：:]?\\s*`, 'u').exec(line);
  return m ? { style: 'part', value: parseChineseNumeral(m[1]!), label: `第${m[1]}部分`, raw: m[0] } : null;
}

/** `一、` (also the stray `一，` / `一.` of converted text). */
function matchChinese(line: string): Numbering | null {
  const m = new RegExp(`^(${CN})[、，,．.]\\s*`, 'u').exec(line);
  return m ? { style: 'cn', value: parseChineseNumeral(m[1]!), label: `${m[1]}、`, raw: m[0] } : null;
}

/** `（一）` or half-width `(一)`. */
function matchParenChinese(line: string): Numbering | null {
  const m = new RegExp(`^[（(]\\s*(${CN})\\s*[）)]\\s*`, 'u').exec(line);
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
  return matchPart(line) ?? matchChinese(line) ?? matchParenChinese(line) ?? matchArabic(line) ?? matchParenArabic(line);
}
