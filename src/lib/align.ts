/**
 * Clause alignment between two notices: for each clause of A, the clause(s) of B that say the
 * same thing, even when reordered, renumbered, split, merged or reworded.
 *
 * Steps, each a function below:
 *  1. `shingle`: the set of character bigrams of each clause's normalised key. Bigrams, not
 *     words: Chinese has no spaces and a one-character edit (县 → 区) should cost one or two
 *     shingles, not a whole word.
 *  2. `scorePairs`: an inverted index over B's bigrams gives, for each A clause, only the B
 *     clauses that share something with it, with the exact overlap. No all-pairs loop: the
 *     work is the sum of posting lengths.
 *  3. `matchGreedily`: one-to-one matches, best Dice coefficient first (ties: body text over an
 *     attachment's restatement, then the nearer relative position).
 *  4. `matchSplits`: a clause of one side covered by consecutive clauses of the other (a
 *     sentence split in two, two merged in one) becomes one group.
 *  5. `absorbNeighbours`: a leftover clause contained in a clause its neighbour is matched to
 *     joins that group (the tail of a split).
 *  6. `matchAnchored`: a leftover pair that sits between matched neighbours on both sides is
 *     accepted at a lower score: a clause reworded in place.
 *  7. `matchRepeats`: a leftover clause that restates an already matched one (the 岢岚
 *     attachment repeats its body) is matched to it as a repeat.
 *  8. `markMoved`: the longest increasing subsequence of B positions over the groups in A
 *     order is the order both share; groups outside it moved.
 */
import type { Clause } from './clauses';

export interface AlignOptions {
  /** Minimum Dice coefficient of a one-to-one match. */
  matchThreshold?: number;
  /** Minimum Dice coefficient of a match between two matched neighbours. */
  anchoredThreshold?: number;
  /** Minimum share of a clause's bigrams found in the other for a split or merge. */
  containThreshold?: number;
  /** Minimum Dice coefficient for a repeat (a restated clause). */
  repeatThreshold?: number;
}

export interface AlignedGroup {
  /** Indices of A's clauses, ascending (one, or several when B merged them). */
  a: number[];
  /** Indices of B's clauses, ascending (one, or several when B split the clause). */
  b: number[];
  /** Dice coefficient of the two sides' bigram sets, 0–1. */
  score: number;
  /** Out of the order the two notices share. */
  moved: boolean;
  /** One side restates a clause already matched elsewhere (an attachment repeating the body). */
  repeat: boolean;
}

export interface Alignment {
  groups: AlignedGroup[];
  /** A's clauses with no counterpart. */
  dropped: number[];
  /** B's clauses with no counterpart. */
  added: number[];
}

const DEFAULTS: Required<AlignOptions> = {
  matchThreshold: 0.5,
  anchoredThreshold: 0.4,
  containThreshold: 0.7,
  repeatThreshold: 0.8,
};

/** Clauses shorter than this many bigrams only split, merge or absorb when fully contained. */
const MIN_CONTAINED = 6;

/** Open-addressing set of the codes one key has shown so far, reused from key to key. */
let shingleSlots = new Int32Array(0);
let shingleFilled = new Uint8Array(0);

/**
 * The distinct bigram codes of a key (a one-character key gives its character), in order of
 * first appearance. A code is the two UTF-16 units in one 32-bit integer, `a << 16 | b` (what
 * `a * 65536 + b` becomes in an Int32Array). Duplicates are found in a hash table of typed
 * arrays: a `Set` of numbers made shingling a sixth of the alignment's time.
 */
export function shingle(key: string): Int32Array {
  if (key.length <= 1) return key.length === 1 ? Int32Array.of(key.charCodeAt(0)) : new Int32Array(0);
  const n = key.length - 1;
  let bits = 4;
  while (1 << bits < 2 * n) bits++;
  const size = 1 << bits;
  const mask = size - 1;
  const shift = 32 - bits;
  if (shingleSlots.length < size) {
    shingleSlots = new Int32Array(size);
    shingleFilled = new Uint8Array(size);
  } else {
    shingleFilled.fill(0, 0, size);
  }
  const codes = new Int32Array(n);
  let count = 0;
  for (let i = 0; i < n; i++) {
    const code = (key.charCodeAt(i) << 16) | key.charCodeAt(i + 1);
    let slot = Math.imul(code, 2654435761) >>> shift;
    while (shingleFilled[slot] === 1 && shingleSlots[slot] !== code) slot = (slot + 1) & mask;
    if (shingleFilled[slot] === 1) continue;
    shingleFilled[slot] = 1;
    shingleSlots[slot] = code;
    codes[count++] = code;
  }
  return count === n ? codes : codes.slice(0, count);
}

