import type { Config } from '@resonance/config';
import type { UnifiedRecord } from '@resonance/contracts';
import type { Connector, ParseContext } from '../interfaces';
import { youtubeAuth } from './auth';
import { parseYoutubeError } from './errors';
import { mapCommentsPage, mapCommentThreadsPage, mapInsertedComment, mapVideosPage } from './mapper';
import { youtubeModeration } from './moderation';
import { youtubeReply } from './reply';
import { youtubeSettings, type YoutubeSettings } from './settings';
import { YOUTUBE_STREAMS, youtubeSyncPages } from './sync';

/** The endpoint names of the parse command (DESIGN.md §4). */
export const YOUTUBE_ENDPOINTS = ['comment-threads', 'comments', 'comment-insert', 'videos'] as const;

function parseYoutube(endpoint: string, body: unknown, context: ParseContext = {}): UnifiedRecord[] {
  switch (endpoint) {
    case 'comment-threads':
      return mapCommentThreadsPage(body);
    case 'comments':
      return mapCommentsPage(body, { channelId: context.accountId, parentId: context.objectId });
    case 'comment-insert':
      return mapInsertedComment(body);
    case 'videos':
      return mapVideosPage(body);
    default:
      throw new Error(`unknown youtube endpoint ${endpoint}`);
  }
}

export function createYoutubeConnector(config: Config, settings: YoutubeSettings = youtubeSettings(config)): Connector {
  const sync = { ...settings, reconcileEveryMs: config.YOUTUBE_RECONCILE_EVERY_MS };
  return {
    network: 'youtube',
    available: true,
    endpoints: YOUTUBE_ENDPOINTS,
    baseSyncIntervalMs: config.SYNC_INTERVAL_MS,
    auth: youtubeAuth(settings),
    sync: { streams: YOUTUBE_STREAMS, pages: (input) => youtubeSyncPages(sync, input) },
    reply: youtubeReply(settings),
    moderation: youtubeModeration(settings),
    parse: parseYoutube,
    parseError: (response) => parseYoutubeError(response),
    // Google sends no usage headers: the unit count is kept by the client (budget.ts).
    readBudget: (_headers, previous) => previous,
  };
}
