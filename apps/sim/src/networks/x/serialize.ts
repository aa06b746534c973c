import { listParam } from '../../core/http';
import { MEDIA_FIELDS, mediaJson, type XMedia } from './media';
import { PLACE_FIELDS, placeById, placeJson, type XPlace } from './places';
import { pollVotes } from './poll-votes';
import type { XDmEvent, XPoll, XStore, XTweet, XUser } from './store';
import { editControls, versionsOf } from './edits';

/**
 * The fields X documents (docs.x.com, Fields: Tweet, User, Direct Message events); unknown ones
 * are a 400, as on X. Those the sim has no data for (geo, media, withheld, metrics only the author
 * sees, ...) are omitted from the answer, as X omits absent data.
 */
export const TWEET_FIELDS = new Set([
  'article',
  'attachments',
  'author_id',
  'card_uri',
  'community_id',
  'context_annotations',
  'conversation_id',
  'created_at',
  'display_text_range',
  'edit_controls',
  'edit_history_tweet_ids',
  'entities',
  'geo',
  'id',
  'in_reply_to_user_id',
  'lang',
  'media_metadata',
  'non_public_metrics',
  'note_tweet',
  'organic_metrics',
  'possibly_sensitive',
  'promoted_metrics',
  'public_metrics',
  'referenced_tweets',
  'reply_settings',
  'scopes',
  'source',
  'text',
  'withheld',
]);
export const USER_FIELDS = new Set([
  'affiliation',
  'connection_status',
  'created_at',
  'description',
  'entities',
  'id',
  'is_identity_verified',
  'location',
  'most_recent_tweet_id',
  'name',
  'parody',
  'pinned_tweet_id',
  'profile_banner_url',
  'profile_image_url',
  'protected',
  'public_metrics',
  'receives_your_dm',
  'subscription',
  'subscription_type',
  'url',
  'username',
  'verified',
  'verified_followers_count',
  'verified_type',
  'withheld',
]);
export const DM_EVENT_FIELDS = new Set([
  'attachments',
  'created_at',
  'dm_conversation_id',
  'entities',
  'event_type',
  'id',
  'participant_ids',
  'referenced_tweets',
  'sender_id',
  'text',
]);

/** The apps the sim's tweets come from (X's `source`), picked by id so a tweet keeps its own. */
const SOURCES = ['Twitter for iPhone', 'Twitter for Android', 'Twitter Web App'];

/** The expansions X documents for tweet routes; those naming data the sim has no part of (articles, notes) add nothing. */
export const TWEET_EXPANSIONS = new Set([
  'article.cover_media',
  'article.media_entities',
  'attachments.media_keys',
  'attachments.media_source_tweet',
  'attachments.poll_ids',
  'author_id',
  'edit_history_tweet_ids',
  'entities.mentions.username',
  'entities.note.mentions.username',
  'geo.place_id',
  'in_reply_to_user_id',
  'referenced_tweets.id',
  'referenced_tweets.id.attachments.media_keys',
  'referenced_tweets.id.author_id',
]);

export const POLL_FIELDS = new Set(['duration_minutes', 'end_datetime', 'id', 'options', 'voting_status']);

const ALLOWED: Record<string, Set<string>> = {
  'user.fields': USER_FIELDS,
  'dm_event.fields': DM_EVENT_FIELDS,
  expansions: TWEET_EXPANSIONS,
  'poll.fields': POLL_FIELDS,
  'media.fields': MEDIA_FIELDS,
  'place.fields': PLACE_FIELDS,
};

export class UnknownFieldError extends Error {
  constructor(
    readonly parameter: string,
    readonly value: string,
    message?: string,
  ) {
    super(message ?? `The \`${parameter}\` query parameter value [${value}] is not one of [${[...(ALLOWED[parameter] ?? TWEET_FIELDS)].join(',')}]`);
  }
}

export function fieldList(query: URLSearchParams, parameter: string, allowed: Set<string>): Set<string> {
  const fields = new Set<string>();
  for (const f of listParam(query, parameter) ?? []) {
    if (!allowed.has(f)) throw new UnknownFieldError(parameter, f);
    fields.add(f);
  }
  return fields;
}

const iso = (ms: number) => new Date(ms).toISOString();