/** A scored candidate pair. */
interface Edge {
  i: number;
  j: number;
  /** Shared bigrams. */
  inter: number;
  dice: number;
}

/**
 * Overlap of each A clause with the B clauses it shares bigrams with, keeping only edges that
 * any later step could use: a Dice coefficient of at least `minDice`, or one clause mostly
 * inside the other (`minContained` of the smaller). Most pairs share only 安全, 生产, 加强 …;
 * dropping them here keeps every later step linear in the useful edges.
 */
export function scorePairs(sa: Int32Array[], sb: Int32Array[], minDice = 0, minContained = 0): Edge[][] {
  const { shift, mask } = indexBigrams(sb);
  const { head, owner, next } = postingsTable;
  const counts = new Int32Array(sb.length);
  // The B clauses met by the current A clause, each once. A typed array of fixed size: an array
  // emptied with `length = 0` drops its storage and regrows it for every A clause, which was
  // most of what alignment allocated (~1.6 MB a pair).
  const touched = new Int32Array(sb.length);
  return sa.map((set, i) => {
    let met = 0;
    for (let k = 0; k < set.length; k++) {
      for (let at = head[slotOf(postingsTable, set[k]!, shift, mask)]!; at !== -1; at = next[at]!) {
        const j = owner[at]!;
        if (counts[j] === 0) touched[met++] = j;
        counts[j]!++;
      }
    }
    const edges: Edge[] = [];
    for (let t = 0; t < met; t++) {
      const j = touched[t]!;
      const inter = counts[j]!;
      counts[j] = 0;
      const sizeB = sb[j]!.length;
      const dice = (2 * inter) / (set.length + sizeB);
      const smaller = Math.min(set.length, sizeB);
      if (dice >= minDice || (smaller >= 2 && inter / smaller >= minContained)) edges.push({ i, j, inter, dice });
    }
    return edges;
  });
}

/**
 * The inverted index of `scorePairs`: for each bigram, the clauses holding it in ascending
 * order, as linked entries. An open-addressing hash table in typed arrays that are kept and
 * reused from call to call: alignment runs once per pair, thousands of times a build, and a
 * `Map` of arrays per call was ~9% of everything a cold build's comparisons allocated.
 */
const postingsTable = {
  /** Slot → the bigram it holds; meaningful where `head` is not -1. */
  code: new Int32Array(0),
  /** Slot → its first and last entries (-1: an empty slot). */
  head: new Int32Array(0),
  tail: new Int32Array(0),
  /** Entry → the clause holding the bigram, and the bigram's next entry (-1: none). */
  owner: new Int32Array(0),
  next: new Int32Array(0),
};

/** The slot of `code`, or the empty slot where it would go (Fibonacci hashing: the top bits). */
function slotOf(table: typeof postingsTable, code: number, shift: number, mask: number): number {
  let slot = Math.imul(code, 0x9e3779b1) >>> shift;
  while (table.head[slot] !== -1 && table.code[slot] !== code) slot = (slot + 1) & mask;
  return slot;
}

/** Fills `postingsTable` with the bigrams of `sets`; returns what `slotOf` needs to read it. */
function indexBigrams(sets: Int32Array[]): { shift: number; mask: number } {
  const t = postingsTable;
  let entries = 0;
  for (const set of sets) entries += set.length;
  let bits = 4;
  while (1 << bits < 2 * entries) bits++;
  const slots = 1 << bits;
  const shift = 32 - bits;
  if (t.head.length < slots) {
    t.code = new Int32Array(slots);
    t.head = new Int32Array(slots);
    t.tail = new Int32Array(slots);
  }
  if (t.owner.length < entries) {
    t.owner = new Int32Array(entries);
    t.next = new Int32Array(entries);
  }
  t.head.fill(-1, 0, slots);
  const mask = slots - 1;
  let at = 0;
  sets.forEach((set, j) => {
    for (const code of set) {
      const slot = slotOf(t, code, shift, mask);
      t.owner[at] = j;
      t.next[at] = -1;
      if (t.head[slot] === -1) {
        t.code[slot] = code;
        t.head[slot] = at;
      } else {
        t.next[t.tail[slot]!] = at;
      }
      t.tail[slot] = at;
      at++;
    }
  });
  return { shift, mask };
}

