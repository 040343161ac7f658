/** Notices read from a pack, as the site's are (`src/site/notices.ts`). */
import { PackWriter, withParsedBlocks } from '../../src/data/parse-cache';
import type { Block, Notice } from '../../src/lib/types';

/**
 * Write each notice's blocks to one new pack under `cacheDir` (its slug as the digest) and give
 * the notices back reading their blocks from it. `parseAgain` stands in for parsing a notice
 * again when its record cannot be read.
 */
export function packedNotices(notices: Notice[], cacheDir: string, parseAgain: (notice: Notice) => Block[]): { notices: Notice[]; pack: PackWriter } {
  const pack = new PackWriter(cacheDir);
  const refs = notices.map((n) => pack.add(n.slug, n.blocks));
  pack.close();
  return { notices: notices.map(({ blocks: _, ...meta }, i) => withParsedBlocks(meta, refs[i]!, () => parseAgain(notices[i]!))), pack };
}
