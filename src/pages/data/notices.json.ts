import type { APIRoute } from 'astro';
import { getNotices } from '../../site/notices';
import { jsonResponse, toMetaRecord } from '../../site/open-data';

/** `/data/notices.json`: the index of every notice (metadata only). */
export const GET: APIRoute = async () => {
  const notices = await getNotices();
  return jsonResponse({ version: 1, count: notices.length, notices: notices.map(toMetaRecord) });
};
