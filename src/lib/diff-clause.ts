/**
 * Word diff inside one aligned clause, and the numeric changes in it.
 *
 * Tokens come from the shared tokenizer (glossary terms and number phrases whole), except that
 * place names and self-references (我县, 岢岚县, 山西省) are cut out first and become one token
 * each, compared as equal: localisation is expected, not news. Tokens are compared on their
 * normalised form (full/half width folded), so `，` against `,` is not a change either.
 *
 * A change hunk (a run of deletions and insertions between two equal runs) that holds a number
 * phrase or a frequency (每月 → 每季度, 1次, 130座, 2025年6月底前) is flagged `numeric`: those
 * are what a journalist looks for first.
 */
import { diffArrays } from 'diff';
import { findLocalSpans, keepLettersAndDigits, localise, PLACE, toHalfWidth } from './normalize';
import { matchNumberPhrase, tokenize } from './tokenize';
import type { TermMatcher } from './terms';

export type DiffOpKind = 'eq' | 'ins' | 'del';

export interface DiffOp {
  /** `eq`: in both; `ins`: only in B; `del`: only in A. */
  op: DiffOpKind;
  /** The text as written (for `eq`, B's wording). */
  text: string;
  /** For `eq` only, A's wording when it differs from B's (我县 where B says 我区, `,` for `，`). */
  from?: string;
  /** Part of a hunk that changes a number or a frequency. */
  numeric?: boolean;
}

export interface NumericChange {
  /** What A says (empty when B adds the figure). */
  from: string;
  /** What B says (empty when B drops it). */
  to: string;
}

export interface ClauseDiff {
  ops: DiffOp[];
  numeric: NumericChange[];
  /** Characters of B (whitespace excluded) that are in `eq` runs: B's text taken from A. */
  sharedChars: number;
}

export interface DiffClauseOptions {
  /** Place names of both notices (`placeNamesOf`). */
  places?: readonly string[];
  /** The glossary matcher, so terms are whole tokens. */
  matcher?: TermMatcher;
}

interface Token {
  text: string;
  key: string;
}

/** The comparison key of one token: letters and digits folded, else the folded punctuation. */
function tokenKey(text: string): string {
  const folded = toHalfWidth(text);
  return keepLettersAndDigits(folded) || folded.trim() || ' ';
}

/** Tokens of `text` with local spans (places, 我县) as single tokens keyed `PLACE`. */
export function tokenizeForDiff(text: string, options: DiffClauseOptions = {}): Token[] {
  const out: Token[] = [];
  let at = 0;
  const push = (piece: string) => {
    for (const t of tokenize(piece, options.matcher)) out.push({ text: t, key: tokenKey(t) });
  };
  for (const [start, end] of findLocalSpans(text, options.places)) {
    if (start > at) push(text.slice(at, start));
    out.push({ text: text.slice(start, end), key: PLACE });
    at = end;
  }
  if (at < text.length) push(text.slice(at));
  return out;
}

/** A token that is, as a whole, a number phrase or a frequency (`130座`, `每季度`, `一次`). */
export function isNumericToken(text: string): boolean {
  const t = text.trim();
  return t !== '' && matchNumberPhrase(t) === t.length;
}

/** Longest side of a numeric change listed as is; a longer one shrinks to its figures. */
const MAX_CHANGE_CHARS = 16;

/** One side of a numeric hunk, short enough for a summary list. */
function summarise(hunk: Array<{ op: DiffOpKind; text: string }>, op: DiffOpKind): string {
  const side = hunk.filter((h) => h.op === op);
  const text = side.map((h) => h.text).join('').trim();
  if (text.length <= MAX_CHANGE_CHARS) return text;
  return side.filter((h) => isNumericToken(h.text)).map((h) => h.text.trim()).join('…');
}

/** `1` before `.`/`、`/`．`: an inline list number. */
function isListNumber(token: string, next: string | undefined): boolean {
  return /^\d{1,2}$/.test(token) && next !== undefined && /^[.、．]$/.test(next);
}

/** Characters that count as text: whitespace excluded. */
export function countChars(text: string): number {
  return text.replace(/\s+/g, '').length;
}

/**
 * Appends an op, merging it into the previous one of the same kind. An `eq` op carries A's
 * wording in `from` while building; `finishOps` drops `from` where it equals `text`.
 */
function pushOp(ops: DiffOp[], op: DiffOp): void {
  const last = ops[ops.length - 1];
  if (last && last.op === op.op && !!last.numeric === !!op.numeric) {
    last.text += op.text;
    if (op.op === 'eq') last.from = (last.from ?? '') + (op.from ?? op.text);
  } else {
    ops.push(op.op === 'eq' ? { op: 'eq', text: op.text, from: op.from ?? op.text } : op);
  }
}

/** Keeps `from` only on `eq` ops whose A wording differs from B's (我县 / 我区, `,` / `，`). */
function finishOps(ops: DiffOp[]): DiffOp[] {
  for (const op of ops) if (op.op === 'eq' && op.from === op.text) delete op.from;
  return ops;
}

/** A character after which a token always ends: sentence and clause punctuation. */
const CUT_POINTS = new Set([...'。；！？，,;!?：:、']);

