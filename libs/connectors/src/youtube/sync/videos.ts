import { arr, obj, stringOnly, type JsonObject, type UnifiedRecord } from '@resonance/contracts';
import { isConnectorError } from '../../errors';
import type { SyncPage } from '../../interfaces';
import type { SyncRun } from '../../sync-run';
import type { YoutubeClient } from '../client';
import { mapVideosPage, ytTimeToIso } from '../mapper';

export interface VideosCursor {
  uploads?: string;
  refreshedAt?: string;
  /** Videos stored as posts (newest first): a thread on any other video reads that video first. */
  ids?: string[];
}

export const VIDEO_PAGE = 50;
export const MAX_VIDEOS = 200;
const VIDEOS_EVERY_MS = 10 * 60_000;

/** The videos stream's state as the last run saved it (a copy: the run updates it in place). */
export const storedVideos = (run: SyncRun<YoutubeClient>): VideosCursor => ({ ...(obj(run.state.videos) as VideosCursor) });

/** The videos stream: reads the uploads into posts when due; `cursor` is updated in place (the comments stream extends it). */
export async function* videoPages(run: SyncRun<YoutubeClient>, cursor: VideosCursor): AsyncGenerator<SyncPage> {
  const { client, accountId: channelId, windowStart, now } = run;
  if (cursor.refreshedAt && now.getTime() - Date.parse(cursor.refreshedAt) < VIDEOS_EVERY_MS) return;
  let uploads = cursor.uploads;
  if (!uploads) {
    const ch: JsonObject = await client.list('channels', { part: 'contentDetails', id: channelId });
    uploads = stringOnly(obj(obj(obj(arr(ch.items)[0]).contentDetails).relatedPlaylists).uploads);
  }
  const ids: string[] = [];
  let pageToken: string | undefined;
  while (uploads && ids.length < MAX_VIDEOS) {
    let page: JsonObject;
    try {
      page = await client.list('playlistItems', { part: 'contentDetails', playlistId: uploads, maxResults: VIDEO_PAGE, pageToken });
    } catch (error) {
      // A channel that never uploaded has no uploads playlist: no videos, not a failure.
      if (isConnectorError(error) && error.code === 'NOT_FOUND') break;
      throw error;
    }
    let older = false;
    for (const item of arr(page.items)) {
      const d = obj(obj(item).contentDetails);
      const published = Date.parse(ytTimeToIso(d.videoPublishedAt) ?? '');
      if (Number.isFinite(published) && published < windowStart) {
        older = true;
        break;
      }
      const id = stringOnly(d.videoId);
      if (id) ids.push(id);
    }
    pageToken = stringOnly(page.nextPageToken);
    if (older || !pageToken) break;
  }
  for (let i = 0; i < ids.length; i += VIDEO_PAGE) yield { stream: 'videos', records: await readVideos(client, ids.slice(i, i + VIDEO_PAGE)) };
  if (uploads) cursor.uploads = uploads;
  cursor.refreshedAt = now.toISOString();
  cursor.ids = ids;
  yield { stream: 'videos', records: [], commit: { videos: { ...cursor } } };
}

/** videos.list for up to 50 ids → posts with their counters. */
export async function readVideos(client: YoutubeClient, ids: string[]): Promise<UnifiedRecord[]> {
  const body = await client.list('videos', { part: 'snippet,statistics', id: ids.join(','), maxResults: VIDEO_PAGE });
  return mapVideosPage(body).filter((r) => r.kind === 'post');
}
