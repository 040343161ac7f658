/**
 * Formatting of notice facts for display.
 */
import type { Region } from '../lib/types';

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
