import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { readPlainYaml } from '../../src/data/plain-yaml';
import { parseMeta } from '../../src/data/notices';
import { createRandom, generateCorpus, renderMetaYaml, type SeedText } from '../../src/lib/generate';

const root = join(import.meta.dirname, '..', '..');
const realMeta = readdirSync(join(root, 'content', 'notices'))
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => ({ name: f, text: readFileSync(join(root, 'content', 'notices', f), 'utf8') }));
const seedTexts: SeedText[] = readdirSync(join(root, 'seeds'))
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((name) => ({ name, text: readFileSync(join(root, 'seeds', name), 'utf8') }));
const generatedMeta = generateCorpus({ notices: 300, seed: 7, seedTexts }).map(({ meta }) => ({ name: meta.slug, text: renderMetaYaml(meta) }));

/** What the `yaml` library makes of the text, or undefined when it reports an error. */
function byYaml(text: string): unknown {
  const doc = parseDocument(text, { lineCounter: new LineCounter(), uniqueKeys: true });
  return doc.errors.length > 0 ? undefined : (doc.toJS() ?? {});
}

/** The reader's promise: it reads a file exactly as `yaml` does, or leaves it to `yaml`. */
function expectAgrees(text: string): 'read' | 'left' {
  const plain = readPlainYaml(text);
  if (plain === undefined) return 'left';
  const expected = byYaml(text);
  expect(expected, `yaml rejects what the plain reader read:\n${text}`).not.toBe(undefined);
  expect(plain.data, text).toStrictEqual(expected);
  return 'read';
}