/** Bigram sets per clause list, cached: a notice's clauses are shingled once for all its pairs. */
const shingleCache = new WeakMap<readonly Clause[], Int32Array[]>();

/**
 * A clause list's bigram sets, shingled on first use and cached on the list. A build shingles
 * each paired notice once, whatever its number of pairs; the bench times that apart from the
 * pairs (scripts/bench-compare.ts).
 */
export function shinglesOf(clauses: readonly Clause[]): Int32Array[] {
  let sets = shingleCache.get(clauses);
  if (!sets) shingleCache.set(clauses, (sets = clauses.map((c) => shingle(c.key))));
  return sets;
}

/** Dice coefficient of the unions of two groups of bigram sets. */
function groupDice(sa: Int32Array[], a: number[], sb: Int32Array[], b: number[]): number {
  const x = new Set<number>();
  for (const i of a) for (const s of sa[i]!) x.add(s);
  const y = new Set<number>();
  for (const j of b) for (const s of sb[j]!) y.add(s);
  let inter = 0;
  for (const s of x) if (y.has(s)) inter++;
  return x.size + y.size === 0 ? 0 : (2 * inter) / (x.size + y.size);
}

/** Working state: which group each clause is in (-1: none). */
interface State {
  groups: AlignedGroup[];
  groupOfA: Int32Array;
  groupOfB: Int32Array;
}

function addGroup(state: State, a: number[], b: number[], score: number, repeat = false): void {
  const g = state.groups.length;
  state.groups.push({ a, b, score, moved: false, repeat });
  for (const i of a) if (state.groupOfA[i] === -1) state.groupOfA[i] = g;
  for (const j of b) if (state.groupOfB[j] === -1) state.groupOfB[j] = g;
}

function isAnnex(clause: Clause): boolean {
  return /^t\d/.test(clause.blockId);
}

/**
 * How strongly an edge suggests "the same clause". Dice for clauses of similar length; for a
 * clause expanded in place (a county keeps a sentence and adds to it) the share of the shorter
 * clause found in the longer one counts too, discounted so true rewrites of equal length win.
 */
function edgeStrength(e: Edge, sa: Int32Array[], sb: Int32Array[], o: Required<AlignOptions>): number {
  const shorter = Math.min(sa[e.i]!.length, sb[e.j]!.length);
  if (shorter < MIN_EXPANDED || e.dice < MIN_EXPANDED_DICE) return e.dice;
  const contained = e.inter / shorter;
  return contained >= o.containThreshold ? Math.max(e.dice, o.matchThreshold, EXPANDED_WEIGHT * contained) : e.dice;
}

/** An expanded clause must keep at least this many bigrams of the original. */
const MIN_EXPANDED = 12;
/** …and share at least this Dice coefficient with it. */
const MIN_EXPANDED_DICE = 0.3;
/** Weight of containment against Dice when ranking expanded clauses. */
const EXPANDED_WEIGHT = 0.7;

