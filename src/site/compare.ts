/**
 * Comparison data for pages, computed once per build: which pairs are pre-rendered (see
 * `src/lib/related.ts`), each pair's comparison, the index matrix, and "also in" for notice pages.
 *
 * Memory stays flat on a large corpus: only summaries are kept for every pair; full comparisons
 * (≈ 200 KB each in the heap) live in a small LRU and, above the all-pairs size, in a disk cache
 * keyed by content digests, which the page, JSON and CSV routes and later builds all reuse.
 */
import { compareCacheDir, digest, JsonDiskCache } from '../data/compare-cache';
import {
  alignNotices,
  comparableClauses,
  compareAligned,
  forgetClauses,
  sameClauses,
  type Comparison,
  type CompareSummary,
  type SameClause,
} from '../lib/compare';
import { placeNamesOf } from '../lib/normalize';
import { orderPair, selectPairs, type SelectedPair } from '../lib/related';
import { blockOfAnchor } from '../lib/clauses';
import { sortPairRows, type PairRow } from './pair-pages';
import { downloadBody, spliceDownload, type DownloadKind } from './pair-downloads';
import type { TermForm } from '../lib/terms';
import type { Notice } from '../lib/types';
import { getNotices } from './notices';
import { getTermIndex } from './terms';

/** The short name a reader knows a notice by: region (or issuer) and year, `岢岚县 2023`. */
export function shortName(n: Pick<Notice, 'region' | 'level' | 'year' | 'kind'>): string {
  const place = n.region.county ?? n.region.city ?? n.region.province;
  return `${place} ${n.year}${n.kind === 'interpretation' ? ' 解读' : ''}`;
}

/**
 * Pair selection knobs for large corpora, from the environment: `COMPARE_TOP_K` (most similar
 * notices per notice, default 3) and `COMPARE_ALL_PAIRS_UP_TO` (compare every pair below this
 * many notices, default 24).
 */
function pairOptions(): { k?: number; allPairsUpTo?: number } {
  const read = (name: string) => {
    const value = process.env[name];
    return value !== undefined && /^\d+$/.test(value) ? Number(value) : undefined;
  };
  const k = read('COMPARE_TOP_K');
  const allPairsUpTo = read('COMPARE_ALL_PAIRS_UP_TO');
  return { ...(k !== undefined ? { k } : {}), ...(allPairsUpTo !== undefined ? { allPairsUpTo } : {}) };
}

/** Pairs selected for one list of notices; cached by the list's identity. */
const pairCache = new WeakMap<readonly Notice[], SelectedPair[]>();

/** The pairs the build pre-renders, older notice first. */
export function selectNoticePairs(notices: readonly Notice[]): SelectedPair[] {
  let pairs = pairCache.get(notices);
  if (!pairs) {
    // Each notice's clauses are made for its key text and dropped, not cached: a build whose
    // comparisons all come from the disk cache never needs them again, and at 3,000 notices
    // keeping them held ~200 MB until the first notice page. A pair still to align makes its
    // two notices' clauses again (`noticeClauses`), ~0.5 ms a notice.
    const docs = notices.map((n) => ({
      slug: n.slug,
      year: n.year,
      date: n.date,
      level: n.level,
      region: n.region,
      relations: n.relations,
      text: comparableClauses(n.blocks, placeNamesOf(n.region))
        .map((c) => c.key)
        .join(''),
    }));
    pairs = selectPairs(docs, pairOptions()).pairs;
    pairCache.set(notices, pairs);
  }
  return pairs;
}

/**
 * Bump when `src/lib` comparison output changes: disk-cached results carry it in their key.
 * (The disk cache is used only for large corpora or when `COMPARE_CACHE_DIR` is set.)
 */
const COMPARE_CACHE_VERSION = 'compare-2026-11-23';

/** Full comparisons kept in memory; a large corpus keeps the rest on disk, not in the heap. */
const MEMORY_PAIRS = 64;

/** A small least-recently-used map. */
class Lru<V> {
  private readonly map = new Map<string, V>();
  constructor(private readonly max: number) {}
  get(key: string): V | undefined {
    const value = this.map.get(key);
    if (value !== undefined) {
      this.map.delete(key);
      this.map.set(key, value);
    }
    return value;
  }
  set(key: string, value: V): void {
    this.map.delete(key);
    this.map.set(key, value);
    if (this.map.size > this.max) this.map.delete(this.map.keys().next().value!);
  }
}

/** By notice, not by its blocks array, which a notice reads anew when asked again later. */
const noticeDigests = new WeakMap<Notice, string>();

/** Digest of what a comparison reads of a notice: its slug, region and blocks. */
function noticeDigest(n: Notice): string {
  let d = noticeDigests.get(n);
  if (!d) noticeDigests.set(n, (d = digest(n.slug, JSON.stringify(n.region), JSON.stringify(n.blocks))));
  return d;
}

/** The disk cache, for corpora above the all-pairs size or when `COMPARE_CACHE_DIR` is set. */
function diskCacheFor(notices: readonly Notice[]): JsonDiskCache | undefined {
  const allPairsUpTo = pairOptions().allPairsUpTo ?? 24;
  return notices.length > allPairsUpTo || process.env.COMPARE_CACHE_DIR ? new JsonDiskCache(compareCacheDir()) : undefined;
}

