/**
 * A reader for the plain YAML the notice metadata is written in, and nothing else: top-level
 * `key: value` lines; a value that is a plain, single- or double-quoted scalar, `[]`, or a
 * one-line `{ key: value, … }`; and under an empty key, either `key: value` lines or a list of
 * such mappings (`- key: value`). Comments and blank lines anywhere.
 *
 * Anything else (escapes, anchors, tags, multi-line or flow collections beyond those, a plain
 * scalar that YAML would read as other than a string or a decimal integer, a repeated key)
 * gives `undefined`, and the caller reads the file with the `yaml` library, which also says
 * where any problem is. At 3,000 notices `yaml` cost ~0.15–0.35 ms a file in the build, this
 * ~0.01 ms (issue #6). `tests/data/plain-yaml.test.ts` checks that whatever this returns is
 * exactly what `yaml` returns, on every notice and on a set of awkward values.
 */

type Scalar = string | number | null;
type Value = Scalar | Value[] | { [key: string]: Value };

export interface PlainYaml {
  data: Record<string, Value>;
  /** Line (1-based) of each top-level key. */
  lines: Map<string, number>;
}

/** Unreadable here: hand the file to the `yaml` library. */
class NotPlain extends Error {}

const KEY = /^([A-Za-z_][A-Za-z0-9_]*):(?:[ \t]+(.*))?$/;
const DECIMAL = /^[-+]?[0-9]+$/;
/** Plain scalars that YAML 1.2's core schema reads as null, a boolean or a number other than a decimal integer. */
const NOT_A_STRING = /^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;
/** Characters a plain scalar may not start with. */
const INDICATOR = /^[-?:,[\]{}#&*!|>'"%@`]/;

/** YAML's white space is the space and the tab only (`trim` would also take 　, U+3000). */
const trimEnd = (text: string) => text.replace(/[ \t]+$/, '');

/** Drop a trailing comment (a `#` after whitespace) from text outside quotes. */
function stripComment(text: string): string {
  const hash = text.search(/(?:^|[ \t])#/);
  return trimEnd(hash === -1 ? text : text.slice(0, hash));
}

/** The quoted scalar at the start of `text`; after it only a comment may follow. */
function quoted(text: string): string {
  const q = text[0]!;
  const close = text.indexOf(q, 1);
  if (close === -1) throw new NotPlain();
  const inner = text.slice(1, close);
  // Escapes (\ in "…", '' in '…') and line folding are left to `yaml`.
  if ((q === '"' && inner.includes('\\')) || text[close + 1] === q) throw new NotPlain();
  const rest = text.slice(close + 1);
  // After the closing quote: nothing, or whitespace and a comment (`"x"#` is an error in YAML).
  if (rest !== '' && (!/^[ \t]/.test(rest) || stripComment(rest) !== '')) throw new NotPlain();
  return inner;
}

function plainScalar(text: string): Scalar {
  if (text === '' || INDICATOR.test(text) || text.includes(': ') || text.endsWith(':') || text.includes('\t')) throw new NotPlain();
  if (DECIMAL.test(text)) return Number(text);
  if (NOT_A_STRING.test(text)) throw new NotPlain();
  return text;
}

/** A scalar written after `key: ` (or a `[]` or a one-line `{…}` at the top level). */
function scalar(raw: string, topLevel: boolean): Value {
  if (raw.startsWith('"') || raw.startsWith("'")) return quoted(raw);
  const text = stripComment(raw);
  if (topLevel && text === '[]') return [];
  if (topLevel && text.startsWith('{') && text.endsWith('}')) return flowMap(text.slice(1, -1));
  return plainScalar(text);
}

/** `key: value, key: value` inside `{ }`: scalars without commas, quotes or brackets. */
function flowMap(inner: string): Record<string, Value> {
  const map: Record<string, Value> = {};
  if (/^[ \t]*$/.test(inner)) return map;
  if (/["'[\]{}#]/.test(inner)) throw new NotPlain();
  for (const part of inner.split(',')) {
    const m = /^[ \t]*([A-Za-z_][A-Za-z0-9_]*):[ \t]+([^ \t](?:.*[^ \t])?)[ \t]*$/.exec(part);
    if (!m || Object.hasOwn(map, m[1]!)) throw new NotPlain();
    map[m[1]!] = plainScalar(m[2]!);
  }
  return map;
}

/** One `key: value` line inside a block, into `map`. */
function entry(map: Record<string, Value>, line: string): void {
  const m = KEY.exec(line);
  if (!m || Object.hasOwn(map, m[1]!)) throw new NotPlain();
  map[m[1]!] = m[2] === undefined ? null : scalar(m[2], false);
}

/** Indentation is spaces only. */
const indentOf = (line: string) => /^ */.exec(line)![0].length;

/** Lines that carry something (not blank, not only a comment), with their 1-based numbers. */
function contentLines(text: string): { line: string; n: number }[] {
  const out: { line: string; n: number }[] = [];
  // A lone carriage return is a line break to YAML.
  if (/\r(?!\n)/.test(text)) throw new NotPlain();
  text.split('\n').forEach((raw, i) => {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (/^[ \t]*(?:#|$)/.test(line)) return;
    if (/^ *\t/.test(line) || /^(?:---|\.\.\.|%)/.test(line)) throw new NotPlain();
    out.push({ line: trimEnd(line), n: i + 1 });
  });
  return out;
}

/** The block under an empty key: `key: value` lines, or a list of `- key: value` mappings. */
function block(lines: { line: string; n: number }[]): Value {
  const indent = indentOf(lines[0]!.line);
  if (lines[0]!.line.slice(indent).startsWith('- ')) {
    const list: Record<string, Value>[] = [];
    for (const { line } of lines) {
      const own = indentOf(line);
      const rest = line.slice(own);
      if (own === indent && rest.startsWith('- ')) {
        const item: Record<string, Value> = {};
        entry(item, rest.slice(2));
        if (indentOf(rest.slice(1)) !== 1) throw new NotPlain();
        list.push(item);
      } else if (own === indent + 2 && list.length > 0) {
        entry(list.at(-1)!, rest);
      } else {
        throw new NotPlain();
      }
    }
    return list;
  }
  const map: Record<string, Value> = {};
  for (const { line } of lines) {
    if (indentOf(line) !== indent) throw new NotPlain();
    entry(map, line.slice(indent));
  }
  return map;
}

/** The file's data if it is in the plain layout, else undefined. */
export function readPlainYaml(text: string): PlainYaml | undefined {
  try {
    const lines = contentLines(text);
    const data: Record<string, Value> = {};
    const where = new Map<string, number>();
    for (let i = 0; i < lines.length; ) {
      const { line, n } = lines[i]!;
      const m = KEY.exec(line);
      if (!m || Object.hasOwn(data, m[1]!)) return undefined;
      let end = i + 1;
      while (end < lines.length && indentOf(lines[end]!.line) > 0) end++;
      const nested = lines.slice(i + 1, end);
      if (m[2] !== undefined && stripComment(m[2]) !== '') {
        if (nested.length > 0) return undefined;
        data[m[1]!] = scalar(m[2], true);
      } else {
        data[m[1]!] = nested.length > 0 ? block(nested) : null;
      }
      where.set(m[1]!, n);
      i = end;
    }
    return { data, lines: where };
  } catch (error) {
    if (error instanceof NotPlain) return undefined;
    throw error;
  }
}
