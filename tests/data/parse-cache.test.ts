import { cpSync, mkdtempSync, rmSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadNotices } from '../../src/data/notices';
import { PARSER_FILES, parsedFile, parserDigest, readParsed, writeParsed } from '../../src/data/parse-cache';

const root = mkdtempSync(join(tmpdir(), 'parse-cache-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('parse cache', () => {
  it('gives back the blocks it stored, and nothing for a missing or broken file', () => {
    const kelan = loadNotices().find((n) => n.slug === 'kelan-2023')!;
    const file = parsedFile(join(root, 'cache'), 'abc123');
    expect(readParsed(file)).toBeUndefined();
    writeParsed(file, kelan.blocks);
    expect(readParsed(file)).toEqual(kelan.blocks);
    writeFileSync(file, '{"half');
    expect(readParsed(file)).toBeUndefined();
  });

  it('changes its parser digest when any parser source file changes', () => {
    const copy = join(root, 'repo');
    for (const f of PARSER_FILES) cpSync(join(process.cwd(), f), join(copy, f));
    const before = parserDigest(copy);
    expect(parserDigest(copy)).toBe(before);
    expect(before).toBe(parserDigest(process.cwd()));
    for (const f of PARSER_FILES) {
      appendFileSync(join(copy, f), '\n// changed\n');
      const after = parserDigest(copy);
      expect(`${f}: ${after === before ? 'same' : 'changed'}`).toBe(`${f}: changed`);
      cpSync(join(process.cwd(), f), join(copy, f));
    }
  });
});
