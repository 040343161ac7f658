/**
 * The notice library for pages: read the collection once, sorted newest first. A notice's
 * blocks are read from the parse cache when asked for (`notice.blocks`), and the notice asked for
 * last keeps them; should the cache have lost them, the notice is parsed again from its files,
 * so a page never goes without its text.
 *
 * Nothing holds every notice's blocks: at 3,000 notices they were ~210 MB of heap, which cost
 * ~0.25 ms a notice to hold (see `src/data/parse-cache.ts`), and a record reads back in ~0.03 ms.
 * So code that caches something per notice keys it by the notice, not by its `blocks` array or a
 * block object: asked for again later, a notice reads its blocks anew.
 */
import { getCollection } from 'astro:content';
import { buildNotice, contentRoot, listNoticeFiles, withSeed, type NoticeListing } from '../data/notices';
import { withParsedBlocks, type ParsedRef } from '../data/parse-cache';
import type { Block, Notice, NoticeMeta } from '../lib/types';
import { compareNotices } from './notice-order';

export { compareNotices };

let notices: Promise<Notice[]> | undefined;

let files: Map<string, NoticeListing> | undefined;

/** Blocks of one notice parsed again from its files (the parse cache lost its entry). */
function reparse(slug: string): Block[] {
  // The corpus is listed once, however many entries are lost (a cache cleared by hand); only
  // the lost notice's seed is read.
  files ??= new Map(listNoticeFiles(contentRoot()).files.map((f) => [f.slug, f]));
  const file = files.get(slug);
  const result = file && buildNotice(withSeed(file));
  if (!result || 'problems' in result) throw new Error(`The parsed text of notice "${slug}" is missing and it cannot be parsed again. Fix: run the build again.`);
  return result.notice.blocks;
}

/** Every notice, newest first. */
export function getNotices(): Promise<Notice[]> {
  notices ??= getCollection('notices').then((entries) =>
    entries
      .map((e) => {
        const { parsed, ...meta } = e.data as NoticeMeta & { parsed: ParsedRef };
        return withParsedBlocks(meta, parsed, () => reparse(meta.slug));
      })
      .sort(compareNotices),
  );
  return notices;
}

/** One notice by slug. */
export async function getNotice(slug: string): Promise<Notice | undefined> {
  return (await getNotices()).find((n) => n.slug === slug);
}
