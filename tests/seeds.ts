/** The real seed notices, read once for the tests. */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const SEED_SLUGS = ['kelan-2023', 'hongtong-2024-jiedu', 'shanxi-2020', 'yicheng-2023', 'qinshui-2025'] as const;
export type SeedSlug = (typeof SEED_SLUGS)[number];

export function readSeed(slug: SeedSlug): string {
  return readFileSync(fileURLToPath(new URL(`../seeds/${slug}.txt`, import.meta.url)), 'utf8');
}

/** Every seed file as the corpus generator takes them (`generateCorpus`'s `seedTexts`), by file name. */
export function readSeedTexts(): { name: string; text: string }[] {
  const dir = fileURLToPath(new URL('../seeds/', import.meta.url));
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((name) => ({ name, text: readFileSync(`${dir}${name}`, 'utf8') }));
}
