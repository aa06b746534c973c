import type { Config } from '@resonance/config';
import type { UnifiedRecord } from '@resonance/contracts';
import type { Connector, ParseContext } from '../interfaces';
import { xAuth } from './auth';
import { readXBudget } from './budget';
import { parseXError } from './errors';
import { mapDmEventsPage, mapDmSend, mapTweetCreate, mapTweetLookup, mapTweetsPage } from './mapper';
import { xModeration } from './moderation';
import { xReply } from './reply';
import { xSettings, type XSettings } from './settings';
import { X_STREAMS, xSyncPages } from './sync';
import { mapXWebhook } from './webhook';

/** The endpoint names of the parse command (DESIGN.md §4). */
export const X_ENDPOINTS = ['mentions', 'search', 'tweet', 'tweet-create', 'dm-events', 'dm-send', 'webhook'] as const;

function parseX(endpoint: string, body: unknown, context: ParseContext = {}): UnifiedRecord[] {
  const ctx = { accountId: context.accountId, ownConversations: context.objectId ? new Set([context.objectId]) : undefined };
  switch (endpoint) {
    case 'mentions':
    case 'search':
      return mapTweetsPage(body, ctx);
    case 'tweet': {
      // A lookup of a tweet that is gone answers 200 with only `errors`: that is the answer.
      const b = body as { data?: unknown; errors?: unknown[] } | null;
      if (b && !b.data && Array.isArray(b.errors) && b.errors.length) return [parseXError({ status: 404, body: b.errors[0] }).toRecord()];
      return mapTweetLookup(body, ctx);
    }
    case 'tweet-create':
      return mapTweetCreate(body, { ...ctx, inReplyTo: context.objectId });
    case 'dm-events':
      return mapDmEventsPage(body, ctx);
    case 'dm-send':
      return mapDmSend(body, { ...ctx, recipientId: context.objectId });
    case 'webhook':
      return mapXWebhook(body);
    default:
      throw new Error(`unknown x endpoint ${endpoint}`);
  }
}

export function createXConnector(config: Config, settings: XSettings = xSettings(config)): Connector {
  return {
    network: 'x',
    available: true,
    endpoints: X_ENDPOINTS,
    baseSyncIntervalMs: config.SYNC_INTERVAL_MS,
    auth: xAuth(settings),
    sync: { streams: X_STREAMS, pages: (input) => xSyncPages(settings, input) },
    reply: xReply(settings),
    moderation: xModeration(settings),
    parse: parseX,
    parseError: (response) => parseXError(response),
    readBudget: (headers, previous, now) => readXBudget(headers, previous, now),
  };
}
