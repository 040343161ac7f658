import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { serialize } from 'node:v8';
import { loadNotices } from '../../src/data/notices';
import { PARSER_FILES, PackWriter, closePacks, decodeBlocks, dropUnusedPacks, encodeBlocks, packDir, parserDigest, readParsed, readRecord, writeRecord } from '../../src/data/parse-cache';
import { packedNotices } from '../helpers/packed';
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
    // Earlier layouts' records ({ digest, blocks }, then [digest, strings, numbers]) at the same
    // place read as nothing.
    let end = good.offset + good.length;
    for (const old of [serialize({ digest: 'd', blocks: kelan.blocks }), serialize(['d', strings, numbers])]) {
      appendFileSync(pack.file, old);
      expect(readParsed({ ...good, offset: end, length: old.length })).toBeUndefined();
      end += old.length;
    }
    expect(JSON.stringify(readParsed(good))).toBe(JSON.stringify(kelan.blocks));
    closePacks();
    // A record read whole gives its blocks; cut short, run on, under another digest, or with a
    // string length or block count that does not add up, it gives nothing.
    const record = Buffer.alloc(-writeRecord(Buffer.alloc(0), 0, 'd', kelan.blocks));
    expect(writeRecord(record, 0, 'd', kelan.blocks)).toBe(record.length);
    expect(JSON.stringify(readRecord(record, 'd'))).toBe(JSON.stringify(kelan.blocks));
    expect(readRecord(record.subarray(0, -2), 'd')).toBeUndefined();
    expect(readRecord(Buffer.concat([record, Buffer.alloc(2)]), 'd')).toBeUndefined();
    expect(readRecord(record, 'e')).toBeUndefined();
    const lengths = 20 + 1;
    for (const [at, change] of [[lengths, 1], [lengths + 4, -1], [lengths + 4 * strings.length, 1]] as const) {
      const bad = Buffer.from(record);
      bad.writeInt32LE(bad.readInt32LE(at) + change, at);
      expect(readRecord(bad, 'd'), `byte ${at}`).toBeUndefined();
    }
  });

  it('gives notices whose blocks are read when asked for: the same JSON and keys as plain notices, the same array while asked for in a row, parsed again when the pack is gone', () => {
    const real = loadNotices();
    const generated = generateCorpus({ notices: 20, seed: 'lazy', seedTexts: readSeedTexts() }).map(({ meta, text }) => ({ ...meta, blocks: parseNotice(text) }));
    const notices = [...real, ...generated];
    const parsedAgain: string[] = [];
    const { notices: lazy, pack } = packedNotices(notices, join(root, 'lazy'), (n) => (parsedAgain.push(n.slug), n.blocks));
    lazy.forEach((n, i) => {
      expect(JSON.stringify(n)).toBe(JSON.stringify(notices[i]));
      expect(Object.keys(n)).toEqual(Object.keys(notices[i]!));
      expect({ ...n }).toEqual(notices[i]);
    });
    expect(parsedAgain).toEqual([]);
    const first = lazy[0]!.blocks;
    expect(lazy[0]!.blocks).toBe(first);
    // Once other notices were asked for, the blocks are read again: equal, not the same.
    for (const n of lazy.slice(1)) expect(n.blocks.length).toBeGreaterThan(0);
    const again = lazy[0]!.blocks;
    expect(again).not.toBe(first);
    expect(again).toEqual(first);
    // With the pack gone, a notice not asked for lately is parsed again, once, and keeps the result.
    closePacks();
    rmSync(pack.file);
    const other = lazy[1]!;
    expect(other.blocks).toEqual(notices[1]!.blocks);
    expect(other.blocks).toBe(other.blocks);
    expect(parsedAgain).toEqual([other.slug]);
    expect(JSON.stringify(other)).toBe(JSON.stringify(notices[1]));
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
