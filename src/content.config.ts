/**
 * Content collections. The notice loader is thin: it reads the files, skips the ones whose digest
 * has not changed since the last build, and hands the rest to `buildNotice` (parse + validate).
 * Problems stop the build with a list.
 *
 * The store keeps each notice's metadata and where its parsed blocks are, not the blocks: Astro
 * bundles the whole store into the server build (see `src/data/parse-cache.ts`).
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineCollection } from 'astro:content';
import { ContentError, buildNotice, contentRoot, listNoticeFiles, withSeed } from './data/notices';
import { PackWriter, dropUnusedPacks, noticeFilesDigest, parserDigest, type ParsedRef } from './data/parse-cache';

const notices = defineCollection({
  loader: {
    name: 'notice-loader',
    load: async ({ store, logger, config }) => {
      const reading = performance.now();
      const { files: listed, problems } = listNoticeFiles(contentRoot());
      let readMs = performance.now() - reading;
      const parser = parserDigest(fileURLToPath(config.root));
      const cacheDir = fileURLToPath(config.cacheDir);
      const seen = new Set<string>();
      const sources = new Map<string, string>();
      let parsed = 0;
      let parseMs = 0;
      const pack = new PackWriter(cacheDir);
      // A rebuild finds every notice in one or a few packs: each is looked for once.
      const packFound = new Map<string, boolean>();
      const packExists = (file: string) => {
        let found = packFound.get(file);
        if (found === undefined) packFound.set(file, (found = existsSync(file)));
        return found;
      };
      // One seed at a time: its bytes are dropped once digested and parsed, never the whole corpus at once.
      for (const listing of listed) {
        const readStarted = performance.now();
        const f = withSeed(listing);
        readMs += performance.now() - readStarted;
        seen.add(f.slug);
        const other = sources.get(f.seedFile);
        if (other) problems.push(`${f.metaFile}: ${f.seedFile} is already the source of ${other}. Fix: give each notice its own seed file.`);
        sources.set(f.seedFile, f.slug);
        const digest = noticeFilesDigest(parser, f.metaText, f.seedBytes);
        const entry = store.get<{ parsed?: ParsedRef }>(f.slug);
        if (entry?.digest === digest && entry.data.parsed?.digest === digest && packExists(entry.data.parsed.file)) continue;
        const started = performance.now();
        const result = buildNotice(f);
        parseMs += performance.now() - started;
        if ('problems' in result) {
          problems.push(...result.problems);
          continue;
        }
        parsed++;
        // The blocks go to the pack only: the pages read them back from it (see parse-cache.ts).
        const { blocks, ...meta } = result.notice;
        const parsedRef = pack.add(digest, blocks);
        // The store keeps an entry whose digest it already has: with the same files but a lost
        // pack, the entry must go first or it keeps pointing into the lost pack.
        if (entry?.digest === digest) store.delete(f.slug);
        store.set({ id: f.slug, data: { ...meta, parsed: parsedRef }, digest });
      }
      pack.close();
      for (const id of store.keys()) if (!seen.has(id)) store.delete(id);
      const used = new Set<string>();
      for (const id of store.keys()) {
        const file = store.get<{ parsed?: ParsedRef }>(id)?.data.parsed?.file;
        if (file) used.add(file);
      }
      dropUnusedPacks(cacheDir, used);
      if (problems.length > 0) throw new ContentError(problems);
      logger.info(`${listed.length} notices (${parsed} parsed, ${listed.length - parsed} reused from cache; reading took ${Math.round(readMs)} ms, parsing took ${Math.round(parseMs)} ms, loading in all ${Math.round(performance.now() - reading)} ms)`);
    },
  },
});

export const collections = { notices };