/** Same-clause threshold for "also in": kept, or adapted this close. */
const ALSO_IN_SCORE = 0.8;

/**
 * Every result of one selected pair, from one alignment: the "also in" links for notice pages,
 * the summary for the matrix, and the full comparison for the pair's page, JSON and CSV. Each is
 * cached under its own key, so the notice pages and the matrix never read whole comparisons.
 */
interface PairResults {
  /** Pairs aligned in this build so far (the rest came from the cache). */
  aligned(): number;
  download(pair: SelectedPair, kind: DownloadKind): Uint8Array<ArrayBuffer>;
  links(a: string, b: string): SameClause[];
  summary(a: string, b: string): CompareSummary;
  comparison(a: string, b: string): Comparison;
}

let pairResults: Promise<PairResults> | undefined;

function getPairResults(): Promise<PairResults> {
  pairResults ??= (async () => {
    const [all, terms] = await Promise.all([getNotices(), getTermIndex()]);
    const bySlug = new Map(all.map((n) => [n.slug, n]));
    const disk = diskCacheFor(all);
    const memory = new Lru<Comparison>(MEMORY_PAIRS);
    // Summaries are small: every pair's stay in memory for the build. Links are read twice per
    // build ("also in" counts, then each notice's JSON): from the disk cache when there is one,
    // as at 3,000 notices every pair's links held in memory came to ~800 MB with their index.
    const links = new Map<string, SameClause[]>();
    const summaries = new Map<string, CompareSummary>();
    const formsDigest = digest(JSON.stringify(terms.matcher.forms));
    const keys = (x: string, y: string) => {
      const pair = [COMPARE_CACHE_VERSION, noticeDigest(bySlug.get(x)!), noticeDigest(bySlug.get(y)!)];
      return { links: digest(...pair, 'also-in-groups'), summary: digest(...pair, formsDigest, 'summary'), comparison: digest(...pair, formsDigest, 'comparison') };
    };
    let alignedNow = 0;
    const compute = (x: string, y: string): Comparison => {
      alignedNow++;
      const [a, b] = [bySlug.get(x)!, bySlug.get(y)!];
      const k = keys(x, y);
      const aligned = alignNotices(a, b);
      const c = compareAligned(a, b, aligned, { matcher: terms.matcher });
      const l = sameClauses(aligned, ALSO_IN_SCORE);
      if (!disk) links.set(`${x}/${y}`, l);
      summaries.set(`${x}/${y}`, c.summary);
      memory.set(k.comparison, c);
      disk?.set(k.links, l);
      disk?.set(k.summary, c.summary);
      disk?.set(k.comparison, c);
      disk?.setStructured(k.comparison, c);
      return c;
    };
    const cached = <T>(map: Map<string, T>, key: (k: ReturnType<typeof keys>) => string, keep: boolean) => (x: string, y: string): T => {
      const id = `${x}/${y}`;
      let value = map.get(id) ?? disk?.get<T>(key(keys(x, y)));
      if (value === undefined) {
        compute(x, y);
        value = map.get(id) ?? disk?.get<T>(key(keys(x, y)));
        if (value === undefined) throw new Error(`compare cache: ${id} was computed but cannot be read back from ${disk?.dir}`);
      }
      if (keep) map.set(id, value);
      return value;
    };
    const comparison = (x: string, y: string): Comparison => {
      const key = keys(x, y).comparison;
      const c = memory.get(key) ?? disk?.getStructured<Comparison>(key) ?? compute(x, y);
      memory.set(key, c);
      return c;
    };
    return {
      aligned: () => alignedNow,
      comparison,
      download: (pair, kind) => {
        // The JSON is the cached comparison's bytes with the pair's head spliced in: no decoding.
        const cached = kind === 'json' ? disk?.getBytes(keys(pair.a, pair.b).comparison) : undefined;
        return (cached && spliceDownload(pair, cached)) || downloadBody(pair, kind, comparison(pair.a, pair.b));
      },
      links: cached(links, (k) => k.links, !disk),
      summary: cached(summaries, (k) => k.summary, true),
    };
  })();
  return pairResults;
}

type Places = Map<string, { slug: string; blockId: string }[]>;

/**
 * Every place notice `slug`'s clauses also appear: anchor (a block, or a table row `t1-r13`) →
 * the anchors in other notices holding the same clause (kept verbatim, or adapted with a score
 * of at least 0.8), over the selected pairs in their order. A clause that spans several blocks
 * on the other side (merged or split in adaptation) links to where it starts there, once, not
 * to each of its blocks.
 */
