import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { matchNumberPhrase, tokenize } from '../../src/lib/tokenize';
import { buildMatcher } from '../../src/lib/terms';
import { glossaryForms, loadGlossary } from '../../src/data/glossary';

const seedSlugs = ['hongtong-2024-jiedu', 'kelan-2023', 'qinshui-2025', 'shanxi-2020', 'yicheng-2023'];
const seeds = seedSlugs.map((s) => readFileSync(`seeds/${s}.txt`, 'utf8'));
const matcher = buildMatcher(glossaryForms(loadGlossary()));

describe('tokenize', () => {
  it('returns no tokens for empty text', () => {
    expect(tokenize('').length).toBe(0);
    expect(tokenize('', matcher).length).toBe(0);
  });

  it('gives back every seed exactly when the tokens are joined', () => {
    for (const text of seeds) {
      expect(tokenize(text, matcher).join('')).toBe(text);
      expect(tokenize(text).join('')).toBe(text);
    }
  });

  it('gives back CRLF, BOM and mixed-width text exactly', () => {
    const text = '\uFEFF（一）强化担当作为,压实安全责任\r\n(二)落实“三个必须”要求;2024 年';
    expect(tokenize(text, matcher).join('')).toBe(text);
  });

  it('keeps glossary terms whole where the stock segmenter splits them', () => {
    const text = '紧盯“两客一危一货”等重点车辆，从严查处“三超一疲劳”';
    const stock = [...new Intl.Segmenter('zh', { granularity: 'word' }).segment('两客一危一货')].length;
    expect(stock > 1).toBe(true);
    const tokens = tokenize(text, matcher);
    expect(tokens.includes('两客一危一货')).toBe(true);
    expect(tokens.includes('三超一疲劳')).toBe(true);
  });

  it('keeps the longest glossary form whole', () => {
    expect(tokenize('着力解决“两客一危一货一面”等', matcher).includes('两客一危一货一面')).toBe(true);
  });

  it('keeps numbers with their units and date parts whole', () => {
    const text = '2025年6月底前完成普查，完成130座治理工作任务，每半年至少召开1次专题会议，保障0.6万人，建成2—3个安全体验馆，24小时专人值守，监测率达到100%。';
    const tokens = tokenize(text, matcher);
    for (const whole of ['2025年6月底前', '130座', '每半年', '1次', '0.6万人', '2—3个', '24小时', '100%']) {
      expect(`${whole}: ${tokens.includes(whole)}`).toBe(`${whole}: true`);
    }
  });

  it('keeps a year written with a space whole, but never swallows a space after a bare number', () => {
    expect(tokenize('做好 2024 年安全生产工作').includes('2024 年')).toBe(true);
    expect(tokenize('〔2024〕1 号').join('|')).toBe('〔|2024|〕|1| |号');
  });

  it('keeps frequencies whole: 每月, 每季度, 每年', () => {
    const tokens = tokenize('政府每月至少召开一次会议，每季度听取一次汇报，每年至少研究解决10项具体问题');
    for (const whole of ['每月', '每季度', '每年', '一次', '10项']) {
      expect(`${whole}: ${tokens.includes(whole)}`).toBe(`${whole}: true`);
    }
  });

  it('does not start a number phrase inside a longer number or word', () => {
    expect(tokenize('370MHz').join('|')).toBe('370MHz');
    expect(tokenize('1543座').join('|')).toBe('1543座');
  });

  it('makes each punctuation mark and each run of whitespace its own token', () => {
    const tokens = tokenize('“五到位”，  要求。');
    for (const sep of ['“', '”', '，', '  ', '。']) expect(`${sep}: ${tokens.includes(sep)}`).toBe(`${sep}: true`);
    expect(tokens.filter((t) => /[\p{P}\s]/u.test(t) && t.trim().length > 1).length).toBe(0);
    expect(tokenize('“五到位”，  要求。', matcher).join('|')).toBe('“|五到位|”|，|  |要求|。');
    expect(tokenize('a\r\nb').join('|')).toBe('a|\r\n|b');
  });
});

describe('matchNumberPhrase', () => {
  it('measures the number phrase at the start of the text, or 0', () => {
    expect(matchNumberPhrase('2025年10月底前完成')).toBe('2025年10月底前'.length);
    expect(matchNumberPhrase('0.6万人。')).toBe(5);
    expect(matchNumberPhrase('安全')).toBe(0);
  });
});
