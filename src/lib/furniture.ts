/**
 * Recognisers for the document furniture around a notice's body: 红头, 文号, 主送, signature,
 * dates, 抄送, 印发. Each is a named function over one cleaned line.
 */

const DATE = '\\d{4}\\s*年\\s*\\d{1,2}\\s*月\\s*\\d{1,2}\\s*日';
const DATE_LINE = new RegExp(`^${DATE}$`, 'u');
const PRINT_DATE_LINE = new RegExp(`^${DATE}\\s*印发$`, 'u');

// Each recogniser whose pattern starts with a fixed character checks that character first: the
// parser asks several of them about every line, and most lines fail at once.
function startsWithDigit(line: string): boolean {
  const first = line.charCodeAt(0);
  return first >= 0x30 && first <= 0x39;
}

/** `岢政发〔2023〕1号` on a line of its own (also with `[2023]` or `(2023)` brackets). */
export function isDocNumberLine(line: string): boolean {
  return /^\p{Script=Han}{1,10}[〔［\[（(]\s*\d{4}\s*[〕］\]）)]\s*\d{1,4}\s*号$/u.test(line);
}

/** The red-head issuer line: `岢岚县人民政府文件`. */
export function isMastheadLine(line: string): boolean {
  return line.length <= 24 && /文件$/u.test(line) && !/[，。：]/u.test(line);
}

/** 主送 (addressees): `各乡（镇）人民政府……：`. */
export function isAddresseeLine(line: string): boolean {
  return line.charCodeAt(0) === 0x5404 /* 各 */ && /[：:]$/u.test(line) && !/。/u.test(line);
}

/** `解读单位：洪洞县应急管理局`. */
export function isInterpreterLine(line: string): boolean {
  return line.charCodeAt(0) === 0x89e3 /* 解 */ && /^(解读单位|解读机关|解读部门)[：:]/u.test(line);
}

/** A date on its own line: `2020年2月26日`. */
export function isDateLine(line: string): boolean {
  return startsWithDigit(line) && DATE_LINE.test(line);
}

/** The print date: `2023年3月29日印发`. */
export function isPrintDateLine(line: string): boolean {
  return startsWithDigit(line) && PRINT_DATE_LINE.test(line);
}

/** `共印60份`. */
export function isCopiesLine(line: string): boolean {
  return /^[（(]?共印\s*\d+\s*份[）)]?$/u.test(line);
}

/** `（此件公开发布）`. */
export function isPublicationLine(line: string): boolean {
  return /^[（(]此件.{0,12}[）)]$/u.test(line);
}

/** The start of the 抄送 list. */
export function isCcLine(line: string): boolean {
  return line.charCodeAt(0) === 0x6284 /* 抄 */ && /^抄\s*送[：:]/u.test(line);
}

/** A short name with no sentence punctuation: a signature or the printing office. */
export function isNameLine(line: string): boolean {
  return line.length > 0 && line.length <= 24 && !/[，。；：,;:！？、]/u.test(line);
}

/** The attachment note at the end of the body: `附件：重点任务分工`. */
export function isAnnexNoteLine(line: string): boolean {
  return line.charCodeAt(0) === 0x9644 /* 附 */ && /^附件[：:]\s*\S/u.test(line);
}

/** The attachment's own heading: `附件：` (alone, or `附件1`). */
export function isAnnexHeadingLine(line: string): boolean {
  return line.charCodeAt(0) === 0x9644 /* 附 */ && /^附件\s*\d*\s*[：:]?$/u.test(line);
}

/** Parse a `YYYY年M月D日` date (optionally with spaces) into ISO `YYYY-MM-DD`. */
export function parseChineseDate(text: string): string | null {
  const m = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/u.exec(text);
  if (!m) return null;
  return `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
}
