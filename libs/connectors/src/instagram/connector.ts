import type { Config } from '@resonance/config';
import { obj, str, type UnifiedRecord } from '@resonance/contracts';
import type { Connector, ParseContext } from '../interfaces';
import { unexpectedShape } from '../unexpected';
import { instagramAuth } from './auth';
import { readInstagramBudget } from './budget';
import { parseInstagramError } from './errors';
import {
  idOf,
  instagramThreadKey,
  mapComment,
  mapCommentsPage,
  mapConversation,
  mapConversationsPage,
  mapMedia,
  mapMediaPage,
  mapMentions,
  mapMessage,
  mapMessagesPage,
} from './mapper';
import { instagramModeration } from './moderation';
import { instagramReply } from './reply';
import { instagramSettings, type InstagramSettings } from './settings';
import { INSTAGRAM_STREAMS, instagramSyncPages } from './sync';
import { mapInstagramWebhook } from './webhook';

/** The endpoint names of the parse command (DESIGN.md §4). */
export const INSTAGRAM_ENDPOINTS = ['media', 'comments', 'replies', 'comment', 'mentions', 'conversations', 'messages', 'webhook', 'send'] as const;

const isList = (body: unknown): boolean => Array.isArray(obj(body).data);
const isNode = (body: unknown): boolean => idOf(obj(body).id) !== undefined;

/** A list page or one node, each with its mapper; anything else is a named error. */
function listOrNode(body: unknown, what: string, list: (b: unknown) => UnifiedRecord[], node: (n: unknown) => UnifiedRecord[]): UnifiedRecord[] {
  if (isList(body)) return list(body);
  if (isNode(body)) {
    const records = node(body);
    return records.length ? records : [unexpectedShape('instagram', `${what} with an id`, body)];
  }
  return [unexpectedShape('instagram', `a page of ${what}s ({data, paging}) or one ${what}`, body)];
}

/**
 * What a write answered: a sent direct message ({recipient_id, message_id}) or comment reply
 * ({id}) is a pointer to what changed; {success: true} (hide, unhide, delete) is only an
 * acknowledgement and carries no record.
 */
function mapSendAnswer(body: unknown): UnifiedRecord[] {
  const b = obj(body);
  const messageId = str(b.message_id);
  const recipient = idOf(b.recipient_id);
  if (messageId && recipient) return [{ kind: 'hint', network: 'instagram', target: 'thread', externalId: instagramThreadKey(recipient) }];
  const id = idOf(b.id);
  if (id) return [{ kind: 'hint', network: 'instagram', target: 'comment', externalId: id }];
  if (b.success === true) return [];
  return [unexpectedShape('instagram', 'a Send API answer ({recipient_id, message_id}), a reply id or {success: true}', body)];
}

/** The comment of a /{comment-id}/replies page, from the path of its `paging.next` link. */
function repliesParentOf(body: unknown): string | undefined {
  const next = str(obj(obj(body).paging).next);
  if (!next) return undefined;
  try {
    return /\/(\d+)\/replies$/.exec(new URL(next).pathname)?.[1];
  } catch {
    return undefined;
  }
}

function parseInstagram(endpoint: string, body: unknown, context: ParseContext = {}): UnifiedRecord[] {
  const ctx = { accountId: context.accountId, mediaId: context.objectId };
  switch (endpoint) {
    case 'media':
      return listOrNode(body, 'media object', mapMediaPage, mapMedia);
    case 'comments':
    case 'comment':
      return listOrNode(
        body,
        'comment',
        (b) => mapCommentsPage(b, ctx),
        (n) => mapComment(n, ctx),
      );
    case 'replies': {
      // GET /{comment-id}/replies: the object is the top-level comment every reply belongs to
      // (given, or named by the path of paging.next).
      const parentId = context.objectId ?? repliesParentOf(body);
      return listOrNode(
        body,
        'reply',
        (b) => mapCommentsPage(b, { accountId: ctx.accountId }, parentId ? { id: parentId } : undefined),
        (n) => mapComment(n, { accountId: ctx.accountId }),
      );
    }
    case 'mentions':
      return mapMentions(body, ctx);
    case 'conversations':
      return listOrNode(
        body,
        'conversation',
        (b) => mapConversationsPage(b, ctx),
        (n) => mapConversation(n, ctx),
      );
    case 'messages': {
      // GET /{conversation}?fields=messages{…} nests the page under `messages`.
      const page = obj(body).messages !== undefined && !isList(body) ? obj(body).messages : body;
      return listOrNode(
        page,
        'message',
        (b) => mapMessagesPage(b, ctx),
        (n) => {
          const m = mapMessage(n, ctx);
          return m ? [m] : [];
        },
      );
    }
    case 'webhook':
      return mapInstagramWebhook(body);
    case 'send':
      return mapSendAnswer(body);
    default:
      throw new Error(`unknown instagram endpoint ${endpoint}`);
  }
}

export function createInstagramConnector(config: Config, settings: InstagramSettings = instagramSettings(config)): Connector {
  return {
    network: 'instagram',
    available: true,
    endpoints: INSTAGRAM_ENDPOINTS,
    baseSyncIntervalMs: config.SYNC_INTERVAL_MS,
    auth: instagramAuth(settings),
    sync: { streams: INSTAGRAM_STREAMS, pages: (input) => instagramSyncPages(settings, input) },
    reply: instagramReply(settings),
    moderation: instagramModeration(settings),
    parse: parseInstagram,
    parseError: parseInstagramError,
    readBudget: readInstagramBudget,
  };
}