export function tweetJson(t: XTweet, fields: Set<string>, expansions: ReadonlySet<string> = new Set()): Record<string, unknown> {
  // X always sends id, text and the edit history.
  const out: Record<string, unknown> = { id: t.id, text: t.text, edit_history_tweet_ids: versionsOf(t).map((v) => v.id) };
  // Attachments come when asked for, or when an expansion needs their ids.
  const attachments: Record<string, string[]> = {};
  if (t.poll && (fields.has('attachments') || expansions.has('attachments.poll_ids'))) attachments.poll_ids = [t.poll.id];
  if (t.media && (fields.has('attachments') || expansions.has('attachments.media_keys'))) attachments.media_keys = t.media.map((m) => m.mediaKey);
  if (Object.keys(attachments).length) out.attachments = attachments;
  if (fields.has('created_at')) out.created_at = iso(t.createdAt);
  if (fields.has('author_id')) out.author_id = t.author.id;
  if (fields.has('conversation_id')) out.conversation_id = t.conversationId;
  if (fields.has('in_reply_to_user_id') && t.parent) out.in_reply_to_user_id = t.parent.author.id;
  const referenced = [
    ...(t.quoted ? [{ type: 'quoted', id: t.quoted.id }] : []),
    ...(t.retweeted ? [{ type: 'retweeted', id: t.retweeted.id }] : []),
    ...(t.parent ? [{ type: 'replied_to', id: t.parent.id }] : []),
  ];
  if (fields.has('referenced_tweets') && referenced.length) out.referenced_tweets = referenced;
  if (fields.has('public_metrics'))
    out.public_metrics = {
      retweet_count: t.retweets.length,
      reply_count: t.replyCount,
      like_count: t.likedBy.length,
      quote_count: t.quoteCount,
      bookmark_count: 0,
      impression_count: t.replyCount * 40 + 12,
    };
  if (fields.has('lang')) out.lang = 'de';
  if (fields.has('source')) out.source = SOURCES[Number(BigInt(t.id) % 3n)];
  if (fields.has('reply_settings')) out.reply_settings = t.replySettings ?? 'everyone';
  if (fields.has('geo') && t.placeId) out.geo = { place_id: t.placeId };
  if (fields.has('possibly_sensitive')) out.possibly_sensitive = false;
  if (fields.has('display_text_range')) out.display_text_range = [t.extras?.displayStart ?? 0, Array.from(t.text).length]; // code points, as X counts
  if (fields.has('edit_controls')) out.edit_controls = editControls(t);
  if (fields.has('card_uri') && t.extras?.cardUri) out.card_uri = t.extras.cardUri;
  if (fields.has('community_id') && t.extras?.communityId) out.community_id = t.extras.communityId;
  // scopes.followers: whether followers see the post without its id — not for a promoted-only (nullcast) one.
  if (fields.has('scopes')) out.scopes = { followers: !t.extras?.nullcast };
  if (fields.has('entities')) {
    const mentions = [...t.text.matchAll(/@(\w{1,15})/g)].map((m) => ({ start: m.index, end: m.index + m[0].length, username: m[1] }));
    if (mentions.length) out.entities = { mentions };
  }
  return out;
}

export function userJson(u: XUser, fields: Set<string>): Record<string, unknown> {
  const out: Record<string, unknown> = { id: u.id, name: u.name, username: u.username };
  if (fields.has('profile_image_url')) out.profile_image_url = `https://pbs.twimg.com/profile_images/${u.id}/avatar_normal.jpg`;
  if (fields.has('created_at')) out.created_at = '2019-03-01T10:00:00.000Z';
  if (fields.has('description')) out.description = '';
  if (fields.has('verified')) out.verified = false;
  if (fields.has('protected')) out.protected = false;
  if (fields.has('verified_type')) out.verified_type = 'none';
  if (fields.has('public_metrics'))
    out.public_metrics = { followers_count: 0, following_count: 0, tweet_count: 0, listed_count: 0, like_count: 0, media_count: 0 };
  if (fields.has('receives_your_dm')) out.receives_your_dm = true;
  return out;
}

export function dmEventJson(e: XDmEvent, fields: Set<string>, expansions: ReadonlySet<string> = new Set()): Record<string, unknown> {
  // Without dm_event.fields X sends id and event_type, and a message's text; joins and leaves have none.
  const out: Record<string, unknown> = { id: e.id, event_type: e.eventType };
  if (e.eventType === 'MessageCreate') out.text = e.text;
  if (e.media && (fields.has('attachments') || expansions.has('attachments.media_keys'))) out.attachments = { media_keys: e.media.map((m) => m.mediaKey) };
  if (fields.has('dm_conversation_id')) out.dm_conversation_id = e.conversationId;
  if (fields.has('created_at')) out.created_at = iso(e.createdAt);
  if (fields.has('sender_id')) out.sender_id = e.sender.id;
  const participants = participantsOf(e);
  if (fields.has('participant_ids') && participants) out.participant_ids = participants.map((u) => u.id);
  return out;
}

/**
 * participant_ids: who joined or left for ParticipantsJoin/Leave (X's documented use); a 1:1
 * message keeps both members, as the sim has always answered; a group message has none.
 */
function participantsOf(e: XDmEvent): XUser[] | undefined {
  if (e.eventType !== 'MessageCreate') return e.participants;
  return e.recipient ? [e.sender, e.recipient] : undefined;
}

