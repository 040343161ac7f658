/**
 * The notice library for pages: read the collection once, sorted newest first. Each entry's
 * blocks come from the loader (parsed in this build) or the parse cache it wrote; should that
 * file be gone, the notice is parsed again from its files, so a page never goes without its text.
 */
import { getCollection } from 'astro:content';
import { buildNotice, contentRoot, listNoticeFiles, withSeed, type NoticeListing } from '../data/notices';
import { closePacks, takeParsed, type ParsedRef } from '../data/parse-cache';
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

/** Every notice with its blocks, newest first. */
export function getNotices(): Promise<Notice[]> {
  notices ??= getCollection('notices').then((entries) => {
    const started = performance.now();
    const all = entries
      .map((e) => {
        const { parsed, ...meta } = e.data as NoticeMeta & { parsed: ParsedRef };
        return { ...meta, blocks: takeParsed(parsed) ?? reparse(meta.slug) };
      })
      .sort(compareNotices);
    closePacks();
    files = undefined;
    // The bench reads this line: reading the parsed bodies back is part of what a notice costs.
    console.log(`[notices] ${all.length} parsed bodies read in ${Math.round(performance.now() - started)} ms`);
    return all;
  });
  return notices;
}

/** One notice by slug. */
export async function getNotice(slug: string): Promise<Notice | undefined> {
  return (await getNotices()).find((n) => n.slug === slug);
}
