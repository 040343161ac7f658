import { describe, expect, it } from 'vitest';
import { escapeHtml } from '../../src/lib/html';
import { readSeedTexts } from '../seeds';

describe('escapeHtml', () => {
  it('escapes each of & < > " \' wherever it stands, and nothing else', () => {
    const entities: [string, string][] = [
      ['&', '&amp;'],
      ['<', '&lt;'],
      ['>', '&gt;'],
      ['"', '&quot;'],
      ["'", '&#39;'],
    ];
    for (const [ch, entity] of entities) {
      expect(escapeHtml(ch)).toBe(entity);
      expect(escapeHtml(`加强${ch}监管`)).toBe(`加强${entity}监管`);
      expect(escapeHtml(`${ch}两客一危${ch}`)).toBe(`${entity}两客一危${entity}`);
    }
    expect(escapeHtml('<a href="x">\'&\'</a>')).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    expect(escapeHtml('')).toBe('');
  });

  it('gives back every seed line unchanged when it has nothing to escape, and escaped the same way a regex would otherwise', () => {
    const lines = readSeedTexts().flatMap(({ text }) => text.split('\n'));
    expect(lines.length).toBeGreaterThan(500);
    const byRegex = (text: string) => text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);
    let special = 0;
    for (const line of lines) {
      if (/[&<>"']/.test(line)) special++;
      expect(escapeHtml(line)).toBe(byRegex(line));
    }
    expect(special).toBeGreaterThan(0);
  });
});
