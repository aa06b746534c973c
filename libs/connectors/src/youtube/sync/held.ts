import { arr, obj, stringOnly, type JsonObject, type MessageRecord, type UnifiedRecord } from '@resonance/contracts';
import type { SyncPage } from '../../interfaces';
import type { SyncRun } from '../../sync-run';
import type { YoutubeClient } from '../client';
import { mapCommentThread } from '../mapper';
import { readVideos, VIDEO_PAGE, type VideosCursor } from './videos';

/** The held stream's state. */
export interface HeldCursor {
  /** When the held comments were last read in full. */
  readAt?: string;
}

/**
 * How often the held-for-review list is read. Google lists held comments only with
 * moderationStatus=heldForReview, never in the walk of published ones, and the list has no "since":
 * each read costs a unit a page, so it is read every few minutes, not every run (units are scarce).
 */
export const HELD_EVERY_MS = 5 * 60_000;
const HELD_PAGE = 100;
/**
 * Pages read at most: a channel with more than 500 comments waiting for review is not reviewing
 * them; the newest 500 are what an agent works through.
 */
const MAX_HELD_PAGES = 5;

/**
 * The held stream (issue 25): commentThreads.list?moderationStatus=heldForReview, newest first.
 * Each thread's top-level comment becomes a message marked heldForReview (stored hidden, shown in
 * the inbox's "Held for review" view). Once the channel publishes it — in Resonance or on YouTube —
 * the comments walk lists it as published and the ingest clears the mark; a rejected one is listed nowhere.
 */
export async function* heldPages(run: SyncRun<YoutubeClient>, videos: VideosCursor): AsyncGenerator<SyncPage> {
  const { client, accountId: channelId, now } = run;
  const cursor = obj(run.state.held) as HeldCursor;
  if (cursor.readAt && now.getTime() - Date.parse(cursor.readAt) < HELD_EVERY_MS) return;
  const knownVideos = new Set(videos.ids ?? []);
  let pageToken: string | undefined;
  for (let page = 1; ; page++) {
    const body: JsonObject = await client.list('commentThreads', {
      part: 'snippet',
      allThreadsRelatedToChannelId: channelId,
      moderationStatus: 'heldForReview',
      order: 'time',
      maxResults: HELD_PAGE,
      textFormat: 'plainText',
      pageToken,
    });
    const held: MessageRecord[] = arr(body.items).flatMap((raw) =>
      mapCommentThread(raw)
        .filter((m) => m.parentExternalId === null)
        .map((m) => ({ ...m, heldForReview: true })),
    );
    // Comments under videos not stored yet: their videos first (as the comments walk does).
    const records: UnifiedRecord[] = [];
    const unseen = [...new Set(held.flatMap((m) => (m.postExternalId && !knownVideos.has(m.postExternalId) ? [m.postExternalId] : [])))];
    for (let i = 0; i < unseen.length; i += VIDEO_PAGE) {
      records.push(...(await readVideos(client, unseen.slice(i, i + VIDEO_PAGE))));
      for (const id of unseen.slice(i, i + VIDEO_PAGE)) knownVideos.add(id);
    }
    records.push(...held);
    pageToken = stringOnly(body.nextPageToken);
    const done = !pageToken || page >= MAX_HELD_PAGES;
    yield {
      stream: 'held',
      records,
      // Only its own state: the videos stream's list is the comments walk's to extend (a video read
      // here for a held comment is read again next time, if it is still unknown then: rare, a unit).
      ...(done ? { commit: { held: { readAt: now.toISOString() } } } : {}),
    };
    if (done) return;
  }
}
