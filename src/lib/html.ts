/** HTML text and attribute escaping for the string renderers (notice text is data, never markup). */

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escape text for an element's content or a quoted attribute value. */
export function escapeHtml(text: string): string {
  // Most notice text has nothing to escape: answer it without building a new string. Five
  // `indexOf` scans (vectorised in V8) beat one pass of a character-class regex about 2× on
  // notice text: at 3,000 notices, rendering the notice bodies took 946 → 599 ms (CPU profile).
  if (text.indexOf('&') < 0 && text.indexOf('<') < 0 && text.indexOf('>') < 0 && text.indexOf('"') < 0 && text.indexOf("'") < 0) return text;
  return text.replace(/[&<>"']/g, (ch) => ENTITIES[ch]!);
}
