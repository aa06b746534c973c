import { json, type SimResponse } from '../../core/http';
import { placeById } from './places';
import type { XReplySettings, XStore, XTweet } from './store';
import { addVersion, editRefusal } from './edits';

export const REPLY_SETTINGS: readonly XReplySettings[] = ['following', 'mentionedUsers', 'subscribers', 'verified'];

/**
 * /_sim/x/tweets and /_sim/x/retweets: a person of the world tweets or retweets (the sim hands
 * out tokens for the account only, so tests and demos make customers act here):
 *   POST /_sim/x/tweets   {user_id, text, in_reply_to_tweet_id?, reply_settings?, place_id?}
 *   POST /_sim/x/tweets   {user_id, text, previous_post_id}: the user edits their post (edits.ts rules; X's 403 body when refused)
 *   POST /_sim/x/retweets {user_id, tweet_id}
 * The new tweet goes to webhooks as any other; reply_settings then limits who may answer it.
 */
export function controlTweet(
  store: XStore,
  kind: 'tweet' | 'retweet',
  input: Record<string, unknown>,
  now: number,
): { response: SimResponse; created?: XTweet } {
  const bad = (message: string) => ({ response: json(400, { error: { message } }) });
  const user = typeof input.user_id === 'string' ? store.user(input.user_id) : undefined;
  if (!user) return bad('user_id must name a user of the world');
  if (kind === 'retweet') {
    const tweet = typeof input.tweet_id === 'string' ? store.tweet(input.tweet_id) : undefined;
    if (!tweet) return bad('tweet_id must name a tweet');
    const created = store.retweet(tweet, user, now);
    return { response: json(200, { id: created.id, text: created.text }), created };
  }
  if (typeof input.text !== 'string' || !input.text.trim()) return bad('text is required');
  if (input.previous_post_id !== undefined) {
    const previous = typeof input.previous_post_id === 'string' ? store.tweet(input.previous_post_id) : undefined;
    if (!previous) return bad('previous_post_id must name a tweet');
    const refused = editRefusal(previous, user.id, now);
    if (refused) return { response: refused };
    // The "@name " a reply starts with (store.reply writes it) is reply metadata, not edited text: kept unless the new text has its own.
    const lead = input.text.startsWith('@') ? '' : (/^(@\w{1,15} )+/.exec(previous.text)?.[0] ?? '');
    const created = addVersion(store, previous, lead + input.text, now);
    return { response: json(200, { id: created.id, text: created.text, edit_history_tweet_ids: (created.versions ?? []).map((v) => v.id) }), created };
  }
  const parentId = input.in_reply_to_tweet_id;
  const parent = typeof parentId === 'string' ? store.tweet(parentId) : undefined;
  if (parentId !== undefined && !parent) return bad('in_reply_to_tweet_id must name a tweet');
  const settings = input.reply_settings;
  if (settings !== undefined && !REPLY_SETTINGS.includes(settings as XReplySettings)) return bad(`reply_settings must be one of ${REPLY_SETTINGS.join(', ')}`);
  const placeId = input.place_id;
  if (placeId !== undefined && (typeof placeId !== 'string' || !placeById(placeId))) return bad('place_id must name one of the sim places');
  const created = parent
    ? store.reply(parent, user, input.text, now)
    : store.addTweet({
        author: user,
        text: input.text,
        at: now,
        parent: null,
        mentions: [...input.text.matchAll(/@(\w{1,15})/g)].flatMap((m) => store.userNamed(m[1])?.id ?? []),
      });
  if (settings) created.replySettings = settings as XReplySettings;
  if (typeof placeId === 'string') created.placeId = placeId;
  return { response: json(200, { id: created.id, text: created.text }), created };
}
