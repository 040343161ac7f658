import { describe, expect, it } from 'vitest';
import { glossaryForms, loadGlossary } from '../../src/data/glossary';
import { loadNotices } from '../../src/data/notices';
import { blockTexts, bookTitle, buildTermIndex, sentenceAround, summarize } from '../../src/site/terms';
import { popoverEntries } from '../../src/components/TermDefinitions';
import { buildCitation } from '../../src/components/TermCite';
import { matchesFilter } from '../../src/components/TermFilter';
import { generateCorpus } from '../../src/lib/generate';
import { parseNotice } from '../../src/lib/parse';
import { buildMatcher, findTerms } from '../../src/lib/terms';
import type { Notice } from '../../src/lib/types';
import { readSeedTexts } from '../seeds';

const notices = loadNotices();
const index = buildTermIndex(loadGlossary(), notices);
const term = (slug: string) => index.bySlug.get(slug)!;

/** Anchors whose text contains `form`, found by plain string search over the parsed notice. */
function anchorsContaining(noticeSlug: string, form: string): string[] {
  const notice = notices.find((n) => n.slug === noticeSlug)!;
  const ids = notice.blocks.flatMap((b) => blockTexts(b).filter((t) => t.text.includes(form)).map((t) => t.id));
  return [...new Set(ids)];
}

describe('term occurrence lists', () => {
  it('lists 三同时 in exactly the clauses that contain it, per notice', () => {
    for (const { notice, items } of term('san-tongshi').occurrences) {
      const listed = [...new Set(items.map((o) => o.block))];
      expect(`${notice.slug}: ${listed.join(' ')}`).toBe(`${notice.slug}: ${anchorsContaining(notice.slug, '三同时').join(' ')}`);
    }
  });

  it('uses the same notices for 三同时 as plain search over every notice', () => {
    const expected = notices.filter((n) => anchorsContaining(n.slug, '三同时').length > 0).map((n) => n.slug).sort();
    expect(term('san-tongshi').timeline.map((t) => t.slug).sort().join()).toBe(expected.join());
  });

  it('points table occurrences at the table row (岢岚 attachment, row 16 is 交通运输)', () => {
    const kelan = term('liang-ke-yi-wei-yi-huo').occurrences.find((o) => o.notice.slug === 'kelan-2023')!;
    expect(kelan.items.map((o) => o.block).includes('t1-r16')).toBe(true);
  });

  it('orders the timeline by year, oldest first', () => {
    const years = term('san-guan-san-bixu').timeline.map((t) => t.year);
    expect(years.join()).toBe([...years].sort().join());
    expect(years[0]).toBe(2020);
  });

  it('computes the years of each variant from the notices', () => {
    const forms = new Map(term('san-guan-san-bixu').forms.map((f) => [f.form, f]));
    expect(forms.get('三个必须')!.years.join()).toBe('2020');
    expect(forms.get('三个必须')!.notices.map((n) => n.slug).join()).toBe('shanxi-2020');
    const spelled = forms.get('管行业必须管安全、管业务必须管安全、管生产经营必须管安全')!;
    expect(spelled.notices.map((n) => n.slug).sort().join()).toBe('hongtong-2024-jiedu,yicheng-2023');
    const family = new Map(term('liang-ke-yi-wei-yi-huo').forms.map((f) => [f.form, f.years.join()]));
    expect(family.get('两客一危一货一面')).toBe('2025');
  });

  it('counts every occurrence, and the counts add up', () => {
    const t = term('wu-dao-wei');
    expect(t.occurrenceCount).toBe(t.timeline.reduce((n, x) => n + x.count, 0));
    expect(t.occurrenceCount).toBe(t.forms.reduce((n, f) => n + f.notices.reduce((m, x) => m + x.count, 0), 0));
  });

  it('shows each occurrence inside its own sentence', () => {
    for (const t of index.terms) {
      for (const { notice, items } of t.occurrences) {
        const texts = notices.find((n) => n.slug === notice.slug)!.blocks.flatMap(blockTexts);
        for (const o of items) {
          const plain = (o.before + o.match + o.after).replace(/^…|…$/g, '');
          expect(texts.some((x) => x.id === o.block && x.text.includes(plain))).toBe(true);
          expect(/[。；！？]/.test(o.before.replace(/^…/, ''))).toBe(false);
        }
      }
    }
  });
});