export async function getAlsoInPlaces(slug: string): Promise<Places> {
  const [{ pairsOf }, results] = await Promise.all([getAlsoInIndex(), getPairResults()]);
  const out: Places = new Map();
  for (const pair of pairsOf.get(slug) ?? []) {
    const mine = pair.a === slug;
    const other = mine ? pair.b : pair.a;
    for (const { aBlocks, bBlocks } of results.links(pair.a, pair.b)) {
      const [own, theirs] = mine ? [aBlocks, bBlocks] : [bBlocks, aBlocks];
      for (const block of own) {
        const list = out.get(block) ?? [];
        if (!list.some((x) => x.slug === other && x.blockId === theirs[0])) list.push({ slug: other, blockId: theirs[0]! });
        out.set(block, list);
      }
    }
  }
  return out;
}

interface AlsoInIndex {
  /** Each notice's selected pairs, in selection order. */
  pairsOf: Map<string, SelectedPair[]>;
  /** Notice slug → block id → how many other notices hold the block's clause (a table's: any of its rows). */
  counts: Map<string, Map<string, number>>;
}

let alsoInIndex: Promise<AlsoInIndex> | undefined;

/**
 * What notice pages need of "also in": the count per block, from one pass over every pair's
 * links (each pair is one other notice, so a block counts it once however many links hold it;
 * a table counts the notices holding any of its rows). The places themselves are gathered per
 * notice, for its JSON, by `getAlsoInPlaces`.
 */
export function getAlsoInIndex(): Promise<AlsoInIndex> {
  alsoInIndex ??= (async () => {
    const [notices, results] = await Promise.all([getNotices(), getPairResults()]);
    const pairsOf = new Map<string, SelectedPair[]>();
    const counts = new Map<string, Map<string, number>>();
    const count = (slug: string, blocks: Set<string>) => {
      let c = counts.get(slug);
      if (!c) counts.set(slug, (c = new Map()));
      for (const block of blocks) c.set(block, (c.get(block) ?? 0) + 1);
    };
    for (const pair of selectNoticePairs(notices)) {
      for (const slug of [pair.a, pair.b]) {
        const list = pairsOf.get(slug);
        if (list) list.push(pair);
        else pairsOf.set(slug, [pair]);
      }
      const links = results.links(pair.a, pair.b);
      count(pair.a, new Set(links.flatMap((l) => l.aBlocks.map(blockOfAnchor))));
      count(pair.b, new Set(links.flatMap((l) => l.bBlocks.map(blockOfAnchor))));
    }
    // Every selected pair is aligned now (or was read from the cache): pages need no clauses.
    forgetClauses();
    return { pairsOf, counts };
  })();
  return alsoInIndex;
}

export interface CompareData {
  /** Notices oldest first. */
  notices: Notice[];
  bySlug: Map<string, Notice>;
  pairs: SelectedPair[];
  /** Summary of each pre-rendered comparison, by `a/b` (older/newer slug). */
  summaries: Map<string, CompareSummary>;
  /** The full comparison of a pre-rendered pair (memory, then disk cache, then computed). */
  comparison(a: string, b: string): Comparison;
  /**
   * A pair's JSON or CSV download as served, in UTF-8. With the disk cache, the JSON is spliced
   * from the comparison's stored bytes instead of parsing it and writing it out again.
   */
  download(pair: SelectedPair, kind: DownloadKind): Uint8Array<ArrayBuffer>;
  /** Glossary forms, so the browser picker tokenizes like the build. */
  forms: readonly TermForm[];
}

let data: Promise<CompareData> | undefined;

/** Every pre-rendered comparison's summary, computed once; full comparisons on demand. */
export function getCompareData(): Promise<CompareData> {
  data ??= (async () => {
    const [all, terms, results] = await Promise.all([getNotices(), getTermIndex(), getPairResults()]);
    const notices = [...all].sort((x, y) => (orderPair(x, y)[0] === x ? -1 : 1));
    const pairs = selectNoticePairs(all);
    const summaries = new Map(pairs.map((p) => [`${p.a}/${p.b}`, results.summary(p.a, p.b)]));
    // Every selected pair is aligned now (or was read from the cache): see `forgetClauses`.
    forgetClauses();
    const aligned = results.aligned();
    // The bench reads this line: alignment reuse across builds (content digests as keys).
    console.log(`[compare] ${pairs.length} pairs (${aligned} aligned, ${pairs.length - aligned} reused from cache)`);
    return { notices, bySlug: new Map(all.map((n) => [n.slug, n])), pairs, summaries, comparison: results.comparison, download: results.download, forms: terms.matcher.forms };
  })();
  return data;
}

const pairRows = new WeakMap<CompareData, PairRow[]>();

/** Every pre-rendered pair with its summary, most text taken over first (sorted once per build). */
export function sortedPairRows(data: CompareData): PairRow[] {
  let rows = pairRows.get(data);
  if (!rows) pairRows.set(data, (rows = sortPairRows(data.pairs, data.summaries)));
  return rows;
}

/**
 * The share of `row`'s text taken from `col`, from whichever direction was compared: when
 * `row` is B, `shareOfBFromA`; when it is A, `shareOfAInB` (the same characters, seen from A).
 */
export function shareOf(data: Pick<CompareData, 'summaries'>, row: string, col: string): number | undefined {
  const forward = data.summaries.get(`${col}/${row}`);
  if (forward) return forward.shareOfBFromA;
  return data.summaries.get(`${row}/${col}`)?.shareOfAInB;
}