/**
 * Phrases: runs of text each ending with a clause punctuation mark (，。；：、 …, full or half
 * width). No token spans a phrase boundary, since the tokenizer makes every punctuation
 * character its own token. Concatenating the phrases gives the text back.
 */
export function splitPhrases(text: string): string[] {
  const out: string[] = [];
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    if (CUT_POINTS.has(text[i]!) && !CUT_POINTS.has(text[i + 1] ?? '')) {
      out.push(text.slice(from, i + 1));
      from = i + 1;
    }
  }
  if (from < text.length) out.push(text.slice(from));
  return out;
}

/** The comparison key of a phrase: the clause key of its words, or its folded punctuation. */
function phraseKey(phrase: string, places: readonly string[]): string {
  const folded = toHalfWidth(phrase);
  return keepLettersAndDigits(localise(folded, places)) || folded.trim() || ' ';
}

type Raw = { op: DiffOpKind; text: string; from?: string };

/** Token-level diff of one changed stretch, appended to `raw` one op per token. */
function diffTokens(a: string, b: string, options: DiffClauseOptions, raw: Raw[]): void {
  const ta = tokenizeForDiff(a, options);
  const tb = tokenizeForDiff(b, options);
  let ia = 0;
  let ib = 0;
  for (const change of diffArrays(ta, tb, { comparator: (x, y) => x.key === y.key })) {
    for (let k = 0; k < change.count; k++) {
      if (change.added) raw.push({ op: 'ins', text: tb[ib++]!.text });
      else if (change.removed) raw.push({ op: 'del', text: ta[ia++]!.text });
      else {
        const x = ta[ia++]!;
        const y = tb[ib++]!;
        raw.push({ op: 'eq', text: y.text, from: x.text });
      }
    }
  }
}

/**
 * Diffs two clause texts (A, the older, against B, the newer), in two steps: phrases first
 * (equal phrases, once normalised, need no tokenizing), then words inside each changed stretch
 * of phrases. Tokenizing is the slow part (the word segmenter), and an adapted clause usually
 * changes a phrase or two out of many, so this keeps whole-notice diffs fast.
 */
export function diffClause(a: string, b: string, options: DiffClauseOptions = {}): ClauseDiff {
  const places = options.places ?? [];
  const pa = splitPhrases(a).map((text) => ({ text, key: phraseKey(text, places) }));
  const pb = splitPhrases(b).map((text) => ({ text, key: phraseKey(text, places) }));
  const raw: Raw[] = [];
  let ia = 0;
  let ib = 0;
  let delText = '';
  let insText = '';
  const flush = () => {
    if (delText || insText) diffTokens(delText, insText, options, raw);
    delText = '';
    insText = '';
  };
  for (const change of diffArrays(pa, pb, { comparator: (x, y) => x.key === y.key })) {
    if (change.removed) for (let k = 0; k < change.count; k++) delText += pa[ia++]!.text;
    else if (change.added) for (let k = 0; k < change.count; k++) insText += pb[ib++]!.text;
    else {
      flush();
      for (let k = 0; k < change.count; k++) raw.push({ op: 'eq', text: pb[ib++]!.text, from: pa[ia++]!.text });
    }
  }
  flush();

  // A figure that only moves within the clause (一次 deleted here, inserted there) is not a
  // change: count each numeric token's deletions and insertions and keep the unbalanced ones.
  const balance = new Map<string, number>();
  raw.forEach((r, k) => {
    if (r.op === 'eq' || !isNumericToken(r.text) || isListNumber(r.text, raw[k + 1]?.text)) return;
    const t = r.text.trim();
    balance.set(t, (balance.get(t) ?? 0) + (r.op === 'ins' ? 1 : -1));
  });
  const isChangedFigure = (r: Raw, next: Raw | undefined) =>
    r.op !== 'eq' && isNumericToken(r.text) && !isListNumber(r.text, next?.text) && balance.get(r.text.trim()) !== 0;

  // Second pass: mark hunks that change a figure, collect them, merge runs.
  const ops: DiffOp[] = [];
  const numeric: NumericChange[] = [];
  let sharedChars = 0;
  let i = 0;
  while (i < raw.length) {
    const r = raw[i]!;
    if (r.op === 'eq') {
      sharedChars += countChars(r.text);
      pushOp(ops, r);
      i++;
      continue;
    }
    let j = i;
    while (j < raw.length && raw[j]!.op !== 'eq') j++;
    const hunk = raw.slice(i, j);
    // A bare 1-2 digit number followed by `.` or `、` is list numbering (1.森林草原火灾), not a figure.
    const isNumeric = hunk.some((h, k) => isChangedFigure(h, raw[i + k + 1]));
    if (isNumeric) numeric.push({ from: summarise(hunk, 'del'), to: summarise(hunk, 'ins') });
    // Deletions first, then insertions: reads as "was … now …".
    for (const h of hunk) if (h.op === 'del') pushOp(ops, { op: 'del', text: h.text, ...(isNumeric ? { numeric: true } : {}) });
    for (const h of hunk) if (h.op === 'ins') pushOp(ops, { op: 'ins', text: h.text, ...(isNumeric ? { numeric: true } : {}) });
    i = j;
  }
  return { ops: finishOps(ops), numeric, sharedChars };
}
