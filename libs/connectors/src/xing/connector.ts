import type { Config } from '@resonance/config';
import type { UnifiedRecord } from '@resonance/contracts';
import type { Connector, ParseContext } from '../interfaces';
import { xingAuth } from './auth';
import { countXingCall } from './budget';
import { parseXingError } from './errors';
import { mapCommentsPage, mapConversation, mapConversationsPage, mapMessagesPage, mapUpdate, mapUpdatesPage } from './mapper';
import { xingModeration } from './moderation';
import { xingReply } from './reply';
import { xingSettings, type XingSettings } from './settings';
import { XING_STREAMS, xingSyncPages } from './sync';

/** The endpoint names of the parse command (DESIGN.md §4). */
export const XING_ENDPOINTS = ['updates', 'comments', 'conversations', 'messages'] as const;

const isList = (body: unknown, key: string): boolean => !!body && typeof body === 'object' && key in body;

export function parseXing(endpoint: string, body: unknown, context: ParseContext = {}): UnifiedRecord[] {
  const ctx = { companyId: context.accountId, objectId: context.objectId };
  switch (endpoint) {
    case 'updates':
      // A single update (e.g. the answer to POST .../updates) reads like one item of the list.
      return isList(body, 'updates') ? mapUpdatesPage(body, ctx) : [mapUpdate(body)].filter((r): r is NonNullable<typeof r> => r !== undefined);
    case 'comments':
      return mapCommentsPage(body, ctx);
    case 'conversations':
      return isList(body, 'conversations')
        ? mapConversationsPage(body, ctx)
        : [mapConversation(body)].filter((r): r is NonNullable<typeof r> => r !== undefined);
    case 'messages':
      return mapMessagesPage(body, ctx);
    default:
      throw new Error(`unknown xing endpoint ${endpoint}`);
  }
}

export function createXingConnector(config: Config, settings: XingSettings = xingSettings(config)): Connector {
  return {
    network: 'xing',
    available: true,
    endpoints: XING_ENDPOINTS,
    baseSyncIntervalMs: config.SYNC_INTERVAL_MS,
    auth: xingAuth(settings),
    sync: { streams: XING_STREAMS, pages: (input) => xingSyncPages(settings, input) },
    reply: xingReply(settings),
    moderation: xingModeration(settings),
    parse: parseXing,
    parseError: parseXingError,
    readBudget: countXingCall(settings.callsPerMinute),
  };
}
