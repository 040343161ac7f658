/**
 * Which pairs of notices the build compares. Comparing all pairs is quadratic: 3,000 notices
 * make 4.5 million pairs. The build compares only pairs with a reason to be read together,
 * each found without looking at all pairs:
 *
 *  - `relation`: one cites or interprets the other (metadata);
 *  - `lineage`:  a county or city notice and its province's notice of that year or the latest
 *                before it (the province → county chain the seeds show);
 *  - `region`:   the same issuer region in consecutive years (county drift across years);
 *  - `similar`:  the k most similar notices by MinHash (one-permutation hashing) over character
 *                5-grams, candidates from locality-sensitive hashing (banding), so only pairs
 *                colliding in some band are scored;
 *  - `all`:      below a small corpus size every pair is compared (the five seeds: 10 pairs).
 *
 * Everything is linear in the number of notices, except LSH buckets, which are capped: in a
 * bucket larger than `maxBucket` each notice is paired only with its `window` neighbours.
 * The picker on `/compare/` still compares any two notices, in the browser.
 */
import type { Level, Region, Relation } from './types';

export type PairReason = 'relation' | 'lineage' | 'region' | 'similar' | 'all';

/** What pair selection needs of a notice. */
export interface RelatedInput {
  slug: string;
  year: number;
  date?: string;
  level: Level;
  region: Region;
  relations: readonly Relation[];
  /** The notice's comparison text: its clause keys joined (`normalizeForMatch`). */
  text: string;
}

export interface SelectedPair {
  /** The older notice (date, then year, then slug). */
  a: string;
  /** The newer notice. */
  b: string;
  reasons: PairReason[];
  /** Estimated Jaccard similarity of the two notices' 5-gram sets, 0–1. */
  similarity: number;
}

export interface SelectOptions {
  /** Most similar notices kept per notice. */
  k?: number;
  /** Compare every pair when the corpus has at most this many notices. */
  allPairsUpTo?: number;
  /** Estimated similarity below which a `similar` pair is not kept. */
  minSimilarity?: number;
  /**
   * LSH bands × rows = signature length. 48 × 2 finds a pair at Jaccard 0.26 (峄城 / 岢岚, whose
   * lengths differ threefold) 96% of the time, one at 0.05 (same genre, no copying) 11%.
   */
  bands?: number;
  rows?: number;
  /** LSH buckets larger than this are paired by neighbours only. */
  maxBucket?: number;
  window?: number;
}

export interface SelectStats {
  notices: number;
  /** Pairs whose signatures were compared (LSH candidates). */
  candidates: number;
  pairs: number;
}

const DEFAULTS: Required<SelectOptions> = {
  k: 3,
  allPairsUpTo: 24,
  minSimilarity: 0.08,
  bands: 48,
  rows: 2,
  maxBucket: 48,
  window: 6,
};

/** Character n-gram length for MinHash: long enough that shared 5-grams mean shared wording. */
const GRAM = 5;

/** A 32-bit integer mix (the finaliser of MurmurHash3): spreads a seed-xored hash. */
function mix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** FNV-1a hash of the `GRAM`-character substring of `text` at `i`. */
function gramHash(text: string, i: number): number {
  let h = 0x811c9dc5;
  for (let k = 0; k < GRAM; k++) h = Math.imul(h ^ text.charCodeAt(i + k), 0x01000193);
  return h >>> 0;
}

/** FNV-1a hashes of every distinct `GRAM`-character substring. */
export function gramHashes(text: string): Uint32Array {
  const set = new Set<number>();
  for (let i = 0; i + GRAM <= text.length; i++) set.add(gramHash(text, i));
  return Uint32Array.from(set);
}

/** An empty bin of a signature (a text with fewer grams than bins). */
const EMPTY = 0xffffffff;

/**
 * MinHash signature by one-permutation hashing (Li, Owen & Zhang 2012): each gram's hash picks
 * one of `size` bins and competes for that bin's minimum, so a signature costs one pass over the
 * grams instead of `size` passes. Two texts' signatures agree in a bin with probability equal to
 * their Jaccard similarity (bins empty in both are ignored by `estimateSimilarity`).
 */
