import type { APIRoute, GetStaticPaths } from 'astro';
import { getNotices } from '../../../site/notices';
import { jsonResponse, toNoticeRecord } from '../../../site/open-data';
import type { Notice } from '../../../lib/types';

export const getStaticPaths = (async () => (await getNotices()).map((notice) => ({ params: { slug: notice.slug }, props: { notice } }))) satisfies GetStaticPaths;

/** `/data/notices/<slug>.json`: one notice's metadata and its ordered blocks. */
export const GET: APIRoute<{ notice: Notice }> = ({ props }) => jsonResponse({ version: 1, ...toNoticeRecord(props.notice) });