describe('readPlainYaml', () => {
  it('reads every real notice file and every generated one exactly as yaml does', () => {
    for (const { name, text } of [...realMeta, ...generatedMeta]) expect(expectAgrees(text), name).toBe('read');
  });

  it('gives each top-level key its line, as the yaml path does for "source"', () => {
    for (const { name, text } of [...realMeta, ...generatedMeta.slice(0, 50)]) {
      const plain = readPlainYaml(text)!;
      const lineCounter = new LineCounter();
      const doc = parseDocument(text, { lineCounter });
      const node = doc.getIn(['source'], true) as { range: [number, number, number] };
      expect(plain.lines.get('source'), name).toBe(lineCounter.linePos(node.range[0]).line);
    }
  });

  // Values YAML reads in ways a "key: value" reader could get wrong.
  const awkward = [
    '"a\\"b"', '"tab\\there"', "'it''s'", "'#'", '"#"', 'a#b', 'a #b', '# only', '"x" # c', '"x"y', "'x", '"x',
    '0x1F', '0o17', '1e3', '.5', '1.', '+5', '-5', '007', '1_000', '.inf', '-.Inf', '.nan', 'NaN', 'nan',
    'true', 'True', 'yes', 'on', 'off', 'null', 'Null', '~', '2023-03-29', '12:30', '2023-03-29T10:00:00Z',
    'a: b', 'a:b', 'a:', ':a', '- a', '-a', '? a', '[a, b]', '[]', '[ ]', '{}', '{ }', '{a: 1}', '{ a: b, a: c }', '{ a: "b" }',
    '{ a: b, c: [d] }', '|', '>', '|-', '&anchor a', '*alias', '!tag a', '!!str 1', '%x', '@x', '`x', ',a', 'a,b',
    '前后', '“三管三必须”', '关于做好2023年安全生产工作的通知', '晋政发〔2024〕1号', 'a  b', 'a\tb', '"多行', "'单引号'", '　前', '前　', '\u00a0x',
  ];

  it('never reads a value differently from yaml, and leaves to yaml what it cannot read', () => {
    const template = realMeta.find((m) => m.name === 'kelan-2023.yaml')!.text;
    let read = 0;
    let left = 0;
    for (const value of awkward) {
      const variants = [
        template.replace(/^title: .*$/m, `title: ${value}`),
        template.replace(/^year: .*$/m, `year: ${value}`),
        template.replace(/^region: .*$/m, `region: { province: ${value}, city: 忻州市 }`),
        template.replace(/^region: .*$/m, `region:\n  province: ${value}\n  city: 忻州市`),
        template.replace(/^relations: .*$/m, `relations:\n  - type: cites\n    title: ${value}`),
        template.replace(/^relations: .*$/m, `relations:\n  - type: ${value}\n  - title: x`),
      ];
      for (const text of variants) (expectAgrees(text) === 'read' ? read++ : left++);
    }
    // Both paths are exercised: plain text read, the rest left to yaml.
    expect(read).toBeGreaterThan(100);
    expect(left).toBeGreaterThan(100);
  });

  it('leaves layouts it does not know to yaml, and agrees wherever it reads', () => {
    const base = generatedMeta[0]!.text;
    const layouts = [
      base.replace('region:\n', 'region:  # where\n'),
      base.replace(/\n/g, '\r\n'),
      base.replace(/\n/g, '\r'),
      `---\n${base}`,
      `${base}...\n`,
      `%YAML 1.2\n---\n${base}`,
      base.replace('region:\n', 'region:\n\n  # a comment inside\n'),
      base.replace(/^  /gm, '    '),
      base.replace(/^  /gm, '\t'),
      base.replace('relations:\n  - ', 'relations:\n- '),
      base.replace('relations:\n  - type', 'relations:\n  -   type'),
      base.replace(/^title: .*$/m, 'title: 第一行\n  第二行'),
      base.replace(/^title: (.*)$/m, 'title: $1\ntitle: again'),
      base.replace(/^year: .*$/m, 'year:'),
      `  ${base}`,
      `${base}  stray: indented\n`,
      base.replace('region:\n', 'region: {}\n'),
      '',
      '# nothing but a comment\n',
    ];
    const outcomes = layouts.map((text) => expectAgrees(text));
    expect(outcomes.filter((o) => o === 'read').length).toBeGreaterThan(3);
    expect(outcomes.filter((o) => o === 'left').length).toBeGreaterThan(8);
  });

  it('agrees with yaml on thousands of random edits of real files', () => {
    const { next: random } = createRandom(39);
    const pieces = [' ', ':', ': ', '#', ' #', '"', "'", '-', '- ', '\n', '\n  ', '{', '}', '[', ']', ',', '\\', '\t', '1', '~', '三', '\r', '　', '\u00a0', ' \t'];
    const files = [...realMeta, ...generatedMeta.slice(0, 20)].map((m) => m.text);
    for (let n = 0; n < 4000; n++) {
      let text = files[Math.floor(random() * files.length)]!;
      for (let k = 1 + Math.floor(random() * 3); k > 0; k--) {
        const at = Math.floor(random() * text.length);
        const cut = random() < 0.3 ? Math.floor(random() * 3) : 0;
        text = text.slice(0, at) + pieces[Math.floor(random() * pieces.length)]! + text.slice(at + cut);
      }
      expectAgrees(text);
    }
  });
});

describe('parseMeta with the plain reader', () => {
  it('gives the same metadata and source line as the yaml path on every real notice', () => {
    for (const { name, text } of realMeta) {
      const fast = parseMeta(text, name);
      // A directive and a document marker send the file to yaml, two lines further down.
      const directed = `%YAML 1.2\n---\n${text}`;
      expect(readPlainYaml(directed)).toBe(undefined);
      const slow = parseMeta(directed, name);
      if (!('meta' in fast) || !('meta' in slow)) throw new Error(`${name} does not validate`);
      expect(fast.meta, name).toStrictEqual(slow.meta);
      expect(fast.sourceLine + 2, name).toBe(slow.sourceLine);
    }
  });

  it('still names the file, line and fix for a file the plain reader read but the schema rejects', () => {
    const text = realMeta.find((m) => m.name === 'kelan-2023.yaml')!.text.replace(/^level: .*$/m, 'level: township');
    expect(readPlainYaml(text)).not.toBe(undefined);
    const result = parseMeta(text, 'content/notices/kelan-2023.yaml');
    expect(result).toStrictEqual({ problems: [expect.stringMatching(/^content\/notices\/kelan-2023\.yaml:7: field "level" is "township"\. Fix: use one of: province, city, county\.$/)] });
  });
});
