import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ContentError, loadNotices } from '../../src/data/notices';
import { SEED_SLUGS } from '../seeds';

const GOOD_META = [
  'title: 关于做好2024年安全生产工作的通知',
  'issuer: 某县人民政府',
  'docNumber: 某政发〔2024〕1号',
  'date: 2024-03-01',
  'year: 2024',
  'level: county',
  'region: { province: 山西省, city: 某市, county: 某县 }',
  'kind: notice',
  'source: mou-2024.txt',
].join('\n');
const GOOD_SEED = '某县人民政府文件\n\n某政发〔2024〕1号\n\n关于做好2024年安全生产工作的通知\n\n各乡镇：\n\n一、总体要求\n\n（一）压实责任。落实“三管三必须”。\n';

/** A corpus folder with the given files; returns its path. */
function corpus(files: Record<string, string | Uint8Array>): string {
  const root = mkdtempSync(join(tmpdir(), 'notices-'));
  mkdirSync(join(root, 'content', 'notices'), { recursive: true });
  mkdirSync(join(root, 'seeds'), { recursive: true });
  for (const [path, content] of Object.entries(files)) writeFileSync(join(root, path), content);
  return root;
}

/** The problems loadNotices reports, with the folder shown as ROOT. */
function problemsOf(root: string): string[] {
  try {
    loadNotices(root);
  } catch (error) {
    if (error instanceof ContentError) return error.problems.map((p) => p.replaceAll(root, 'ROOT'));
    throw error;
  }
  return [];
}

describe('the real content', () => {
  test('loads all five seed notices with their metadata and blocks', () => {
    const notices = loadNotices(process.cwd());
    expect(notices.map((n) => n.slug).sort()).toEqual([...SEED_SLUGS].sort());
    const kelan = notices.find((n) => n.slug === 'kelan-2023')!;
    expect(kelan).toMatchObject({ issuer: '岢岚县人民政府', docNumber: '岢政发〔2023〕1号', year: 2023, level: 'county', kind: 'notice', relations: [] });
    expect(kelan.blocks.length).toBeGreaterThan(100);
    const hongtong = notices.find((n) => n.slug === 'hongtong-2024-jiedu')!;
    expect(hongtong.relations.map((r) => r.type)).toEqual(['interprets', 'cites', 'cites']);
    expect(hongtong.date).toBeUndefined();
  });
});

describe('good input', () => {
  test('a BOM and CRLF line endings are accepted in metadata and seed', () => {
    const root = corpus({
      'content/notices/mou-2024.yaml': `\uFEFF${GOOD_META.replace(/\n/g, '\r\n')}\r\n`,
      'seeds/mou-2024.txt': `\uFEFF${GOOD_SEED.replace(/\n/g, '\r\n')}`,
    });
    const [notice] = loadNotices(root);
    expect(notice?.slug).toBe('mou-2024');
    expect(notice?.blocks.map((b) => b.id)).toEqual(['f-masthead', 'f-doc-number', 'f-title', 'f-addressee', 's1', 's1-1', 's1-1-p1']);
  });
});

