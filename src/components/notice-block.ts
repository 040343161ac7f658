/** The start of a clause, to name it in a permalink's accessible label. */
export function shortLabel(text: string, length = 16): string {
  const chars = Array.from(text);
  return chars.length <= length ? text : `${chars.slice(0, length).join('')}…`;
}
