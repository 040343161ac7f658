/**
 * Glossary term detection: find every glossary form in a text, longest match first.
 *
 * One Aho–Corasick automaton holds all forms, so a text is scanned once whatever the size of
 * the glossary (it runs over every block of every notice). Matching is leftmost-longest and
 * non-overlapping: at each position the longest form wins, so 两客一危一货一面 is never read as
 * 两客一危 followed by 一货一面.
 *
 * Punctuation inside a form is compared loosely: the notices write the same list with `、`, `，`
 * or `,` (洪洞 spells out 三管三必须 with a `，` before 管生产经营, 峄城 with `、`), and the
 * half-width notices use ASCII where others use full width. Both the forms and the text are
 * folded character by character, so offsets in the folded text are offsets in the original.
 */

/** One exact spelling the matcher looks for, and the glossary entry it belongs to. */
export interface TermForm {
  form: string;
  slug: string;
  kind: 'term' | 'alias' | 'variant';
}

/** One occurrence: `text.slice(start, end)` is the original text, `form` the glossary spelling. */
export interface TermMatch {
  start: number;
  end: number;
  form: string;
  slug: string;
}

/** A piece of text; `term` is set on the first occurrence of a term in a section. */
export type Segment = { text: string; term?: { slug: string; form: string } };

/** A compiled glossary: build it once with `buildMatcher`, use it for any number of texts. */
export interface TermMatcher {
  /** The forms it was built from, deduplicated, in input order. */
  readonly forms: readonly TermForm[];
}

interface Node {
  /** Children by folded UTF-16 code unit. */
  next: Map<number, number>;
  fail: number;
  /** Index into `forms` of the form ending exactly here, or -1. */
  form: number;
  /** Nearest node on the fail chain (excluding this one) that ends a form, or -1. */
  output: number;
  depth: number;
}

/**
 * The automaton as a full transition table: every state's move on every character class, fail
 * links already followed. Only the few hundred characters the forms use get a class of their own
 * (every other character sends the scan back to the start), so the table is small (today's
 * glossary: 243 states × 141 classes, 134 KB), and a text is scanned with two array reads per
 * character. Against following fail links through maps, it scans a notice's blocks ~30% faster.
 *
 * A state is kept as its row's offset in the table (state × width), so the next read needs no
 * multiplication, and as a negative offset when a form ends there: the scan's one check per
 * character is then a sign. Each character's move waits on the one before, so what it waits on
 * counts. With the scan keeping numbers instead of match objects (`pushTerms`), the term index's
 * scan of 3,000 generated notices went from ~620 to ~400 ms (issue #6).
 */
class Automaton implements TermMatcher {
  /** Class of each UTF-16 code unit, folded (0: in no form); one byte while there are at most 256 classes. */
  readonly classOf: Uint8Array | Uint16Array;
  /**
   * `move[offset + class]`: the next state's offset, negated when that state ends a form or has
   * one on its fail chain (the root, offset 0, never does: no form is empty).
   */
  readonly move: Int32Array;
  readonly width: number;
  /** Per state: the first state ending a form that is this state or on its fail chain, or -1. */
  readonly firstOutput: Int32Array;
  /** Per state: the next state on its fail chain that ends a form, or -1. */
  readonly output: Int32Array;
  /** Per state: the index in `forms` of the form it ends, or -1. */
  readonly form: Int32Array;
  /** Per state: its distance from the root, the length of the form it ends. */
  readonly depth: Int32Array;
  /** Per form: 1 when it starts with an ASCII digit, 2 when it ends with one (both: 3). */
  readonly digitEdges: Uint8Array;

  constructor(
    readonly forms: readonly TermForm[],
    nodes: Node[],
    /** States, root first, each after the state its fail link points to (breadth first). */
    order: number[],
  ) {
    const codes = new Map<number, number>();
    for (const node of nodes) for (const code of node.next.keys()) if (!codes.has(code)) codes.set(code, codes.size + 1);
    this.width = codes.size + 1;
    this.classOf = this.width <= 0x100 ? new Uint8Array(0x10000) : new Uint16Array(0x10000);
    for (let code = 0; code < 0x10000; code++) this.classOf[code] = codes.get(foldCode(code)) ?? 0;
    this.output = Int32Array.from(nodes, (n) => n.output);
    this.form = Int32Array.from(nodes, (n) => n.form);
    this.depth = Int32Array.from(nodes, (n) => n.depth);
    this.firstOutput = Int32Array.from(nodes, (n, id) => (n.form >= 0 ? id : n.output));
    const next = new Int32Array(nodes.length * this.width);
    for (const id of order) {
      const node = nodes[id]!;
      for (const [code, c] of codes) {
        const child = node.next.get(code);
        next[id * this.width + c] = child ?? (id === 0 ? 0 : next[node.fail * this.width + c]!);
      }
    }
    this.move = next.map((to) => (this.firstOutput[to]! >= 0 ? -to : to) * this.width);
    this.digitEdges = Uint8Array.from(forms, ({ form }) => (isDigitCode(form.charCodeAt(0)) ? 1 : 0) | (isDigitCode(form.charCodeAt(form.length - 1)) ? 2 : 0));
  }
}

