import type { Config } from '@resonance/config';
import type { UnifiedRecord } from '@resonance/contracts';
import type { Connector, ParseContext } from '../interfaces';
import { facebookAuth } from './auth';
import { readFacebookBudget } from './budget';
import { parseFacebookError } from './errors';
import { mapComment, mapCommentsPage, mapConversation, mapConversationsPage, mapMessage, mapMessagesPage, mapPost, mapPostsPage } from './mapper';
import { facebookModeration } from './moderation';
import { facebookProfiles } from './profiles';
import { facebookReply } from './reply';
import { facebookSettings, type FacebookSettings } from './settings';
import { FACEBOOK_STREAMS, facebookSyncPages } from './sync';
import { mapWebhook } from './webhook';
import { unexpectedShape } from '../unexpected';

/** The endpoint names of the parse command (DESIGN.md §4) and what each reads. */
export const FACEBOOK_ENDPOINTS = ['posts', 'comments', 'comment', 'conversations', 'messages', 'message', 'webhook'] as const;

type GraphForm = 'list' | 'node' | 'nodes';

/**
 * The Graph API's documented answer forms for a read: a list page ({data, paging}), one node
 * (GET /{id}, with an `id`), or several nodes keyed by id (GET /?ids=a,b).
 */
function graphForm(body: unknown): GraphForm | undefined {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return undefined;
  const b = body as Record<string, unknown>;
  if (Array.isArray(b.data)) return 'list';
  if (typeof b.id === 'string' || typeof b.id === 'number') return 'node';
  const values = Object.entries(b);
  const keyedNodes =
    values.length > 0 && values.every(([key, v]) => v && typeof v === 'object' && !Array.isArray(v) && String((v as Record<string, unknown>).id) === key);
  return keyedNodes ? 'nodes' : undefined;
}

/** Reads any documented form with the endpoint's list and node mappers; anything else is a named error. */
function readForms(body: unknown, what: string, list: (b: unknown) => UnifiedRecord[], node: (n: unknown) => UnifiedRecord[]): UnifiedRecord[] {
  const form = graphForm(body);
  const mapNode = (n: unknown) => {
    const records = node(n);
    return records.length ? records : [unexpectedShape('facebook', `${what} with an id`, n)];
  };
  if (form === 'list') return list(body);
  if (form === 'node') return mapNode(body);
  if (form === 'nodes') return Object.values(body as Record<string, unknown>).flatMap(mapNode);
  return [unexpectedShape('facebook', `a page of ${what}s ({data, paging}), one ${what} or ${what}s keyed by id`, body)];
}

function parseFacebook(endpoint: string, body: unknown, context: ParseContext = {}): UnifiedRecord[] {
  const ctx = { pageId: context.accountId };
  switch (endpoint) {
    case 'posts':
      return readForms(
        body,
        'post',
        (b) => mapPostsPage(b, ctx),
        (n) => mapPost(n, ctx),
      );
    case 'comments':
    case 'comment': {
      const commentCtx = { ...ctx, postId: context.objectId };
      return readForms(
        body,
        'comment',
        (b) => mapCommentsPage(b, commentCtx),
        (n) => mapComment(n, commentCtx),
      );
    }
    case 'conversations':
      return readForms(
        body,
        'conversation',
        (b) => mapConversationsPage(b, ctx),
        (n) => mapConversation(n, ctx),
      );
    case 'messages':
    case 'message':
      return readForms(
        body,
        'message',
        (b) => mapMessagesPage(b, ctx),
        (n) => {
          const m = mapMessage(n, ctx);
          return m ? [m] : [];
        },
      );
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
    profiles: facebookProfiles(settings),
    parse: parseFacebook,
    parseError: parseFacebookError,
    readBudget: readFacebookBudget,
  };
}
