import { describe, expect, it } from 'vitest';
import { loadGlossary, glossaryForms } from '../../src/data/glossary';
import { loadNotices } from '../../src/data/notices';
import { desegment, presegment, presegmentHtml } from '../../src/lib/presegment';
import { containsExact, excerptAround, pickResultUrl } from '../../src/lib/search-match';
import { buildMatcher } from '../../src/lib/terms';

const matcher = buildMatcher(glossaryForms(loadGlossary()));
const notices = loadNotices();

describe('presegment', () => {
  it('cuts text into words, glossary forms and number phrases whole', () => {
    expect(presegment('落实“三管三必须”要求，2025年6月底前完成', matcher)).toBe('落实 “ 三管三必须 ” 要求 ， 2025年6月底前 完成');
  });

  it('drops the text’s own white space and keeps an empty text empty', () => {
    expect(presegment('  应急 PDT\r\n通信网  ', matcher)).toBe('应急 PDT 通信 网');
    expect(presegment('', matcher)).toBe('');
  });

  it('is undone by desegment on every block of the real seeds', () => {
    for (const n of notices) {
      for (const b of n.blocks) {
        const text = b.type === 'table' ? b.rows.flat().join('\n') : b.text;
        expect(desegment(presegment(text, matcher)), `${n.slug}#${b.id}`).toBe(desegment(text));
      }
    }
  });
});

describe('desegment', () => {
  it('keeps one space between Latin words and digits only', () => {
    expect(desegment('加快 应急 PDT 窄带 ， Smart  City 2 0')).toBe('加快应急PDT窄带，Smart City 2 0');
  });
});

describe('presegmentHtml', () => {
  it('segments text nodes and leaves markup, attributes and character references alone', () => {
    const html = '<h3 id="s1-2" class="x">加强监管</h3><p title="三管三必须 > x">落实<a href="/terms/x/">三管三必须</a>工作&lt;script&gt;</p>';
    expect(presegmentHtml(html, matcher)).toBe(
      '<h3 id="s1-2" class="x"> 加强 监管 </h3><p title="三管三必须 > x"> 落实 <a href="/terms/x/"> 三管三必须 </a> 工作 &lt; script &gt; </p>',
    );
  });

  it('keeps ids on headings only (Pagefind makes every id an anchor holding its text)', () => {
    expect(presegmentHtml('<h2 id="s1">一、总体要求</h2><p id="s1-p1" class="clause">加强监管</p>', matcher)).toBe(
      '<h2 id="s1"> 一 、 总体 要求 </h2><p class="clause"> 加强 监管 </p>',
    );
  });

  it('keeps the text of filters, meta values, ignored parts, scripts and styles as written', () => {
    const html =
      '<div data-pagefind-ignore><span data-pagefind-filter="region">山西省</span></div>' +
      '<h1 data-pagefind-meta="title">三管三必须</h1><span data-pagefind-sort="date">2023-03-29</span>' +
      '<script>const a = "安全生产";</script><style>p{}</style>';
    expect(presegmentHtml(html, matcher)).toBe(html);
  });

  it('segments inside elements whose meta or filter value is in the attribute', () => {
    const html = '<article data-pagefind-meta="type:term"><p>安全生产监管</p><img data-pagefind-meta="image[src]" src="a.png"><br/>强化监管</article>';
    expect(presegmentHtml(html, matcher)).toBe(
      '<article data-pagefind-meta="type:term"><p> 安全 生产 监管 </p><img data-pagefind-meta="image[src]" src="a.png"><br/> 强化 监管 </article>',
    );
  });

  it('goes back to segmenting after an ignored element closes', () => {
    expect(presegmentHtml('<main><div data-pagefind-ignore><p>安全生产</p></div><p>安全生产</p></main>', matcher)).toBe(
      '<main><div data-pagefind-ignore><p>安全生产</p></div><p> 安全 生产 </p></main>',
    );
  });
});

describe('matching pre-segmented Pagefind text', () => {
  const content = '落实 “ 三管三必须 ” 要求 ， 加快 应急 PDT 窄带 建设';
  it('finds the query across the added spaces, and cuts the excerpt without them', () => {
    expect(containsExact(content, '三管三必须”要求')).toBe(true);
    expect(containsExact(content, '应急PDT窄带')).toBe(true);
    expect(containsExact(content, '应急 PDT 窄带')).toBe(true);
    expect(containsExact(content, '要求加快')).toBe(false);
    expect(excerptAround(content, 'PDT', 4)).toEqual({ before: '…加快应急', match: 'PDT', after: '窄带建设' });
  });

  it('opens the section whose excerpt says it, else the best section with a text fragment', () => {
    const subs = [
      { url: '/n/#s1', excerpt: '<mark>森林</mark> 草原' },
      { url: '/n/#s2', excerpt: '<mark>森林</mark> <mark>防火</mark> 体系' },
    ];
    expect(pickResultUrl('/n/', subs, '森林防火', ['森林', '防火'])).toBe('/n/#s2');
    expect(pickResultUrl('/n/', subs.slice(0, 1), '森林防火', ['森林', '防火'])).toBe(`/n/#s1:~:text=${encodeURIComponent('森林防火')}`);
    expect(pickResultUrl('/n/', [], '森林防火', ['森林', '防火'])).toBe(`/n/#:~:text=${encodeURIComponent('森林防火')}`);
  });
});
