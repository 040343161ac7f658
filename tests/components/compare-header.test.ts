import { describe, expect, test } from 'vitest';
import { renderCompareHeader } from '../../src/components/CompareHeader';
import { loadNotices } from '../../src/data/notices';
import { compareUi as t } from '../../src/i18n';
import type { SelectedPair } from '../../src/lib/related';

const notices = loadNotices();
const kelan = notices.find((n) => n.slug === 'kelan-2023')!;
const yicheng = notices.find((n) => n.slug === 'yicheng-2023')!;
const pair: SelectedPair = { a: kelan.slug, b: yicheng.slug, reasons: ['lineage', 'similar'], similarity: 0.5 };

describe('renderCompareHeader on the real notices', () => {
  const html = renderCompareHeader({ a: kelan, b: yicheng, nameA: '岢岚县 2023', nameB: '翼城县 2023', pair, base: '/base/' });

  test('names both notices with links to their pages, and offers both downloads', () => {
    expect(html).toContain(`<h1>${t.pairTitle('岢岚县 2023', '翼城县 2023')}</h1>`);
    expect(html).toContain(`<a href="/base/notices/kelan-2023/">${kelan.title}</a>`);
    expect(html).toContain(`<a href="/base/notices/yicheng-2023/">${yicheng.title}</a>`);
    expect(html).toContain(kelan.docNumber!);
    expect(html).toContain('href="/base/data/compare/kelan-2023/yicheng-2023.json"');
    expect(html).toContain('href="/base/data/compare/kelan-2023/yicheng-2023.csv"');
    expect(html).toContain(`${t.reasons.lineage} · ${t.reasons.similar}`);
  });

  test('notice text is escaped, never markup', () => {
    const hostile = { ...kelan, title: '<img src=x onerror=alert(1)>关于"安全"&通知', issuer: '<b>县</b>' };
    const out = renderCompareHeader({ a: hostile, b: yicheng, nameA: '<i>甲</i>', nameB: '乙', pair, base: '/' });
    expect(out).not.toContain('<img');
    expect(out).not.toContain('<b>');
    expect(out).not.toContain('<i>');
    expect(out).toContain('&lt;img src=x onerror=alert(1)&gt;关于&quot;安全&quot;&amp;通知');
  });
});
