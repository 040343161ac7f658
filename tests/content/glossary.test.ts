import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkTermsOccur, glossaryForms, loadGlossary, parseGlossaryEntry } from '../../src/data/glossary';
import { loadNotices } from '../../src/data/notices';
import { checkSources, noticeTexts } from '../../src/site/terms';

const glossary = loadGlossary();
const notices = loadNotices();

function entryFile(term: string, extra = ''): string {
  return `---\nterm: ${term}\nreading: 读法\ngroup: 责任体系\nsource:\n  kind: editorial\n${extra}---\n\n释义。\n`;
}

function glossaryDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'glossary-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

describe('the glossary content', () => {
  it('loads every entry, each slug from its file name', () => {
    expect(glossary.length > 40).toBe(true);
    for (const e of glossary) expect(e.file.endsWith(`${e.slug}.mdx`)).toBe(true);
  });

  it('names real notices and clauses as sources', () => {
    expect(() => checkSources(glossary, notices)).not.toThrow();
  });

  it('uses every term somewhere in the notices', () => {
    expect(() => checkTermsOccur(glossary, noticeTexts(notices))).not.toThrow();
  });

  it('attributes the 12 terms of 洪洞’s 专业术语注释 to their clause, s4-1 … s4-12', () => {
    const hongtong = notices.find((n) => n.slug === 'hongtong-2024-jiedu')!;
    const attributed = glossary.filter((e) => e.source.kind === 'document' && /^s4-\d+$/.test(e.source.block));
    expect(attributed.length).toBe(12);
    for (const e of attributed) {
      const block = hongtong.blocks.find((b) => e.source.kind === 'document' && b.id === e.source.block)!;
      // The clause heading names the term (or one of its forms), e.g. 6.“三违行为”：
      const named = glossaryForms([e]).some((f) => block.text.includes(f.form));
      expect(`${e.slug}: ${named}`).toBe(`${e.slug}: true`);
    }
  });

  it('writes no definition that is empty or left as a placeholder', () => {
    for (const e of glossary) expect(`${e.slug}: ${e.body.length > 10 && !/TODO|待补/.test(e.body)}`).toBe(`${e.slug}: true`);
  });
});

describe('glossary errors', () => {
  it('fails when two entries claim the same form', () => {
    const dir = glossaryDir({
      'san-wei.mdx': entryFile('三违'),
      'fan-san-wei.mdx': entryFile('反三违', 'aliases: [三违]\n'),
    });
    expect(() => loadGlossary(dir)).toThrow(
      `${join(dir, 'san-wei.mdx')}: the form "三违" is already claimed by ${join(dir, 'fan-san-wei.mdx')}. Fix: a form can belong to one term only; remove it from one of the two entries.`,
    );
  });

  it('fails when an entry’s term and forms occur in no notice', () => {
    const entry = parseGlossaryEntry(entryFile('六不放过', 'aliases: [六个不放过]\n'), 'content/glossary/liu-bu-fangguo.mdx');
    expect(() => checkTermsOccur([...glossary, entry], noticeTexts(notices))).toThrow(
      'content/glossary/liu-bu-fangguo.mdx: the term "六不放过" occurs in no notice (looked for "六不放过", "六个不放过"). Fix: copy the exact spelling from a notice into "term", "aliases" or "variants", or delete the entry.',
    );
  });

  it('names the file, line and fix for a bad group', () => {
    const text = entryFile('三违').replace('group: 责任体系', 'group: 其他');
    expect(() => parseGlossaryEntry(text, 'content/glossary/san-wei.mdx')).toThrow(
      /^content\/glossary\/san-wei\.mdx:4: field "group": .*\. Fix: use one of: 责任体系, 风险与隐患, 监管执法, 行业领域, 事故与追责, 宣传教育培训, 应急与救援, 理念与目标\.$/,
    );
  });

  it('names the missing field', () => {
    const text = entryFile('三违').replace('reading: 读法\n', '');
    expect(() => parseGlossaryEntry(text, 'content/glossary/san-wei.mdx')).toThrow(
      'content/glossary/san-wei.mdx:2: field "reading": Required. Fix: add "reading:" to the frontmatter.',
    );
  });

  it('rejects a source that names no clause of the notice', () => {
    const entry = parseGlossaryEntry(
      entryFile('三违').replace('  kind: editorial\n', '  kind: document\n  notice: hongtong-2024-jiedu\n  block: s9-9\n'),
      'content/glossary/san-wei.mdx',
    );
    expect(() => checkSources([entry], notices)).toThrow(
      'content/glossary/san-wei.mdx: field "source.block": notice "hongtong-2024-jiedu" has no block "s9-9". Fix: copy the clause anchor from the notice page (e.g. s4-5).',
    );
  });

  it('accepts CRLF line endings and a BOM', () => {
    const entry = parseGlossaryEntry('\uFEFF' + entryFile('三违').replace(/\n/g, '\r\n'), 'content/glossary/san-wei.mdx');
    expect(entry.term).toBe('三违');
    expect(entry.body).toBe('释义。');
  });

  it('requires the frontmatter', () => {
    expect(() => parseGlossaryEntry('释义。', 'content/glossary/x.mdx')).toThrow(
      'content/glossary/x.mdx:1: the entry must start with a YAML frontmatter block: put "---" on the first line.',
    );
  });
});
