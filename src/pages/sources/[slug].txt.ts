import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { APIRoute, GetStaticPaths } from 'astro';
import { contentRoot } from '../../data/notices';
import { getNotices } from '../../site/notices';

export const getStaticPaths = (async () =>
  (await getNotices()).map((n) => ({ params: { slug: n.slug }, props: { source: n.source } }))) satisfies GetStaticPaths;

/** `/sources/<slug>.txt`: the raw seed, byte for byte. */
export const GET: APIRoute<{ source: string }> = ({ props }) =>
  new Response(readFileSync(join(contentRoot(), 'seeds', props.source)), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