/** data + includes (expansions) for a list of tweets. */
export function tweetsBody(store: XStore, tweets: XTweet[], query: URLSearchParams): Record<string, unknown> {
  const fields = fieldList(query, 'tweet.fields', TWEET_FIELDS);
  const userFields = fieldList(query, 'user.fields', USER_FIELDS);
  const expansions = fieldList(query, 'expansions', TWEET_EXPANSIONS);
  const includes: Record<string, unknown[]> = {};
  // Each user expansion adds the users it names, once each (X lists a user once in includes.users).
  const users = new Map<string, XUser>();
  const add = (u: XUser | undefined) => u && users.set(u.id, u);
  const pollFields = fieldList(query, 'poll.fields', POLL_FIELDS);
  const mediaFields = fieldList(query, 'media.fields', MEDIA_FIELDS);
  for (const t of tweets) {
    if (expansions.has('author_id')) add(t.author);
    if (expansions.has('in_reply_to_user_id')) add(t.parent?.author);
    if (expansions.has('referenced_tweets.id.author_id')) {
      add(t.parent?.author);
      add(t.quoted?.author);
      add(t.retweeted?.author);
    }
    if (expansions.has('entities.mentions.username')) for (const id of t.mentions) add(store.user(id));
  }
  if (users.size) includes.users = [...users.values()].map((u) => userJson(u, userFields));
  if (expansions.has('referenced_tweets.id')) {
    const referenced = new Map<string, XTweet>();
    for (const t of tweets) for (const r of [t.quoted, t.retweeted, t.parent]) if (r) referenced.set(r.id, r);
    if (referenced.size) includes.tweets = [...referenced.values()].map((r) => tweetJson(r, fields, expansions));
  }
  if (expansions.has('edit_history_tweet_ids')) {
    // The other versions of each edited post, as full posts (docs: "Edit Posts", edit history expansion).
    const listed = new Set([...tweets.map((t) => t.id), ...((includes.tweets as Array<{ id: string }> | undefined) ?? []).map((t) => t.id)]);
    const others = tweets.flatMap((t) => versionsOf(t)).filter((v, i, all) => all.indexOf(v) === i && !listed.has(v.id));
    if (others.length) includes.tweets = [...(includes.tweets ?? []), ...others.map((v) => tweetJson(v, fields, expansions))];
  }
  if (expansions.has('attachments.poll_ids')) {
    const polls = tweets.flatMap((t) => (t.poll ? [t.poll] : []));
    if (polls.length) includes.polls = polls.map((p) => pollJson(p, pollFields, store.now()));
  }
  if (expansions.has('attachments.media_keys')) {
    const media = new Map<string, XMedia>();
    for (const t of tweets) for (const m of t.media ?? []) media.set(m.mediaKey, m);
    if (media.size) includes.media = [...media.values()].map((m) => mediaJson(m, mediaFields));
  }
  if (expansions.has('geo.place_id')) {
    const placeFields = fieldList(query, 'place.fields', PLACE_FIELDS);
    const places = new Map<string, XPlace>();
    for (const t of tweets) {
      const place = t.placeId ? placeById(t.placeId) : undefined;
      if (place) places.set(place.id, place);
    }
    if (places.size) includes.places = [...places.values()].map((p) => placeJson(p, placeFields));
  } else fieldList(query, 'place.fields', PLACE_FIELDS);
  // An empty page has no `data` at all, only meta.result_count 0.
  if (!tweets.length) return {};
  return { data: tweets.map((t) => tweetJson(t, fields, expansions)), ...(Object.keys(includes).length ? { includes } : {}) };
}

/** X's poll object: id and options (position, label, votes) by default; duration, end and status when asked. */
export function pollJson(p: XPoll, fields: Set<string>, now: number): Record<string, unknown> {
  const votes = pollVotes(p, now);
  const out: Record<string, unknown> = { id: p.id, options: p.options.map((label, i) => ({ position: i + 1, label, votes: votes[i] })) };
  if (fields.has('duration_minutes')) out.duration_minutes = p.durationMinutes;
  if (fields.has('end_datetime')) out.end_datetime = iso(p.endAt);
  if (fields.has('voting_status')) out.voting_status = now < p.endAt ? 'open' : 'closed';
  return out;
}

export function dmEventsBody(events: XDmEvent[], query: URLSearchParams): Record<string, unknown> {
  const fields = fieldList(query, 'dm_event.fields', DM_EVENT_FIELDS);
  const userFields = fieldList(query, 'user.fields', USER_FIELDS);
  const expansions = new Set(listParam(query, 'expansions') ?? []);
  const mediaFields = fieldList(query, 'media.fields', MEDIA_FIELDS);
  const users = new Map<string, XUser>();
  const media = new Map<string, XMedia>();
  for (const e of events) {
    if (expansions.has('sender_id')) users.set(e.sender.id, e.sender);
    if (expansions.has('participant_ids')) for (const u of participantsOf(e) ?? []) users.set(u.id, u);
    if (expansions.has('attachments.media_keys')) for (const m of e.media ?? []) media.set(m.mediaKey, m);
  }
  if (!events.length) return {};
  const includes: Record<string, unknown[]> = {};
  if (users.size) includes.users = [...users.values()].map((u) => userJson(u, userFields));
  if (media.size) includes.media = [...media.values()].map((m) => mediaJson(m, mediaFields));
  return { data: events.map((e) => dmEventJson(e, fields, expansions)), ...(Object.keys(includes).length ? { includes } : {}) };
}
