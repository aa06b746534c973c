import type { SimResponse } from '../../core/http';
import { REPLY_SETTINGS } from './control-tweets';
import { errors } from './errors';
import { placeById } from './places';
import type { XReplySettings, XStore, XTweet, XTweetExtras } from './store';

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
  extras?: XTweetExtras;
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
  const extras = tweetExtras(body);
  if ('status' in extras) return extras;
  if (Object.keys(extras).length) out.extras = extras;
  return out;
}

const BOOLEAN_EXTRAS = [
  ['share_with_followers', 'shareWithFollowers'],
  ['nullcast', 'nullcast'],
  ['made_with_ai', 'madeWithAi'],
  ['paid_partnership', 'paidPartnership'],
] as const;

/**
 * The create fields (docs.x.com, "Create or Edit Post" request body) kept with the tweet:
 *   card_uri                  "card://<id>" (an Ads API card); not with quote_tweet_id, poll, media or a deep link
 *   community_id              a community id (digits); the sim has no member lists, so any is taken
 *   share_with_followers      boolean, only with community_id
 *   nullcast                  boolean: promoted-only, in no public timeline (read: scopes.followers false)
 *   direct_message_deep_link  https://(twitter|x).com/messages/compose?recipient_id=<id> (X's documented link form)
 *   made_with_ai, paid_partnership  booleans (labels; the Tweet object documents no field to read them)
 *   media.tagged_user_ids     up to 10 users of the world, only with media
 * Refusals are 400 Invalid Request naming the field, with the sim's wording.
 */
function tweetExtras(body: Record<string, unknown>): XTweetExtras | SimResponse {
  const out: XTweetExtras = {};
  for (const [field, key] of BOOLEAN_EXTRAS) {
    const v = body[field];
    if (v === undefined) continue;
    if (typeof v !== 'boolean') return errors.invalidRequest(field, asText(v), `The \`${field}\` field must be a boolean`);
    if (v) out[key] = true;
  }
  const card = body.card_uri;
  if (card !== undefined) {
    if (typeof card !== 'string' || !/^card:\/\/\d{1,19}$/.test(card))
      return errors.invalidRequest('card_uri', asText(card), 'card_uri must be a card URI (card://<id>)');
    for (const other of ['quote_tweet_id', 'poll', 'media', 'direct_message_deep_link'])
      if (body[other] !== undefined) return errors.invalidRequest('card_uri', card, `card_uri cannot be combined with ${other}`);
    out.cardUri = card;
  }
  const community = body.community_id;
  if (community !== undefined) {
    if (typeof community !== 'string' || !/^\d{1,19}$/.test(community))
      return errors.invalidRequest('community_id', asText(community), 'community_id must be a community id');
    out.communityId = community;
  }
  if (out.shareWithFollowers && !out.communityId)
    return errors.invalidRequest('share_with_followers', 'true', 'share_with_followers applies to a community post: send community_id with it');
  const link = body.direct_message_deep_link;
  if (link !== undefined) {
    if (typeof link !== 'string' || !/^https:\/\/(twitter|x)\.com\/messages\/compose\?recipient_id=\d{1,19}(&text=[^&]*)?$/.test(link))
      return errors.invalidRequest(
        'direct_message_deep_link',
        asText(link),
        'direct_message_deep_link must be a https://x.com/messages/compose?recipient_id=… link',
      );
    out.directMessageDeepLink = link;
  }
  return out;
}

/** media.tagged_user_ids: up to 10 users of the world, with media only. */
export function taggedUsers(store: XStore, body: Record<string, unknown>): string[] | undefined | SimResponse {
  const media = body.media;
  const ids = typeof media === 'object' && media !== null ? (media as { tagged_user_ids?: unknown }).tagged_user_ids : undefined;
  if (ids === undefined) return undefined;
  if (!Array.isArray(ids) || ids.length > 10 || !ids.every((id) => typeof id === 'string' && /^\d{1,19}$/.test(id)))
    return errors.invalidRequest('media.tagged_user_ids', asText(ids), 'media.tagged_user_ids must list up to 10 user ids');
  const unknown = (ids as string[]).find((id) => !store.user(id));
  if (unknown) return errors.invalidRequest('media.tagged_user_ids', unknown, `Could not find user with id: [${unknown}].`);
  return ids.length ? [...new Set(ids as string[])] : undefined;
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