/**
 * Fold a character for comparison: list separators become `、`, full-width ASCII becomes
 * half-width. One character in, one character out, so offsets survive folding.
 */
export function foldChar(ch: string): string {
  const code = ch.charCodeAt(0);
  const folded = foldCode(code);
  return folded === code ? ch : String.fromCharCode(folded);
}

/** `foldChar` on a UTF-16 code unit (what the matcher compares). */
function foldCode(code: number): number {
  if (code === 0xff0c || code === 0x2c || code === 0x3001) return 0x3001; // ， , 、 → 、
  if (code >= 0xff01 && code <= 0xff5e) return code - 0xfee0;
  return code;
}

/** `foldChar` over a whole string. */
export function foldText(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) out += foldChar(text[i]!);
  return out;
}

/** A form that starts or ends with a digit must not run into neighbouring digits (`543` ≠ `1543`). */
export function isDigitCode(code: number): boolean {
  // Past either end of a string `charCodeAt` gives NaN, which is no digit.
  return code >= 0x30 && code <= 0x39;
}

/**
 * Compile the glossary forms into a matcher.
 * Throws when a form is empty, or when two entries claim the same form (after folding
 * punctuation), because the text could then not say which term it means.
 */
export function buildMatcher(forms: TermForm[]): TermMatcher {
  const kept: TermForm[] = [];
  const owner = new Map<string, TermForm>();
  for (const f of forms) {
    if (f.form.trim() === '') {
      throw new Error(
        `Glossary entry "${f.slug}" has an empty ${f.kind} form: remove it or write the exact spelling used in the notices.`,
      );
    }
    const key = foldText(f.form);
    const prior = owner.get(key);
    if (prior) {
      if (prior.slug === f.slug) continue;
      throw new Error(
        `The form "${f.form}" is claimed by two glossary entries, "${prior.slug}" and "${f.slug}": a form can belong to one term only, so remove it from one of them.`,
      );
    }
    owner.set(key, f);
    kept.push(f);
  }

  const nodes: Node[] = [{ next: new Map(), fail: 0, form: -1, output: -1, depth: 0 }];
  kept.forEach((f, index) => {
    let at = 0;
    for (let i = 0; i < f.form.length; i++) {
      const ch = foldCode(f.form.charCodeAt(i));
      let to = nodes[at]!.next.get(ch);
      if (to === undefined) {
        to = nodes.length;
        nodes.push({ next: new Map(), fail: 0, form: -1, output: -1, depth: nodes[at]!.depth + 1 });
        nodes[at]!.next.set(ch, to);
      }
      at = to;
    }
    nodes[at]!.form = index;
  });

  // Breadth-first: a node's fail link is the longest proper suffix of its path that is a path.
  const queue: number[] = [0, ...nodes[0]!.next.values()];
  for (let qi = 1; qi < queue.length; qi++) {
    const id = queue[qi]!;
    const node = nodes[id]!;
    for (const [ch, child] of node.next) {
      let f = node.fail;
      while (f !== 0 && !nodes[f]!.next.has(ch)) f = nodes[f]!.fail;
      const target = nodes[f]!.next.get(ch);
      const fail = target !== undefined && target !== child ? target : 0;
      const c = nodes[child]!;
      c.fail = fail;
      c.output = nodes[fail]!.form >= 0 ? fail : nodes[fail]!.output;
      queue.push(child);
    }
  }
  return new Automaton(kept, nodes, queue);
}

function asAutomaton(matcher: TermMatcher): Automaton {
  if (!(matcher instanceof Automaton)) {
    throw new Error('findTerms needs a matcher made by buildMatcher().');
  }
  return matcher;
}

/**
 * The scan's (start, end, form) triples, reused from call to call: a page runs it on hundreds
 * of blocks, and what it allocates is what the build's garbage collector pays for (issue #6).
 */
let found = new Int32Array(3 * 64);