function matchGreedily(
  byA: Edge[][],
  a: Clause[],
  b: Clause[],
  sa: Int32Array[],
  sb: Int32Array[],
  state: State,
  o: Required<AlignOptions>,
): void {
  const na = Math.max(1, a.length);
  const nb = Math.max(1, b.length);
  const annexCost = (e: Edge) => (isAnnex(a[e.i]!) ? 1 : 0) + (isAnnex(b[e.j]!) ? 1 : 0);
  const distance = (e: Edge) => Math.abs(e.i / na - e.j / nb);
  const exact = (e: Edge) => (a[e.i]!.key === b[e.j]!.key ? 1 : 0);
  // A heading title against a sentence needs more: short titles share bigrams with anything.
  const isHeading = (c: Clause) => c.kind === 'heading';
  // Two headings: titles are short, one shared word is half their bigrams.
  const bar = (e: Edge) => {
    const headings = Number(isHeading(a[e.i]!)) + Number(isHeading(b[e.j]!));
    return headings === 1 ? Math.max(o.matchThreshold, 0.75) : headings === 2 ? Math.max(o.matchThreshold, 0.55) : o.matchThreshold;
  };
  // Each kept edge with its sort keys, computed once. The comparator returns -1, 0 or 1: a
  // fractional difference would be a new heap number at every comparison.
  const ranked: Array<{ e: Edge; strength: number; exact: number; annex: number; distance: number }> = [];
  for (const edges of byA) {
    for (const e of edges) {
      const strength = edgeStrength(e, sa, sb, o);
      const same = exact(e);
      if (strength >= bar(e) || same) ranked.push({ e, strength, exact: same, annex: annexCost(e), distance: distance(e) });
    }
  }
  const sign = (x: number, y: number) => (x < y ? -1 : x > y ? 1 : 0);
  ranked.sort((x, y) => y.exact - x.exact || sign(y.strength, x.strength) || x.annex - y.annex || sign(x.distance, y.distance));
  for (const { e, exact } of ranked) {
    if (state.groupOfA[e.i] !== -1 || state.groupOfB[e.j] !== -1) continue;
    addGroup(state, [e.i], [e.j], exact ? 1 : e.dice);
  }
}

/** Longest run of indices where each is at most `gap` after the previous one. */
function longestRun(indices: number[], gap: number): number[] {
  let best: number[] = [];
  let run: number[] = [];
  for (const x of indices) {
    if (run.length > 0 && x - run[run.length - 1]! > gap) run = [];
    run.push(x);
    if (run.length > best.length) best = [...run];
  }
  return best;
}

/**
 * One clause on one side covered by a run of unmatched clauses on the other. `side` 'a' means
 * an A clause split into several B clauses; 'b' means several A clauses merged into one of B.
 */
function matchSplits(
  byA: Edge[][],
  sa: Int32Array[],
  sb: Int32Array[],
  state: State,
  o: Required<AlignOptions>,
  side: 'a' | 'b',
): void {
  const byWhole = new Map<number, Edge[]>();
  for (const edges of byA) {
    for (const e of edges) {
      const whole = side === 'a' ? e.i : e.j;
      const partSize = side === 'a' ? sb[e.j]!.length : sa[e.i]!.length;
      if (partSize < 2 || e.inter / partSize < o.containThreshold) continue;
      let list = byWhole.get(whole);
      if (!list) byWhole.set(whole, (list = []));
      list.push(e);
    }
  }
  for (const [whole, edges] of byWhole) {
    const wholeGroup = side === 'a' ? state.groupOfA : state.groupOfB;
    const partGroup = side === 'a' ? state.groupOfB : state.groupOfA;
    const wholeSize = (side === 'a' ? sa : sb)[whole]!.length;
    if (wholeGroup[whole] !== -1 || wholeSize < MIN_CONTAINED) continue;
    const parts = edges
      .map((e) => (side === 'a' ? e.j : e.i))
      .filter((p) => partGroup[p] === -1)
      .sort((x, y) => x - y);
    const run = longestRun(parts, 2);
    if (run.length < 2) continue;
    const a = side === 'a' ? [whole] : run;
    const b = side === 'a' ? run : [whole];
    const score = groupDice(sa, a, sb, b);
    if (score >= o.matchThreshold) addGroup(state, a, b, score);
  }
}

