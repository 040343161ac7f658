/**
 * Slogan search without a search engine: for every glossary form the build writes the list of
 * notices whose text contains it (src/site/slogan-lists.ts), newest first, in chunks of a few
 * dozen. These are the shapes of those files and what the search page does with them; pure, so
 * the browser and the tests share them.
 */

/** Notices per chunk file: one page of results (a few KB gzipped). */
export const SLOGAN_CHUNK_SIZE = 20;

/** One notice in a slogan's result list: everything its search result shows and filters on. */
export interface SloganHit {
  /** The notice page opened at the first block containing the form (`/notices/x/#s3-p2`). */
  url: string;
  /** Display title (issuer and title; the title alone for a 政策解读). */
  title: string;
  issuer: string;
  docNumber?: string;
  year: number;
  /** Level and kind as the search filters name them (`县级`, `通知`). */
  level: string;
  kind: string;
  province: string;
  city?: string;
  county?: string;
  /** The sentence around the first occurrence, plain text: before, the form as written, after. */
  before: string;
  match: string;
  after: string;
}

/** One glossary form: where its list is and how long it is. */
export interface SloganForm {
  form: string;
  /** File id: `/data/search/{id}/{page}.json`. */
  id: string;
  /** Slug of the glossary term the form belongs to. */
  term: string;
  /** Notices whose text contains the form. */
  count: number;
  /** Number of chunk files (0 when no notice contains the form). */
  chunks: number;
}

/** The search filters as the search form names them (`year`, `level`, `region`, `kind`). */
export type SearchFilters = Partial<Record<'year' | 'level' | 'region' | 'kind', string>>;

/** URL of chunk `page` (1-based) of a form's list. */
export function sloganChunkUrl(base: string, id: string, page: number): string {
  return `${base}data/search/${id}/${page}.json`;
}

/**
 * Whether a hit passes the filters, with the meaning they have on notice pages: `region` is the
 * province or the issuer's own place (its county, else its city).
 */
export function matchesFilters(hit: SloganHit, filters: SearchFilters): boolean {
  if (filters.year && String(hit.year) !== filters.year) return false;
  if (filters.level && hit.level !== filters.level) return false;
  if (filters.kind && hit.kind !== filters.kind) return false;
  if (filters.region) {
    const place = hit.county ?? hit.city ?? hit.province;
    if (filters.region !== hit.province && filters.region !== place) return false;
  }
  return true;
}

/** Where a paged slogan search stands: chunks loaded, hits checked and found, hits not yet checked. */
export interface SloganPaging {
  loaded: number;
  checked: number;
  found: number;
  /** Fetched but not yet checked against the filters (a batch of chunks can hold more than a page). */
  pending: SloganHit[];
}

export function startPaging(): SloganPaging {
  return { loaded: 0, checked: 0, found: 0, pending: [] };
}

/**
 * The next page of a form's results that pass `filters`: up to `pageSize` hits, fetching chunks
 * as needed (`parallel` at a time while filtering, one at a time otherwise, when a chunk is a
 * page). Updates `state`; `done` when every chunk is loaded and every hit checked.
 */
export async function nextSloganPage(
  form: Pick<SloganForm, 'chunks'>,
  filters: SearchFilters,
  state: SloganPaging,
  fetchChunk: (page: number) => Promise<SloganHit[]>,
  { pageSize = SLOGAN_CHUNK_SIZE, parallel = 4 }: { pageSize?: number; parallel?: number } = {},
): Promise<{ hits: SloganHit[]; done: boolean }> {
  const filtered = Object.values(filters).some(Boolean);
  const hits: SloganHit[] = [];
  while (hits.length < pageSize) {
    if (state.pending.length === 0) {
      if (state.loaded >= form.chunks) break;
      const count = Math.min(filtered ? parallel : 1, form.chunks - state.loaded);
      const pages = Array.from({ length: count }, (_, i) => state.loaded + i + 1);
      state.pending = (await Promise.all(pages.map(fetchChunk))).flat();
      state.loaded += count;
    }
    const hit = state.pending.shift()!;
    state.checked++;
    if (!matchesFilters(hit, filters)) continue;
    state.found++;
    hits.push(hit);
  }
  return { hits, done: state.loaded >= form.chunks && state.pending.length === 0 };
}
