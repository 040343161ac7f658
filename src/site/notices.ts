/**
 * The notice library for pages: read the collection once, sorted newest first.
 */
import { getCollection } from 'astro:content';
import type { Notice } from '../lib/types';
import { compareNotices } from './notice-order';

export { compareNotices };

let notices: Promise<Notice[]> | undefined;

/** Every notice with its blocks, newest first. */
export function getNotices(): Promise<Notice[]> {
  notices ??= getCollection('notices').then((entries) => entries.map((e) => e.data as Notice).sort(compareNotices));
  return notices;
}

/** One notice by slug. */
export async function getNotice(slug: string): Promise<Notice | undefined> {
  return (await getNotices()).find((n) => n.slug === slug);
}