/** Leftover clauses contained in a clause matched next to them join that clause's group. */
function absorbNeighbours(
  byA: Edge[][],
  a: readonly Clause[],
  b: readonly Clause[],
  sa: Int32Array[],
  sb: Int32Array[],
  state: State,
  o: Required<AlignOptions>,
): void {
  for (const edges of byA) {
    for (const e of edges) {
      const gA = state.groupOfA[e.i]!;
      const gB = state.groupOfB[e.j]!;
      // Headings stay rows of their own: a title is not the tail of a split sentence.
      if (a[e.i]!.kind === 'heading' || b[e.j]!.kind === 'heading') continue;
      // B clause e.j left over, contained in A clause e.i whose group holds a neighbour of e.j.
      if (gB === -1 && gA !== -1 && sb[e.j]!.length >= 2 && e.inter / sb[e.j]!.length >= o.containThreshold) {
        const g = state.groups[gA]!;
        if (!g.repeat && g.a.length === 1 && (g.b.includes(e.j - 1) || g.b.includes(e.j + 1))) {
          g.b = [...g.b, e.j].sort((x, y) => x - y);
          state.groupOfB[e.j] = gA;
          g.score = groupDice(sa, g.a, sb, g.b);
        }
      }
      // The mirror: A clause e.i left over, contained in B clause e.j.
      if (gA === -1 && gB !== -1 && sa[e.i]!.length >= 2 && e.inter / sa[e.i]!.length >= o.containThreshold) {
        const g = state.groups[gB]!;
        if (!g.repeat && g.b.length === 1 && (g.a.includes(e.i - 1) || g.a.includes(e.i + 1))) {
          g.a = [...g.a, e.i].sort((x, y) => x - y);
          state.groupOfA[e.i] = gB;
          g.score = groupDice(sa, g.a, sb, g.b);
        }
      }
    }
  }
}

/** Headings matched below this score need a matched neighbour to stay matched. */
const SURE_HEADING = 0.7;
/** How far (in clauses, each side) a supporting neighbour may be. */
const SUPPORT_WINDOW = 6;

/**
 * Drops heading-only groups with a middling score and no matched clause nearby on both sides:
 * two short titles sharing one word (健全安全宣传教育体系 / 安全宣传教育“五进”) are not the
 * same heading unless the text around them also matches.
 */
function dropUnsupportedHeadings(a: readonly Clause[], b: readonly Clause[], state: State): void {
  const weak = new Set<number>();
  state.groups.forEach((g, k) => {
    const headings = [...g.a.map((i) => a[i]!), ...g.b.map((j) => b[j]!)].every((c) => c.kind === 'heading');
    if (!headings || g.score >= SURE_HEADING) return;
    const i = g.a[0]!;
    const j = g.b[0]!;
    let supported = false;
    for (let x = Math.max(0, i - SUPPORT_WINDOW); x <= Math.min(a.length - 1, i + SUPPORT_WINDOW) && !supported; x++) {
      const other = state.groupOfA[x]!;
      if (other === -1 || other === k) continue;
      supported = state.groups[other]!.b.some((y) => Math.abs(y - j) <= SUPPORT_WINDOW);
    }
    if (!supported) weak.add(k);
  });
  if (weak.size === 0) return;
  const kept = state.groups.filter((_, k) => !weak.has(k));
  state.groups = [];
  state.groupOfA.fill(-1);
  state.groupOfB.fill(-1);
  for (const g of kept) addGroup(state, g.a, g.b, g.score, g.repeat);
}

/** A leftover pair whose neighbours are matched to each other: reworded in place. */
function matchAnchored(byA: Edge[][], state: State, threshold: number): void {
  const sameGroup = (i: number, j: number) =>
    i >= 0 && j >= 0 && i < state.groupOfA.length && j < state.groupOfB.length && state.groupOfA[i] !== -1 && state.groupOfA[i] === state.groupOfB[j];
  for (let round = 0; round < 3; round++) {
    let changed = false;
    for (const edges of byA) {
      const best = edges
        .filter(
          (e) =>
            e.dice >= threshold &&
            state.groupOfA[e.i] === -1 &&
            state.groupOfB[e.j] === -1 &&
            (sameGroup(e.i - 1, e.j - 1) || sameGroup(e.i + 1, e.j + 1)),
        )
        .sort((x, y) => y.dice - x.dice)[0];
      if (best) {
        addGroup(state, [best.i], [best.j], best.dice);
        changed = true;
      }
    }
    if (!changed) break;
  }
}

