/** HTML text and attribute escaping for the string renderers (notice text is data, never markup). */

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

const SPECIAL = /[&<>"']/;

/** Escape text for an element's content or a quoted attribute value. */
export function escapeHtml(text: string): string {
  // Most notice text has nothing to escape: answer it without building a new string.
  if (!SPECIAL.test(text)) return text;
  return text.replace(/[&<>"']/g, (ch) => ENTITIES[ch]!);
}
