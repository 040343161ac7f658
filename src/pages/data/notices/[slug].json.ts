import type { APIRoute, GetStaticPaths } from 'astro';
import { getNotices } from '../../../site/notices';
import { getNoticeAlsoIn, prepareNoticePages } from '../../../site/pages';
import { jsonResponse, toNoticeRecord } from '../../../site/open-data';
import type { Notice } from '../../../lib/types';

export const getStaticPaths = (async () => {
  await prepareNoticePages();
  return (await getNotices()).map((notice) => ({ params: { slug: notice.slug }, props: { notice } }));
}) satisfies GetStaticPaths;

/** `/data/notices/<slug>.json`: one notice's metadata, its ordered blocks and where each clause also appears. */
export const GET: APIRoute<{ notice: Notice }> = async ({ props }) =>
  jsonResponse({ version: 1, ...toNoticeRecord(props.notice, await getNoticeAlsoIn(props.notice.slug)) });