describe('bad input fails with the file, the line and the fix', () => {
  test('a missing field', () => {
    const root = corpus({ 'content/notices/mou-2024.yaml': GOOD_META.replace('issuer: 某县人民政府\n', ''), 'seeds/mou-2024.txt': GOOD_SEED });
    expect(problemsOf(root)).toEqual(['ROOT/content/notices/mou-2024.yaml:1: field "issuer" is missing. Fix: add it, e.g. `issuer: 岢岚县人民政府`.']);
  });

  test('a value outside its list, on its line', () => {
    const root = corpus({ 'content/notices/mou-2024.yaml': GOOD_META.replace('level: county', 'level: town'), 'seeds/mou-2024.txt': GOOD_SEED });
    expect(problemsOf(root)).toEqual(['ROOT/content/notices/mou-2024.yaml:6: field "level" is "town". Fix: use one of: province, city, county.']);
  });

  test('a misspelt field', () => {
    const root = corpus({ 'content/notices/mou-2024.yaml': `${GOOD_META}\nregoin: 山西省`, 'seeds/mou-2024.txt': GOOD_SEED });
    expect(problemsOf(root)).toEqual(['ROOT/content/notices/mou-2024.yaml:1: field "regoin" is not a known field. Fix: remove it or correct its spelling.']);
  });

  test('a date that is not YYYY-MM-DD', () => {
    const root = corpus({ 'content/notices/mou-2024.yaml': GOOD_META.replace('date: 2024-03-01', 'date: 2024年3月1日'), 'seeds/mou-2024.txt': GOOD_SEED });
    expect(problemsOf(root)).toEqual([
      'ROOT/content/notices/mou-2024.yaml:4: field "date" is not valid. Fix: make it a real date written YYYY-MM-DD, e.g. 2023-03-29.',
    ]);
  });

  test('YAML that cannot be read', () => {
    const root = corpus({ 'content/notices/mou-2024.yaml': GOOD_META.replace('kind: notice', 'kind: [notice'), 'seeds/mou-2024.txt': GOOD_SEED });
    // The YAML library notices the unclosed bracket where the next line starts.
    expect(problemsOf(root)).toEqual([
      'ROOT/content/notices/mou-2024.yaml:9: the YAML cannot be read (Flow sequence in block collection must be sufficiently indented and end with a ] at line 9, column 1:). Fix: correct the syntax on that line.',
    ]);
  });

  test('a missing seed', () => {
    const root = corpus({ 'content/notices/mou-2024.yaml': GOOD_META });
    expect(problemsOf(root)).toEqual([
      'ROOT/content/notices/mou-2024.yaml:9: field "source" names ROOT/seeds/mou-2024.txt, which does not exist. Fix: add the raw text there or correct "source".',
    ]);
  });

  test('an empty seed', () => {
    const root = corpus({ 'content/notices/mou-2024.yaml': GOOD_META, 'seeds/mou-2024.txt': '\uFEFF \n\n' });
    expect(problemsOf(root)).toEqual(["ROOT/seeds/mou-2024.txt: the file is empty. Fix: put the notice's full text in it."]);
  });

  test('a seed that is not UTF-8 (GB18030 bytes on line 3)', () => {
    const gbk = new Uint8Array([...new TextEncoder().encode('一、要求\n\n'), 0xb0, 0xb2, 0xc8, 0xab, 0x0a]);
    const root = corpus({ 'content/notices/mou-2024.yaml': GOOD_META, 'seeds/mou-2024.txt': gbk });
    expect(problemsOf(root)).toEqual([
      'ROOT/seeds/mou-2024.txt:3: the file is not UTF-8 (byte 0xB0 at offset 14). Fix: convert it, e.g. `iconv -f GB18030 -t UTF-8`, and save it again.',
    ]);
  });

  test('duplicate slugs', () => {
    const root = corpus({ 'content/notices/mou-2024.yaml': GOOD_META, 'content/notices/mou-2024.yml': GOOD_META, 'seeds/mou-2024.txt': GOOD_SEED });
    expect(problemsOf(root)).toEqual([
      'ROOT/content/notices/mou-2024.yml: the slug "mou-2024" is already used by ROOT/content/notices/mou-2024.yaml. Fix: rename one of the two files.',
    ]);
  });

  test('a file name that cannot be a slug', () => {
    const root = corpus({ 'content/notices/Mou 2024.yaml': GOOD_META, 'seeds/mou-2024.txt': GOOD_SEED });
    expect(problemsOf(root)).toEqual([
      'ROOT/content/notices/Mou 2024.yaml: "Mou 2024" cannot be a slug. Fix: rename the file to lower-case letters, digits and hyphens, e.g. kelan-2023.yaml.',
    ]);
  });

  test('every problem is reported at once', () => {
    const root = corpus({
      'content/notices/mou-2024.yaml': GOOD_META.replace('level: county', 'level: town'),
      'content/notices/other-2024.yaml': GOOD_META.replace('mou-2024.txt', 'other-2024.txt'),
      'seeds/mou-2024.txt': GOOD_SEED,
    });
    expect(problemsOf(root)).toHaveLength(2);
  });
});
