/**
 * Never lose text: for every seed, every non-space character of the body text appears, in
 * order, in the built notice page (and every attachment-table cell appears whole).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, test } from 'vitest';
import { expectedText, findLostText } from '../../src/lib/fidelity';
import { loadNotices } from '../../src/data/notices';

const distDir = inject('distDir');

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** The text a reader sees in an HTML fragment: tags dropped, entities decoded. */
function textOf(html: string): string {
  return html
    .replace(/<(script|style|template)\b[\s\S]*?<\/\1>/gi, '')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, e: string) =>
      e[0] === '#' ? String.fromCodePoint(Number(e[1] === 'x' || e[1] === 'X' ? `0${e.slice(1)}` : e.slice(1))) : ENTITIES[e] ?? m,
    );
}

describe.each(loadNotices(process.cwd()).map((n) => [n.slug, n.source] as const))('%s', (slug, source) => {
  test('every character of the seed body reaches the page, in order', () => {
    const html = readFileSync(join(distDir, 'notices', slug, 'index.html'), 'utf8');
    const main = /<main\b[^>]*>([\s\S]*)<\/main>/.exec(html)?.[1] ?? '';
    const tables = [...main.matchAll(/<table\b[\s\S]*?<\/table>/g)].map((m) => m[0]);
    const flow = textOf(tables.reduce((rest, t) => rest.replace(t, ''), main));
    const raw = readFileSync(join(process.cwd(), 'seeds', source), 'utf8');
    expect(findLostText(expectedText(raw), flow, textOf(tables.join('\n')))).toEqual([]);
  });
});
