import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeUtf8 } from '../../src/data/utf8';
import { generateCorpus } from '../../src/lib/generate';

const seedDir = join(process.cwd(), 'seeds');
const seedFiles = readdirSync(seedDir).filter((f) => f.endsWith('.txt'));

describe('decodeUtf8', () => {
  it('gives the same string as Buffer#toString on every seed, whole and cut at every kind of boundary', () => {
    expect(seedFiles.length).toBeGreaterThan(0);
    for (const file of seedFiles) {
      const bytes = readFileSync(join(seedDir, file));
      expect(decodeUtf8(bytes) === bytes.toString('utf8'), file).toBe(true);
      // Cuts inside a character leave malformed UTF-8: both must give the same U+FFFD.
      for (let end = 1; end < Math.min(bytes.length, 400); end += 1) {
        const part = bytes.subarray(7, end);
        expect(decodeUtf8(part) === part.toString('utf8'), `${file} bytes 7..${end}`).toBe(true);
      }
    }
  });

  it('gives the same string on 300 generated notices, as bytes of a Uint8Array that is not a Buffer', () => {
    const seedTexts = seedFiles.map((name) => ({ name, text: readFileSync(join(seedDir, name), 'utf8') }));
    for (const { meta, text } of generateCorpus({ notices: 300, seed: 'utf8', seedTexts })) {
      const buffer = Buffer.from(text, 'utf8');
      const plain = new Uint8Array(buffer.length + 6).fill(0x41);
      plain.set(buffer, 3);
      expect(decodeUtf8(plain.subarray(3, 3 + buffer.length)) === text, meta.source).toBe(true);
    }
  });

  it('keeps ASCII, astral characters, a byte order mark and an empty input, and replaces bad bytes like toString', () => {
    for (const text of ['', 'plain ASCII\r\n', '\uFEFF一、总体要求', '𠀀𪚥 emoji 🚧 and 中文', '\u0000\u007f\u0080\u07ff\u0800\uffff']) {
      expect(decodeUtf8(Buffer.from(text, 'utf8'))).toBe(text);
    }
    for (const bad of [[0xff], [0xe4, 0xb8], [0xe4, 0xb8, 0x41], [0xc0, 0x80], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0x41, 0xe4], [0xe4, 0xb8, 0xad, 0xfe]]) {
      const bytes = Buffer.from(bad);
      expect(decodeUtf8(bytes)).toBe(bytes.toString('utf8'));
      expect(decodeUtf8(bytes)).toContain('\uFFFD');
    }
  });
});