/**
 * Scan `text`, leaving its matches in `found` as (start, end, index in `forms`) triples, in text
 * order, non-overlapping, leftmost-longest. Returns how many numbers of `found` it used.
 */
function scan(text: string, automaton: Automaton): number {
  const { classOf, move, width, firstOutput, output, form: formAt, depth, digitEdges } = automaton;
  // Every form that ends somewhere, in order of its end; most texts have none.
  let used = 0;
  let at = 0;
  for (let i = 0; i < text.length; i++) {
    at = move[at + classOf[text.charCodeAt(i)]!]!;
    if (at >= 0) continue;
    at = -at;
    for (let o = firstOutput[at / width]!; o >= 0; o = output[o]!) {
      const end = i + 1;
      const start = end - depth[o]!;
      const form = formAt[o]!;
      const edges = digitEdges[form]!;
      if (edges & 1 && isDigitCode(text.charCodeAt(start - 1))) continue;
      if (edges & 2 && isDigitCode(text.charCodeAt(end))) continue;
      if (used + 3 > found.length) {
        const grown = new Int32Array(found.length * 2);
        grown.set(found);
        found = grown;
      }
      found[used++] = start;
      found[used++] = end;
      found[used++] = form;
    }
  }
  if (used === 0) return 0;
  // Leftmost first, and at each start the longest (two forms never share both ends: they would
  // be one form). Insertion sort: a triple is at most a form's length out of place.
  for (let k = 3; k < used; k += 3) {
    const start = found[k]!;
    const end = found[k + 1]!;
    const form = found[k + 2]!;
    let j = k - 3;
    for (; j >= 0 && (found[j]! > start || (found[j] === start && found[j + 1]! < end)); j -= 3) {
      found[j + 3] = found[j]!;
      found[j + 4] = found[j + 1]!;
      found[j + 5] = found[j + 2]!;
    }
    found[j + 3] = start;
    found[j + 4] = end;
    found[j + 5] = form;
  }
  // Each match that starts after the last one kept ends, moved down in place.
  let kept = 0;
  let free = 0;
  for (let k = 0; k < used; k += 3) {
    const start = found[k]!;
    if (start < free) continue;
    free = found[k + 1]!;
    found[kept++] = start;
    found[kept++] = free;
    found[kept++] = found[k + 2]!;
  }
  return kept;
}

/** Every glossary occurrence in `text`, non-overlapping, leftmost-longest, in text order. */
export function findTerms(text: string, matcher: TermMatcher): TermMatch[] {
  const automaton = asAutomaton(matcher);
  const used = scan(text, automaton);
  const matches: TermMatch[] = [];
  for (let k = 0; k < used; k += 3) {
    const { form, slug } = automaton.forms[found[k + 2]!]!;
    matches.push({ start: found[k]!, end: found[k + 1]!, form, slug });
  }
  return matches;
}

/**
 * `findTerms` without its objects, as a run of numbers pushed onto `out`: the number of matches,
 * then each match's start, end and index in `matcher.forms`. Nothing is pushed for a text with
 * no match. Returns the number of matches. For scans over a whole corpus, where an object for
 * each of hundreds of thousands of matches is what the garbage collector pays for.
 */
export function pushTerms(text: string, matcher: TermMatcher, out: number[]): number {
  const used = scan(text, asAutomaton(matcher));
  if (used === 0) return 0;
  out.push(used / 3);
  for (let k = 0; k < used; k++) out.push(found[k]!);
  return used / 3;
}

/**
 * Split `text` into plain and term segments. Only the first occurrence of a slug that is not in
 * `seen` becomes a term segment (and the slug is added to `seen`); later repeats stay plain text.
 * Pass one `seen` per section to mark each term once per section. The segments' texts concatenate
 * to `text`.
 */
export function segmentTerms(text: string, matcher: TermMatcher, seen: Set<string>): Segment[] {
  return segmentMatches(text, findTerms(text, matcher), seen);
}

/** `segmentTerms` with the matches already found: `matches` must be `findTerms(text, …)`. */
export function segmentMatches(text: string, matches: readonly TermMatch[], seen: Set<string>): Segment[] {
  const segments: Segment[] = [];
  let plainFrom = 0;
  for (const m of matches) {
    if (seen.has(m.slug)) continue;
    seen.add(m.slug);
    if (m.start > plainFrom) segments.push({ text: text.slice(plainFrom, m.start) });
    segments.push({ text: text.slice(m.start, m.end), term: { slug: m.slug, form: m.form } });
    plainFrom = m.end;
  }
  if (plainFrom < text.length) segments.push({ text: text.slice(plainFrom) });
  return segments;
}
