import { describe, expect, it } from 'vitest';
import { glossaryForms, loadGlossary } from '../../src/data/glossary';
import { loadNotices } from '../../src/data/notices';
import { buildMatcher } from '../../src/lib/terms';
import type { Block, Notice } from '../../src/lib/types';
import { buildNoticePage } from '../../src/site/notice-page';
import { renderBody } from '../../src/site/render-body';
import { shortLabel } from '../../src/components/notice-block';

const notices = loadNotices();
const matcher = buildMatcher(glossaryForms(loadGlossary()));

const decode = (html: string) =>
  html.replace(/&(lt|gt|quot|#39|amp);/g, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', '#39': "'", amp: '&' })[e]!);

/** The notice's own text on the page: tags dropped (`<br>` is a line break), the table caption left out. */
function visibleText(html: string): string {
  const withoutExtras = html.replace(/<caption>.*?<\/caption>/g, '');
  return decode(withoutExtras.replace(/<br>/g, '\n').replace(/<[^>]+>/g, ''));
}

function bodyText(blocks: Block[]): string {
  return blocks.map((b) => (b.type === 'table' ? b.rows.flat().join('') : b.text)).join('');
}

describe('renderBody on the real seeds', () => {
  for (const notice of notices) {
    it(`${notice.slug}: shows every character of the body, in order, with one anchor per block`, () => {
      const page = buildNoticePage(notice, matcher);
      const html = renderBody(page.body, '/');
      expect(visibleText(html)).toBe(bodyText(page.body.map((b) => b.block)));
      const ids = [...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
      for (const { block } of page.body) expect(ids).toContain(block.id);
      expect(html).not.toMatch(/<script|<style| on\w+=/i);
    });
  }

  it('links each marked term to its page and leaves the rest as text', () => {
    const page = buildNoticePage(notices.find((n) => n.slug === 'kelan-2023')!, matcher);
    const html = renderBody(page.body, '/base/');
    const links = [...html.matchAll(/<a class="term-link" href="\/base\/terms\/([^/]+)\/">([^<]+)<\/a>/g)];
    const marked = page.body.flatMap((b) => ('segments' in b ? b.segments : b.cells.flat(2))).filter((s) => s.term);
    expect(links.length).toBe(marked.length);
    expect(links.map((l) => l[2])).toEqual(marked.map((s) => s.text));
  });

  it('renders the attachment as a table: one row per task, a <br> per line break in a cell', () => {
    const kelan = notices.find((n) => n.slug === 'kelan-2023')!;
    const table = kelan.blocks.find((b) => b.type === 'table')!;
    const html = renderBody(buildNoticePage(kelan, matcher).body, '/');
    const tableHtml = html.slice(html.indexOf('<table'), html.indexOf('</table>'));
    expect(tableHtml.match(/<tr[ >]/g)!.length).toBe(table.rows.length);
    const breaks = table.rows.slice(1).flatMap((row) => row.slice(1)).reduce((n, cell) => n + cell.split('\n').length - 1, 0);
    expect(tableHtml.match(/<br>/g)?.length ?? 0).toBe(breaks);
    expect(tableHtml).toContain('id="t1-r16"');
  });

  it('escapes hostile text in clauses, furniture, table cells and ids: it stays text', () => {
    const hostile = '<script>alert(1)</script><img src=x onerror="alert(2)">"\'&';
    const notice: Notice = {
      ...notices[0]!,
      blocks: [
        { type: 'heading', id: 's1', depth: 1, text: `一、${hostile}` } as Block,
        { type: 'paragraph', id: 's1-p1', text: `${hostile}三管三必须` } as Block,
        { type: 'paragraph', id: 's1-p2', text: `落实三管三必须（县应急局${hostile}负责）`, responsibility: `县应急局${hostile}负责` } as Block,
        { type: 'furniture', id: 'f-x"><b', role: 'signature', text: hostile } as Block,
        { type: 'table', id: 't1', text: '', rows: [['序号', hostile], ['1', `${hostile}\n第二行`]] } as Block,
      ],
    };
    const html = renderBody(buildNoticePage(notice, matcher).body, '/');
    expect(html).not.toMatch(/<script|<img|<b\b| onerror="/);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('id="f-x&quot;&gt;&lt;b"');
    expect(html).toContain('<span class="responsibility">（县应急局&lt;script&gt;');
    expect(visibleText(html)).toContain(hostile);
  });
});

describe('"also in" counts on the body', () => {
  const kelan = notices.find((n) => n.slug === 'kelan-2023')!;
  const [heading, paragraph] = [kelan.blocks.find((b) => b.type === 'heading')!, kelan.blocks.find((b) => b.type === 'paragraph')!];

  it('marks each block other notices hold with how many, and no other block', () => {
    const page = buildNoticePage(kelan, matcher, new Map([[heading.id, 3], [paragraph.id, 12]]));
    const html = renderBody(page.body, '/');
    const marked = [...html.matchAll(/<\w+ id="([^"]+)"[^>]* data-also="(\d+)"/g)].map((m) => [m[1], m[2]]);
    expect(Object.fromEntries(marked)).toEqual({ [heading.id]: '3', [paragraph.id]: '12' });
    // The line itself, and the permalinks, are the page script's: the HTML stays the text.
    expect(html).not.toContain('also-in');
    expect(html).not.toContain('permalink');
  });

  it('marks a table by its <table>, which the script finds the wrapper of', () => {
    const table = kelan.blocks.find((b) => b.type === 'table')!;
    const html = renderBody(buildNoticePage(kelan, matcher, new Map([[table.id, 2]])).body, '/');
    expect(html).toContain(`<table id="${table.id}" class="task-table" data-also="2">`);
  });
});

describe('shortLabel (a permalink names its clause by its start)', () => {
  it('keeps a text of up to 16 characters whole and cuts a longer one at 16 with an ellipsis', () => {
    expect(shortLabel('一、加大安全监管体系')).toBe('一、加大安全监管体系');
    expect(shortLabel('一二三四五六七八九十一二三四五六')).toBe('一二三四五六七八九十一二三四五六');
    expect(shortLabel('一二三四五六七八九十一二三四五六七')).toBe('一二三四五六七八九十一二三四五六…');
  });

  it('counts characters, not UTF-16 units, so a character outside the BMP is never split', () => {
    const wide = '𠀀'.repeat(17);
    expect(shortLabel(wide)).toBe(`${'𠀀'.repeat(16)}…`);
    expect(shortLabel('𠀀'.repeat(16))).toBe('𠀀'.repeat(16));
    expect(shortLabel(`${'一'.repeat(15)}𠀀`)).toBe(`${'一'.repeat(15)}𠀀`);
  });
});
