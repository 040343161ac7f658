/**
 * Content collections. The notice loader is thin: it reads the files, skips the ones whose digest
 * has not changed since the last build, and hands the rest to `buildNotice` (parse + validate).
 * Problems stop the build with a list.
 *
 * The store keeps each notice's metadata and the path of its parsed blocks, not the blocks: Astro
 * bundles the whole store into the server build (see `src/data/parse-cache.ts`).
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineCollection } from 'astro:content';
import { ContentError, buildNotice, contentRoot, readNoticeFiles } from './data/notices';
import { keepParsed, noticeFilesDigest, parsedFile, parserDigest, writeParsed } from './data/parse-cache';

const notices = defineCollection({
  loader: {
    name: 'notice-loader',
    load: async ({ store, logger, config }) => {
      const reading = performance.now();
      const { files, problems } = readNoticeFiles(contentRoot());
      const readMs = performance.now() - reading;
      const parser = parserDigest(fileURLToPath(config.root));
      const cacheDir = fileURLToPath(config.cacheDir);
      const seen = new Set<string>();
      const sources = new Map<string, string>();
      let parsed = 0;
      let parseMs = 0;
      for (const f of files) {
        seen.add(f.slug);
        const other = sources.get(f.seedFile);
        if (other) problems.push(`${f.metaFile}: ${f.seedFile} is already the source of ${other}. Fix: give each notice its own seed file.`);
        sources.set(f.seedFile, f.slug);
        const digest = noticeFilesDigest(parser, f.metaText, f.seedBytes);
        const blocksFile = parsedFile(cacheDir, digest);
        const entry = store.get<{ blocksFile?: string }>(f.slug);
        if (entry?.digest === digest && entry.data.blocksFile === blocksFile && existsSync(blocksFile)) continue;
        const started = performance.now();
        const result = buildNotice(f);
        parseMs += performance.now() - started;
        if ('problems' in result) {
          problems.push(...result.problems);
          continue;
        }
        parsed++;
        const { blocks, ...meta } = result.notice;
        writeParsed(blocksFile, blocks);
        keepParsed(blocksFile, blocks);
        // The store keeps an entry whose digest it already has: with the same files but a new
        // cache file (its format changed), the entry must go first or it keeps the old path.
        if (entry?.digest === digest) store.delete(f.slug);
        store.set({ id: f.slug, data: { ...meta, blocksFile }, digest });
      }
      for (const id of store.keys()) if (!seen.has(id)) store.delete(id);
      if (problems.length > 0) throw new ContentError(problems);
      logger.info(`${files.length} notices (${parsed} parsed, ${files.length - parsed} reused from cache; reading took ${Math.round(readMs)} ms, parsing took ${Math.round(parseMs)} ms, loading in all ${Math.round(performance.now() - reading)} ms)`);
    },
  },
});

export const collections = { notices };
