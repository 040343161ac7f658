import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { serialize } from 'node:v8';
import { loadNotices } from '../../src/data/notices';
import { PARSER_FILES, PackWriter, closePacks, decodeBlocks, dropUnusedPacks, encodeBlocks, packDir, parserDigest, readParsed } from '../../src/data/parse-cache';
import { generateCorpus } from '../../src/lib/generate';
import { parseNotice } from '../../src/lib/parse';
import { readSeedTexts } from '../seeds';

const root = mkdtempSync(join(tmpdir(), 'parse-cache-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('parse cache', () => {
  it('gives back the blocks it stored, and nothing for a missing pack, a wrong digest or a cut-off pack', () => {
    const notices = loadNotices();
    const cacheDir = join(root, 'cache');
    const pack = new PackWriter(cacheDir);
    const refs = notices.map((n) => pack.add(`digest-of-${n.slug}`, n.blocks));
    expect(readParsed(refs[0]!)).toBeUndefined();
    pack.close();
    expect(refs.map((r) => r.file)).toEqual(notices.map(() => pack.file));
    notices.forEach((n, i) => expect(readParsed(refs[i]!)).toEqual(n.blocks));
    expect(readParsed({ ...refs[1]!, digest: 'digest-of-something-else' })).toBeUndefined();
    expect(readParsed({ ...refs[1]!, offset: refs[1]!.offset + 7 })).toBeUndefined();
    closePacks();
    const last = refs.at(-1)!;
    truncateSync(pack.file, last.offset + last.length - 1);
    expect(readParsed(last)).toBeUndefined();
    expect(readParsed(refs[0]!)).toEqual(notices[0]!.blocks);
    closePacks();
  });

  it('gives back every block exactly as parsed, key order and all, for the seeds and 300 generated notices', () => {
    const seedTexts = readSeedTexts();
    const parsed = [...seedTexts.map((s) => parseNotice(s.text)), ...generateCorpus({ notices: 300, seed: 'pack', seedTexts }).map((g) => parseNotice(g.text))];
    const types = new Set<string>();
    let responsibilities = 0;
    for (const blocks of parsed) {
      const { strings, numbers } = encodeBlocks(blocks);
      // JSON, not toEqual: the open data is written from these objects, so key order counts too.
      expect(JSON.stringify(decodeBlocks(strings, numbers))).toBe(JSON.stringify(blocks));
      for (const b of blocks) {
        types.add(b.type);
        if (b.type === 'paragraph' && b.responsibility !== undefined) responsibilities++;
      }
    }
    // Every kind of block, and the optional field, went through the codec.
    expect([...types].sort()).toEqual(['furniture', 'heading', 'paragraph', 'table']);
    expect(responsibilities).toBeGreaterThan(0);
  });

  it('gives back every record of a pack of several megabytes, written a megabyte at a time', () => {
    const seedTexts = readSeedTexts();
    const parsed = generateCorpus({ notices: 150, seed: 'pack-size', seedTexts }).map((g) => parseNotice(g.text));
    const cacheDir = join(root, 'cache-large');
    const pack = new PackWriter(cacheDir);
    const refs = parsed.map((blocks, i) => pack.add(`d${i}`, blocks));
    pack.close();
    const end = refs.at(-1)!.offset + refs.at(-1)!.length;
    // Larger than the writer holds at once, so records were written before the last one came.
    expect(end).toBeGreaterThan(3 * 2 ** 20);
    expect(readFileSync(pack.file).length).toBe(end);
    parsed.forEach((blocks, i) => expect(readParsed(refs[i]!), `record ${i}`).toEqual(blocks));
    closePacks();
  });

  it('reads a record that is cut short, too long or of another layout as nothing (the notice is parsed again)', () => {
    const kelan = loadNotices().find((n) => n.slug === 'kelan-2023')!;
    const { strings, numbers } = encodeBlocks(kelan.blocks);
    expect(() => decodeBlocks(strings.slice(0, -1), numbers)).toThrow(/ends early/);
    expect(() => decodeBlocks([...strings, 'x'], numbers)).toThrow(/longer/);
    expect(() => decodeBlocks(['list', ...strings.slice(1)], numbers)).toThrow(/unknown block type/);
    const cacheDir = join(root, 'layout');
    const pack = new PackWriter(cacheDir);
    const good = pack.add('d', kelan.blocks);
    pack.close();
    // An earlier layout's record ({ digest, blocks }) at the same place reads as nothing.
    const old = serialize({ digest: 'd', blocks: kelan.blocks });
    appendFileSync(pack.file, old);
    expect(readParsed({ ...good, offset: good.offset + good.length, length: old.length })).toBeUndefined();
    expect(JSON.stringify(readParsed(good))).toBe(JSON.stringify(kelan.blocks));
    closePacks();
  });

  it('writes no pack when nothing was parsed, and drops the packs no entry uses', () => {
    const cacheDir = join(root, 'drop');
    new PackWriter(cacheDir).close();
    expect(existsSync(packDir(cacheDir))).toBe(false);
    const kelan = loadNotices().find((n) => n.slug === 'kelan-2023')!;
    const [first, second] = [new PackWriter(cacheDir), new PackWriter(cacheDir)];
    expect(first.file).not.toBe(second.file);
    first.add('a', kelan.blocks);
    first.close();
    expect(dropUnusedPacks(cacheDir, new Set([first.file]))).toBe(0);
    cpSync(first.file, join(packDir(cacheDir), 'earlier-build.pack'));
    expect(dropUnusedPacks(cacheDir, new Set([first.file]))).toBe(1);
    expect(readdirSync(packDir(cacheDir))).toEqual([basename(first.file)]);
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

  it('lists every local module that parsing and reading metadata import', () => {
    // A module missing from the list could change what a parse gives without a re-parse.
    const found = new Set<string>();
    const visit = (file: string): void => {
      if (found.has(file)) return;
      found.add(file);
      const source = readFileSync(join(process.cwd(), file), 'utf8');
      for (const m of source.matchAll(/^import (?!type )[^;]*? from '(\.[^']+)';/gms)) {
        visit(relative(process.cwd(), join(process.cwd(), dirname(file), `${m[1]}.ts`)));
      }
    };
    visit('src/data/notices.ts');
    expect(found.size).toBeGreaterThan(5);
    expect([...found].filter((f) => !PARSER_FILES.includes(f))).toEqual([]);
  });
});