export function minhashSignature(text: string, size: number): Uint32Array {
  const sig = new Uint32Array(size).fill(EMPTY);
  // Every gram, repeats included: a repeat competes for the same bin with the same value, so the
  // minima are those of the distinct grams, without collecting them (a notice has tens of
  // thousands, and their set was the signature's main cost).
  for (let i = 0; i + GRAM <= text.length; i++) {
    const h = mix32(gramHash(text, i) ^ 0x9e3779b9);
    const bin = h % size;
    const v = mix32(h ^ 0x85ebca6b) >>> 1; // < EMPTY
    if (v < sig[bin]!) sig[bin] = v;
  }
  return sig;
}

/** Share of bins where the signatures agree, over bins not empty in both: estimated Jaccard. */
export function estimateSimilarity(x: Uint32Array, y: Uint32Array): number {
  let same = 0;
  let used = 0;
  for (let s = 0; s < x.length; s++) {
    if (x[s] === EMPTY && y[s] === EMPTY) continue;
    used++;
    if (x[s] === y[s]) same++;
  }
  return used === 0 ? 0 : same / used;
}

/** Older first: by date, then year, then slug. */
export function orderPair<T extends Pick<RelatedInput, 'slug' | 'year' | 'date'>>(x: T, y: T): [T, T] {
  const kx = `${x.date ?? `${x.year}-99`}|${x.slug}`;
  const ky = `${y.date ?? `${y.year}-99`}|${y.slug}`;
  return kx <= ky ? [x, y] : [y, x];
}

function regionKey(r: Region): string {
  return [r.province, r.city ?? '', r.county ?? ''].join('/');
}

