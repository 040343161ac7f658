/** The start of a clause, to name it in a permalink's accessible label. */
export function shortLabel(text: string, length = 16): string {
  // Count code points only as far as needed: blocks run to thousands of characters.
  let end = 0;
  for (let n = 0; n < length; n++) {
    if (end >= text.length) return text;
    end += text.codePointAt(end)! > 0xffff ? 2 : 1;
  }
  return end >= text.length ? text : `${text.slice(0, end)}…`;
}