/** A leftover clause nearly identical to a matched one on the other side: a restatement. */
function matchRepeats(byA: Edge[][], state: State, threshold: number): void {
  const bestForB = new Map<number, Edge>();
  for (const edges of byA) {
    let bestForA: Edge | undefined;
    for (const e of edges) {
      if (e.dice < threshold) continue;
      if (state.groupOfA[e.i] === -1 && state.groupOfB[e.j] !== -1 && (!bestForA || e.dice > bestForA.dice)) bestForA = e;
      if (state.groupOfB[e.j] === -1 && state.groupOfA[e.i] !== -1) {
        const seen = bestForB.get(e.j);
        if (!seen || e.dice > seen.dice) bestForB.set(e.j, e);
      }
    }
    if (bestForA) addGroup(state, [bestForA.i], [bestForA.j], bestForA.dice, true);
  }
  for (const e of bestForB.values()) {
    if (state.groupOfB[e.j] === -1) addGroup(state, [e.i], [e.j], e.dice, true);
  }
}

/**
 * Attachment clauses that restate a body clause of the same notice (the 岢岚 重点工作分工 table
 * repeats the body almost word for word). Comparing them again would double every match and
 * every addition, so the comparison leaves them out; unique attachment clauses stay.
 */
export function findRestatements(clauses: readonly Clause[], threshold = 0.7): Set<number> {
  const bodyIndex = clauses.map((c, k) => (isAnnex(c) ? -1 : k)).filter((k) => k >= 0);
  const annexIndex = clauses.map((c, k) => (isAnnex(c) ? k : -1)).filter((k) => k >= 0);
  const out = new Set<number>();
  if (annexIndex.length === 0) return out;
  const sets = clauses.map((c) => shingle(c.key));
  const byAnnex = scorePairs(
    annexIndex.map((k) => sets[k]!),
    bodyIndex.map((k) => sets[k]!),
    threshold,
    1,
  );
  byAnnex.forEach((edges, n) => {
    const clause = clauses[annexIndex[n]!]!;
    const covered = edges.some((e) => e.dice >= threshold || (e.inter === sets[annexIndex[n]!]!.length && clause.kind === 'heading'));
    if (covered) out.add(annexIndex[n]!);
  });
  return out;
}

/** Marks groups outside the longest order both notices share as moved (patience LIS). */
export function markMoved(groups: AlignedGroup[]): void {
  const ordered = groups.filter((g) => !g.repeat).sort((x, y) => x.a[0]! - y.a[0]!);
  const tails: number[] = [];
  const tailIndex: number[] = [];
  const prev: number[] = new Array(ordered.length).fill(-1);
  ordered.forEach((g, k) => {
    const v = g.b[0]!;
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (tails[mid]! < v) lo = mid + 1;
      else hi = mid;
    }
    tails[lo] = v;
    tailIndex[lo] = k;
    prev[k] = lo > 0 ? tailIndex[lo - 1]! : -1;
  });
  for (const g of ordered) g.moved = true;
  let k = tailIndex[tails.length - 1] ?? -1;
  while (k !== -1) {
    ordered[k]!.moved = false;
    k = prev[k]!;
  }
}

/** Aligns the clauses of A (the older notice) with those of B (the newer). */
export function alignClauses(a: readonly Clause[], b: readonly Clause[], options: AlignOptions = {}): Alignment {
  const o = { ...DEFAULTS, ...options };
  const sa = shinglesOf(a);
  const sb = shinglesOf(b);
  const byA = scorePairs(sa, sb, Math.min(o.anchoredThreshold, MIN_EXPANDED_DICE), o.containThreshold);
  const state: State = {
    groups: [],
    groupOfA: new Int32Array(a.length).fill(-1),
    groupOfB: new Int32Array(b.length).fill(-1),
  };
  matchGreedily(byA, a as Clause[], b as Clause[], sa, sb, state, o);
  matchSplits(byA, sa, sb, state, o, 'a');
  matchSplits(byA, sa, sb, state, o, 'b');
  absorbNeighbours(byA, a, b, sa, sb, state, o);
  dropUnsupportedHeadings(a, b, state);
  matchAnchored(byA, state, o.anchoredThreshold);
  matchRepeats(byA, state, o.repeatThreshold);
  markMoved(state.groups);
  const dropped: number[] = [];
  const added: number[] = [];
  state.groupOfA.forEach((g, i) => g === -1 && dropped.push(i));
  state.groupOfB.forEach((g, j) => g === -1 && added.push(j));
  return { groups: state.groups, dropped, added };
}
