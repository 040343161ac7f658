/**
 * Formatting of notice facts for display.
 */
import type { NoticeMeta, Region } from '../lib/types';

/** `2023-03-29` → `2023年3月29日`. */
export function formatDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** `山西省 忻州市 岢岚县`, from the widest to the narrowest. */
export function formatRegion(region: Region): string {
  return [region.province, region.city, region.county].filter(Boolean).join(' ');
}

/** The narrowest place name, for cards and filters (`岢岚县`, `山西省`). */
export function placeName(region: Region): string {
  return region.county ?? region.city ?? region.province;
}

/**
 * How a notice is named in lists and page titles: issuer and title (`岢岚县人民政府关于…的通知`),
 * or the title alone for a 政策解读, whose title already names the document it interprets.
 */
export function displayTitle(n: Pick<NoticeMeta, 'kind' | 'issuer' | 'title'>): string {
  return n.kind === 'interpretation' ? n.title : `${n.issuer}${n.title}`;
}