describe('term counts over a generated corpus', () => {
  it('count, per notice and per form, exactly what finding the terms in every text finds, in timeline order', () => {
    const seedTexts = readSeedTexts();
    const corpus: Notice[] = [...notices, ...generateCorpus({ notices: 200, seed: 'term-counts', seedTexts }).map(({ meta, text }) => ({ ...meta, blocks: parseNotice(text) }))];
    const entries = loadGlossary();
    const big = buildTermIndex(entries, corpus);
    const matcher = buildMatcher(glossaryForms(entries));
    // slug → notice → form → count, straight from the matcher.
    const expected = new Map<string, Map<string, Map<string, number>>>();
    for (const n of corpus) {
      for (const b of n.blocks) {
        for (const { text } of blockTexts(b)) {
          for (const m of findTerms(text, matcher)) {
            const byNotice = expected.get(m.slug) ?? expected.set(m.slug, new Map()).get(m.slug)!;
            const byForm = byNotice.get(n.slug) ?? byNotice.set(n.slug, new Map()).get(n.slug)!;
            byForm.set(m.form, (byForm.get(m.form) ?? 0) + 1);
          }
        }
      }
    }
    let checked = 0;
    for (const t of big.terms) {
      const byNotice = expected.get(t.entry.slug) ?? new Map<string, Map<string, number>>();
      const total = (forms: Map<string, number>) => [...forms.values()].reduce((a, c) => a + c, 0);
      expect(new Map(t.timeline.map((x) => [x.slug, x.count]))).toEqual(new Map([...byNotice].map(([slug, forms]) => [slug, total(forms)])));
      expect(t.occurrences.map((o) => [o.notice.slug, o.items.length])).toEqual(t.timeline.map((x) => [x.slug, x.count]));
      const order = t.timeline.map((x) => x.slug);
      for (const f of t.forms) {
        const want = order.filter((slug) => byNotice.get(slug)?.has(f.form)).map((slug) => ({ slug, count: byNotice.get(slug)!.get(f.form)! }));
        expect(f.notices).toEqual(want);
        checked += want.length;
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });
});

describe('sentenceAround', () => {
  it('cuts at sentence ends and marks cut-off context with …', () => {
    const text = '第一句。严格落实“三同时”和安全生产许可制度。第三句';
    const start = text.indexOf('三同时');
    const s = sentenceAround(text, start, start + 3);
    expect(`${s.before}[${s.match}]${s.after}`).toBe('严格落实“[三同时]”和安全生产许可制度。');
    const long = 'x'.repeat(100) + '三同时';
    expect(sentenceAround(long, 100, 103).before.startsWith('…')).toBe(true);
  });

  it('ends a sentence at each of 。！？； in both widths, and at a line break, which it leaves out', () => {
    const around = (text: string) => {
      const start = text.indexOf('三同时');
      const s = sentenceAround(text, start, start + 3);
      return `${s.before}[${s.match}]${s.after}`;
    };
    for (const end of ['。', '！', '？', '；', '!', '?', ';']) {
      expect(around(`前句${end}落实三同时制度${end}后句`), end).toBe(`落实[三同时]制度${end}`);
    }
    expect(around('表头\n落实三同时制度\n下一行')).toBe('落实[三同时]制度');
    // At most 60 characters each side, with … where the sentence goes on.
    expect(around(`${'甲'.repeat(70)}三同时${'乙'.repeat(70)}。`)).toBe(`…${'甲'.repeat(60)}[三同时]${'乙'.repeat(60)}…`);
  });
});

describe('helpers for the components', () => {
  it('puts a title with its own 书名号 inside 〈〉', () => {
    expect(bookTitle('《洪洞县通知》政策解读')).toBe('《〈洪洞县通知〉政策解读》');
  });

  it('leaves editorial notes out of the popover summary', () => {
    expect(summarize('定义。\n\n编者注：背景。')).toBe('定义。');
  });

  it('gives the popover each known term once', () => {
    const entries = popoverEntries(index, ['san-wei', 'san-wei', 'no-such-term', 'san-tongshi']);
    expect(entries.map((e) => e.slug).join()).toBe('san-tongshi,san-wei');
  });

  it('cites the term with its source document and 文号', () => {
    const cite = buildCitation(term('si-bu-liang-zhi'), 'https://example.org/terms/si-bu-liang-zhi/');
    expect(cite).toBe(
      '“四不两直”，编者释义；最早见于岢岚县人民政府《关于做好2023年安全生产工作的通知》（岢政发〔2023〕1号，2023年3月29日）。安全生产文件库，https://example.org/terms/si-bu-liang-zhi/',
    );
  });

  it('filters the index by any form, ignoring list punctuation and spaces', () => {
    const t = { haystack: '双随机、一公开 随机抽取检查对象', group: '监管执法' };
    expect(matchesFilter(t, '双随机，一公开', '')).toBe(true);
    expect(matchesFilter(t, ' 随机 ', '监管执法')).toBe(true);
    expect(matchesFilter(t, '随机', '行业领域')).toBe(false);
    expect(matchesFilter(t, '三同时', '')).toBe(false);
  });
});
