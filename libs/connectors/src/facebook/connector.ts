import type { Config } from '@resonance/config';
import type { UnifiedRecord } from '@resonance/contracts';
import type { Connector, ParseContext } from '../interfaces';
import { facebookAuth } from './auth';
import { readFacebookBudget } from './budget';
import { parseFacebookError } from './errors';
import { mapComment, mapCommentsPage, mapConversation, mapConversationsPage, mapMessage, mapMessagesPage, mapPost, mapPostsPage } from './mapper';
import { facebookModeration } from './moderation';
import { facebookReply } from './reply';
import { facebookSettings, type FacebookSettings } from './settings';
import { FACEBOOK_STREAMS, facebookSyncPages } from './sync';
import { mapWebhook } from './webhook';

/** The endpoint names of the parse command (DESIGN.md §4) and what each reads. */
export const FACEBOOK_ENDPOINTS = ['posts', 'comments', 'comment', 'conversations', 'messages', 'message', 'webhook'] as const;

function parseFacebook(endpoint: string, body: unknown, context: ParseContext = {}): UnifiedRecord[] {
  const ctx = { pageId: context.accountId };
  switch (endpoint) {
    case 'posts':
      return mapPostsPage(body, ctx);
    case 'comments':
      return mapCommentsPage(body, { ...ctx, postId: context.objectId });
    case 'comment':
      return mapComment(body, ctx);
    case 'conversations':
      // A single conversation node reads the same as one item of the list.
      return body && typeof body === 'object' && 'data' in body ? mapConversationsPage(body, ctx) : mapConversation(body, ctx);
    case 'messages':
      return mapMessagesPage(body, ctx);
    case 'message': {
      const m = mapMessage(body, ctx);
      return m ? [m] : [];
    }
    case 'webhook':
      return mapWebhook(body);
    default:
      throw new Error(`unknown facebook endpoint ${endpoint}`);
  }
}

export function createFacebookConnector(config: Config, settings: FacebookSettings = facebookSettings(config)): Connector {
  return {
    network: 'facebook',
    available: true,
    endpoints: FACEBOOK_ENDPOINTS,
    baseSyncIntervalMs: config.SYNC_INTERVAL_MS,
    auth: facebookAuth(settings),
    sync: { streams: FACEBOOK_STREAMS, pages: (input) => facebookSyncPages(settings, input) },
    reply: facebookReply(settings),
    moderation: facebookModeration(settings),
    parse: parseFacebook,
    parseError: parseFacebookError,
    readBudget: readFacebookBudget,
  };
}
