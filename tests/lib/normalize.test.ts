import { describe, expect, test } from 'vitest';
import {
  findLocalSpans,
  localise,
  normalizeForMatch,
  PLACE,
  placeNamesOf,
  stripMarkdown,
  stripNumbering,
  toHalfWidth,
} from '../../src/lib/normalize';

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
