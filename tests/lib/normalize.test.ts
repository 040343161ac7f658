import { describe, expect, test } from 'vitest';
import {
  findLocalSpans,
  keepLettersAndDigits,
  localise,
  normalizeForMatch,
  PLACE,
  placeNamesOf,
  stripMarkdown,
  stripNumbering,
  toHalfWidth,
} from '../../src/lib/normalize';
import { generateCorpus } from '../../src/lib/generate';
import { readSeedTexts } from '../seeds';

describe('toHalfWidth', () => {
  test('folds full-width ASCII and keeps CJK marks', () => {
    expect(toHalfWidth('（一）２０２５年，ＰＤＴ')).toBe('(一)2025年,PDT');
    expect(toHalfWidth('。、“”')).toBe('。、“”');
  });
});

describe('stripNumbering', () => {
  test.each([
    ['一、完善安全责任体系', '完善安全责任体系'],
    ['(三)倒逼责任落实', '倒逼责任落实'],
    ['3.交通运输。', '交通运输。'],
    ['3、交通运输', '交通运输'],
    ['第一部分:聚焦责任落实', '聚焦责任落实'],
    ['一是提高政治站位', '提高政治站位'],
    ['(二)1.严格党政领导责任', '严格党政领导责任'],
  ])('%s', (input, expected) => {
    expect(stripNumbering(input)).toBe(expected);
  });

  test('leaves a year and a number inside the text alone', () => {
    expect(stripNumbering('2023年，全县安全生产工作')).toBe('2023年，全县安全生产工作');
  });
});

describe('stripMarkdown', () => {
  test('removes heading hashes, bold markers and rules', () => {
    expect(stripMarkdown('## **一、强化担当作为**')).toBe('一、强化担当作为');
    expect(stripMarkdown('---')).toBe('');
  });
});

describe('localise', () => {
  test('self-references of any level compare equal', () => {
    expect(localise('全县安全生产工作')).toBe(localise('全区安全生产工作'));
    expect(localise('推动我县企业安全文化建设')).toBe(localise('推动我区企业安全文化建设'));
    expect(localise('县安委会每月至少召开一次会议')).toBe(localise('区安委会每月至少召开一次会议'));
  });

  test('provinces are replaced whatever the notice', () => {
    expect(localise('《山西省安全生产条例》')).toBe(`《${PLACE}安全生产条例》`);
    expect(localise('《山东省安全生产条例》')).toBe(`《${PLACE}安全生产条例》`);
  });

  test("a notice's own region names are replaced, full and short", () => {
    const places = placeNamesOf({ province: '山西省', city: '忻州市', county: '岢岚县' });
    expect(places).toEqual(['山西省', '山西', '忻州市', '忻州', '岢岚县', '岢岚']);
    expect(localise('为岢岚全方位推动高质量发展', places)).toBe(`为${PLACE}全方位推动高质量发展`);
  });

  test('does not touch words that merely contain 区 or 县', () => {
    expect(localise('严禁承接其他地区转移的淘汰落后项目')).toBe('严禁承接其他地区转移的淘汰落后项目');
  });

  test('spans are sorted and disjoint, longest name first', () => {
    const text = '山西省人民政府和岢岚县';
    expect(findLocalSpans(text, ['岢岚县', '岢岚'])).toEqual([
      [0, 3],
      [8, 11],
    ]);
  });
});

describe('normalizeForMatch', () => {
  test('full- and half-width punctuation give the same key', () => {
    const full = '对非法生产经营建设和存在重大隐患经停产整顿仍未达到要求的，一律依法关闭取缔；';
    const half = '对非法生产经营建设和存在重大隐患经停产整顿仍未达到要求的,一律依法关闭取缔;';
    expect(normalizeForMatch(full)).toBe(normalizeForMatch(half));
  });

  test('renumbering is not a difference', () => {
    expect(normalizeForMatch('（十三）消防。')).toBe(normalizeForMatch('6. 消防'));
  });

  test('spaces inside the text (2024 年, 应急 PDT) are not a difference', () => {
    expect(normalizeForMatch('加快应急 PDT 窄带无线通信网建设')).toBe(normalizeForMatch('加快应急PDT窄带无线通信网建设'));
  });

  test('empty, BOM and CRLF input', () => {
    expect(normalizeForMatch('')).toBe('');
    expect(normalizeForMatch('\uFEFF消防。\r\n')).toBe('消防');
  });
});

/**
 * The regular expressions each step was written as before it scanned by character code (issue
 * #6: they were most of the time it takes to split a notice into clauses). The fast steps must
 * give exactly what these give.
 */
