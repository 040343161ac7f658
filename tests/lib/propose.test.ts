import { describe, expect, test } from 'vitest';
import { parseNotice } from '../../src/lib/parse';
import { formatProposal, kindOfTitle, levelOfIssuer, proposeMetadata } from '../../src/lib/propose';
import { noticeMetaSchema } from '../../src/schemas/notice';
import { parse } from 'yaml';
import { readSeed } from '../seeds';

describe('proposeMetadata reads what the document says about itself', () => {
  test('kelan-2023', () => {
    expect(proposeMetadata(parseNotice(readSeed('kelan-2023')))).toEqual({
      title: '关于做好2023年安全生产工作的通知',
      issuer: '岢岚县人民政府',
      docNumber: '岢政发〔2023〕1号',
      printDate: '2023-03-29',
      year: 2023,
      level: 'county',
      kind: 'notice',
      region: { county: '岢岚县' },
    });
  });

  test('shanxi-2020: a province, title over two lines', () => {
    expect(proposeMetadata(parseNotice(readSeed('shanxi-2020')))).toMatchObject({
      title: '关于做好2020年安全生产工作的通知',
      issuer: '山西省人民政府',
      date: '2020-02-26',
      level: 'province',
      region: { province: '山西省' },
    });
  });

  test('hongtong-2024-jiedu: the interpreter is the issuer, the whole title is kept', () => {
    expect(proposeMetadata(parseNotice(readSeed('hongtong-2024-jiedu')))).toMatchObject({
      title: '《洪洞县人民政府关于做好2024年安全生产工作的通知》政策解读',
      issuer: '洪洞县应急管理局',
      year: 2024,
      kind: 'interpretation',
    });
  });

  test('yicheng-2023: an opinion (意见) of a district', () => {
    expect(proposeMetadata(parseNotice(readSeed('yicheng-2023')))).toMatchObject({ kind: 'opinion', level: 'county', issuer: '峄城区人民政府' });
  });

  test('kind and level words', () => {
    expect(kindOfTitle('关于2023年安全生产工作意见')).toBe('opinion');
    expect(kindOfTitle('关于印发某某办法')).toBe(undefined);
    expect(levelOfIssuer('枣庄市人民政府')).toBe('city');
    expect(levelOfIssuer('重庆市人民政府')).toBe('province');
  });

  test('the proposal, once its TODOs are filled, passes the schema', () => {
    const yaml = formatProposal(proposeMetadata(parseNotice(readSeed('qinshui-2025'))), 'qinshui-2025.txt').replace('province: TODO', 'province: 山西省');
    expect(noticeMetaSchema.safeParse(parse(yaml)).success).toBe(true);
  });
});
