/**
 * Content collections. The notice loader is thin: it reads the files, skips the ones whose digest
 * has not changed since the last build (the content layer keeps parse results between builds),
 * and hands the rest to `buildNotice` (parse + validate). Problems stop the build with a list.
 */
import { defineCollection } from 'astro:content';
import { ContentError, buildNotice, contentRoot, readNoticeFiles } from './data/notices';

const notices = defineCollection({
  loader: {
    name: 'notice-loader',
    load: async ({ store, logger, generateDigest }) => {
      const { files, problems } = readNoticeFiles(contentRoot());
      const seen = new Set<string>();
      const sources = new Map<string, string>();
      let parsed = 0;
      for (const f of files) {
        seen.add(f.slug);
        const other = sources.get(f.seedFile);
        if (other) problems.push(`${f.metaFile}: ${f.seedFile} is already the source of ${other}. Fix: give each notice its own seed file.`);
        sources.set(f.seedFile, f.slug);
        const digest = generateDigest(`${f.metaText}\u0000${f.seedBytes ? Buffer.from(f.seedBytes).toString('base64') : ''}`);
        if (store.get(f.slug)?.digest === digest) continue;
        const result = buildNotice(f);
        if ('problems' in result) {
          problems.push(...result.problems);
          continue;
        }
        parsed++;
        store.set({ id: f.slug, data: { ...result.notice }, digest });
      }
      for (const id of store.keys()) if (!seen.has(id)) store.delete(id);
      if (problems.length > 0) throw new ContentError(problems);
      logger.info(`${files.length} notices (${parsed} parsed, ${files.length - parsed} reused from cache)`);
    },
  },
});

export const collections = { notices };