const reference = {
  toHalfWidth: (text: string) => text.normalize('NFKC'),
  stripMarkdown: (text: string) =>
    text
      .replace(/^\s*#{1,6}\s*/gm, '')
      .replace(/\*\*|__/g, '')
      .replace(/^\s*-{3,}\s*$/gm, '')
      .replace(/<\/?p>/g, ''),
  keepLettersAndDigits: (text: string) => text.replace(/[^\p{L}\p{N}◇]+/gu, '').toLowerCase(),
  selfReference: /(?<=[我全本各])[县区市省州旗]|[县区市省](?=(?:人民)?政府|委|党|安委|安办|安委办|直|属|级|财政|应急|有关)/g,
  findLocalSpans(text: string, places: readonly string[]): Array<[number, number]> {
    const provinces = ['北京', '天津', '上海', '重庆', '河北', '山西', '辽宁', '吉林', '黑龙江', '江苏', '浙江', '安徽', '福建', '江西', '山东', '河南', '湖北', '湖南', '广东', '海南', '四川', '贵州', '云南', '陕西', '甘肃', '青海', '台湾', '内蒙古', '广西', '西藏', '宁夏', '新疆', '香港', '澳门'];
    const names = [...new Set([...places, ...provinces.flatMap((p) => [`${p}省`, `${p}市`, `${p}自治区`, p])])].sort((x, y) => y.length - x.length);
    const placePattern = new RegExp(names.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g');
    const spans: Array<[number, number]> = [];
    for (const re of [placePattern, reference.selfReference]) for (const m of text.matchAll(re)) spans.push([m.index, m.index + m[0].length]);
    spans.sort((x, y) => x[0] - y[0] || y[1] - x[1]);
    const out: Array<[number, number]> = [];
    for (const span of spans) if (!(out.length > 0 && span[0] < out[out.length - 1]![1])) out.push(span);
    return out;
  },
};

describe('the character scans give what the regular expressions gave', () => {
  const seedTexts = readSeedTexts();
  const notices = [
    ...seedTexts.map((s) => ({ text: s.text, places: [] as string[] })),
    ...generateCorpus({ notices: 120, seed: 'normalize', seedTexts }).map((g) => ({ text: g.text, places: placeNamesOf(g.meta.region) })),
  ];
  // Every line of every notice, and each line cut into its clauses' pieces as the steps see them.
  const lines = notices.flatMap(({ text, places }) => text.split('\n').map((line) => ({ line, places })));

  test('on every line of the seeds and of 120 generated notices', () => {
    let checked = 0;
    let localised = 0;
    for (const { line, places } of lines) {
      const half = toHalfWidth(line);
      expect(half).toBe(reference.toHalfWidth(line));
      expect(stripMarkdown(line)).toBe(reference.stripMarkdown(line));
      const spans = findLocalSpans(half, places);
      expect(spans).toEqual(reference.findLocalSpans(half, places));
      if (spans.length > 0) localised++;
      expect(keepLettersAndDigits(line)).toBe(reference.keepLettersAndDigits(line));
      expect(keepLettersAndDigits(localise(half, places))).toBe(reference.keepLettersAndDigits(localise(half, places)));
      checked++;
    }
    // The lines are real and varied: thousands of them, many with a place or a self-reference.
    expect(checked).toBeGreaterThan(5000);
    expect(localised).toBeGreaterThan(500);
  });

  test('on awkward text: markdown, full-width letters, other scripts, surrogates, place names overlapping a self-reference', () => {
    const samples = [
      '## **一、强化担当作为**',
      '---',
      '<p>消防</p>',
      '__加粗__与*单星*',
      'ＡＢＣ１２３，ＰＤＴ',
      'Ⅻ、①项、㈠项、…、％、℃、㎡',
      'ÀÉÎ ǅ İstanbul Σίσυφος ΣΑΣ',
      '𠀀𠀁字 𝐀𝐁 😀 \ud800 lone \udc00',
      'e\u0301 ﾊﾟ ｶﾞ が',
      '山西省人民政府和岢岚县人民政府，我县、全区、本市、各旗、县安委会、区安委办、市直、省属、县级、县财政、县应急、县有关部门',
      '岢岚县政府',
      '其他地区转移',
      '',
      ' \t\u3000\r',
    ];
    const places = ['山西省', '山西', '忻州市', '忻州', '岢岚县', '岢岚'];
    for (const text of samples) {
      expect(toHalfWidth(text)).toBe(reference.toHalfWidth(text));
      expect(stripMarkdown(text)).toBe(reference.stripMarkdown(text));
      expect(findLocalSpans(text, places)).toEqual(reference.findLocalSpans(text, places));
      expect(keepLettersAndDigits(text)).toBe(reference.keepLettersAndDigits(text));
    }
  });
});
