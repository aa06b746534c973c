import type { SimResponse } from '../../core/http';
import { REPLY_SETTINGS } from './control-tweets';
import { errors } from './errors';
import { placeById } from './places';
import type { XReplySettings, XStore, XTweet } from './store';

/**
 * The POST /2/tweets fields that shape who sees and answers a tweet (docs.x.com, Create Post):
 *   reply_settings            following | mentionedUsers | subscribers | verified (absent: everyone; also poll.reply_settings)
 *   for_super_followers_only  boolean: only the author and Super Followers read it
 *   geo {place_id}            a place (places.ts) the tweet is tagged with
 */
export interface TweetOptions {
  replySettings?: XReplySettings;
  superFollowersOnly?: boolean;
  placeId?: string;
}

const asText = (value: unknown): string => (typeof value === 'string' ? value : (JSON.stringify(value) ?? ''));

export function tweetOptions(body: Record<string, unknown>): TweetOptions | SimResponse {
  const out: TweetOptions = {};
  // A poll may carry its own reply_settings (docs: poll.reply_settings); the top-level one wins.
  const poll = body.poll as { reply_settings?: unknown } | undefined;
  const settings = body.reply_settings ?? (typeof poll === 'object' && poll !== null ? poll.reply_settings : undefined);
  if (settings !== undefined) {
    if (!REPLY_SETTINGS.includes(settings as XReplySettings))
      return errors.invalidRequest('reply_settings', asText(settings), `The \`reply_settings\` field must be one of [${REPLY_SETTINGS.join(', ')}]`);
    out.replySettings = settings as XReplySettings;
  }
  const exclusive = body.for_super_followers_only;
  if (exclusive !== undefined) {
    if (typeof exclusive !== 'boolean')
      return errors.invalidRequest('for_super_followers_only', asText(exclusive), 'The `for_super_followers_only` field must be a boolean');
    if (exclusive) out.superFollowersOnly = true;
  }
  const geo = body.geo;
  if (geo !== undefined) {
    const placeId = typeof geo === 'object' && geo !== null && !Array.isArray(geo) ? (geo as { place_id?: unknown }).place_id : undefined;
    if (typeof placeId !== 'string') return errors.invalidRequest('geo.place_id', asText(placeId), 'The `geo.place_id` field must be a place id');
    if (!placeById(placeId)) return errors.invalidRequest('geo.place_id', placeId, `Could not find place with place_id: [${placeId}].`);
    out.placeId = placeId;
  }
  return out;
}

/**
 * Whether `userId` may reply to `parent`: the conversation's first tweet says who may (its
 * reply_settings). Its author and the users it mentions always may; `following` admits whom the
 * author follows, `subscribers` its subscribers, `verified` verified users — the sim has no
 * follow graph, subscriptions or verified users, so no one else. Refused as X refuses it: 403.
 */
/**
 * reply.exclude_reply_user_ids: users the reply leaves out of the conversation (no mention of
 * them). The author of the tweet answered stays: the reply goes to them.
 */
export function excludedFromReply(reply: unknown): Set<string> | SimResponse {
  const ids = typeof reply === 'object' && reply !== null ? (reply as { exclude_reply_user_ids?: unknown }).exclude_reply_user_ids : undefined;
  if (ids === undefined) return new Set();
  if (!Array.isArray(ids) || !ids.every((id) => typeof id === 'string' && /^\d{1,19}$/.test(id)))
    return errors.invalidRequest('reply.exclude_reply_user_ids', asText(ids), 'reply.exclude_reply_user_ids must list user ids');
  return new Set(ids as string[]);
}

export function replyRefusal(store: XStore, parent: XTweet, userId: string): SimResponse | undefined {
  const root = store.tweet(parent.conversationId) ?? parent;
  if (!root.replySettings || root.author.id === userId || root.mentions.includes(userId)) return undefined;
  return errors.forbidden(
    'Reply to this conversation is not allowed because you have not been mentioned or otherwise engaged by the author of the post you are replying to.',
  );
}