/** Selects the pairs the build compares, with why. */
export function selectPairs(docs: readonly RelatedInput[], options: SelectOptions = {}): { pairs: SelectedPair[]; stats: SelectStats } {
  const o = { ...DEFAULTS, ...options };
  const bySlug = new Map(docs.map((d) => [d.slug, d]));
  const chosen = new Map<string, SelectedPair>();
  const signatures = new Map<string, Uint32Array>();
  const signatureOf = (d: RelatedInput) => {
    let sig = signatures.get(d.slug);
    if (!sig) signatures.set(d.slug, (sig = minhashSignature(d.text, o.bands * o.rows)));
    return sig;
  };
  const add = (x: RelatedInput, y: RelatedInput, reason: PairReason, similarity?: number) => {
    if (x.slug === y.slug) return;
    const [a, b] = orderPair(x, y);
    const key = `${a.slug}\u0000${b.slug}`;
    let pair = chosen.get(key);
    if (!pair) {
      pair = { a: a.slug, b: b.slug, reasons: [], similarity: similarity ?? estimateSimilarity(signatureOf(a), signatureOf(b)) };
      chosen.set(key, pair);
    }
    if (!pair.reasons.includes(reason)) pair.reasons.push(reason);
  };

  // relation: metadata links.
  for (const d of docs) {
    for (const r of d.relations) {
      const other = r.slug ? bySlug.get(r.slug) : undefined;
      if (other) add(d, other, 'relation');
    }
  }

  // region: consecutive notices of one issuer region.
  const byRegion = new Map<string, RelatedInput[]>();
  for (const d of docs) {
    const key = `${d.level}|${regionKey(d.region)}`;
    const list = byRegion.get(key) ?? [];
    list.push(d);
    byRegion.set(key, list);
  }
  for (const list of byRegion.values()) {
    list.sort((x, y) => (orderPair(x, y)[0] === x ? -1 : 1));
    for (let i = 1; i < list.length; i++) add(list[i - 1]!, list[i]!, 'region');
  }

  // lineage: each lower-level notice and its province's latest notice up to that year.
  const provincial = new Map<string, RelatedInput[]>();
  for (const d of docs) {
    if (d.level !== 'province') continue;
    const list = provincial.get(d.region.province) ?? [];
    list.push(d);
    provincial.set(d.region.province, list);
  }
  for (const list of provincial.values()) list.sort((x, y) => x.year - y.year);
  for (const d of docs) {
    if (d.level === 'province') continue;
    const list = provincial.get(d.region.province) ?? [];
    let best: RelatedInput | undefined;
    for (const p of list) if (p.year <= d.year) best = p;
    if (best) add(best, d, 'lineage');
  }

  // similar: LSH candidates, scored by signature, top k per notice. Notices are numbered by their
  // place in `docs` and a candidate pair is the one number i·n + j (i < j): hundreds of thousands of
  // candidates at 3,000 notices, found, de-duplicated and scored through typed arrays instead of
  // hash tables keyed by slug, which grew faster than the candidates did.
  const n = docs.length;
  const sigs = docs.map(signatureOf);
  const buckets = new Map<string, number[]>();
  for (let i = 0; i < n; i++) {
    const sig = sigs[i]!;
    bands: for (let band = 0; band < o.bands; band++) {
      let key = `${band}`;
      for (let r = 0; r < o.rows; r++) {
        const v = sig[band * o.rows + r]!;
        if (v === EMPTY) continue bands; // a short text's empty bins would all collide
        key += `:${v}`;
      }
      const list = buckets.get(key);
      if (list) list.push(i);
      else buckets.set(key, [i]);
    }
  }
  let found = new Float64Array(1024);
  let foundCount = 0;
  for (const members of buckets.values()) {
    if (members.length < 2) continue;
    const reach = members.length > o.maxBucket ? o.window : members.length;
    for (let x = 0; x < members.length; x++) {
      for (let y = x + 1; y < members.length && y <= x + reach; y++) {
        if (foundCount === found.length) {
          const grown = new Float64Array(found.length * 2);
          grown.set(found);
          found = grown;
        }
        const i = members[x]!;
        const j = members[y]!; // members are in `docs` order, so i < j
        found[foundCount++] = i * n + j;
      }
    }
  }
  const candidatePairs = found.subarray(0, foundCount).sort();
  // The k best per notice, kept as they are offered: by similarity, then slug (in `localeCompare`
  // order, as ranks; slugs that compare equal share one and keep the order they were offered in).
  const byName = docs.map((_, i) => i).sort((x, y) => docs[x]!.slug.localeCompare(docs[y]!.slug));
  const rank = new Int32Array(n);
  for (let r = 1; r < n; r++) {
    const same = docs[byName[r - 1]!]!.slug.localeCompare(docs[byName[r]!]!.slug) === 0;
    rank[byName[r]!] = same ? rank[byName[r - 1]!]! : r;
  }
  const k = o.k;
  const topDoc = new Int32Array(n * k);
  const topSim = new Float64Array(n * k);
  const topCount = new Int32Array(n);
  const offer = (x: number, y: number, sim: number) => {
    const base = x * k;
    const count = topCount[x]!;
    let at = count;
    while (at > 0) {
      const z = topDoc[base + at - 1]!;
      const zSim = topSim[base + at - 1]!;
      if (!(sim > zSim || (sim === zSim && rank[y]! < rank[z]!))) break;
      at--;
    }
    if (at >= k) return;
    for (let s = Math.min(count, k - 1); s > at; s--) {
      topDoc[base + s] = topDoc[base + s - 1]!;
      topSim[base + s] = topSim[base + s - 1]!;
    }
    topDoc[base + at] = y;
    topSim[base + at] = sim;
    if (count < k) topCount[x] = count + 1;
  };
  let candidateCount = 0;
  for (let c = 0; c < foundCount; c++) {
    const packed = candidatePairs[c]!;
    if (c > 0 && packed === candidatePairs[c - 1]) continue;
    candidateCount++;
    const i = Math.floor(packed / n);
    const j = packed - i * n;
    const sim = estimateSimilarity(sigs[i]!, sigs[j]!);
    if (sim < o.minSimilarity) continue;
    offer(i, j, sim);
    offer(j, i, sim);
  }
  for (let x = 0; x < n; x++) {
    for (let t = 0; t < topCount[x]!; t++) add(docs[x]!, docs[topDoc[x * k + t]!]!, 'similar', topSim[x * k + t]!);
  }

  // all: a small corpus is compared in full.
  if (docs.length <= o.allPairsUpTo) {
    for (let i = 0; i < docs.length; i++) for (let j = i + 1; j < docs.length; j++) add(docs[i]!, docs[j]!, 'all');
  }

  const pairs = [...chosen.values()].sort((x, y) => x.a.localeCompare(y.a) || x.b.localeCompare(y.b));
  return { pairs, stats: { notices: docs.length, candidates: candidateCount, pairs: pairs.length } };
}
